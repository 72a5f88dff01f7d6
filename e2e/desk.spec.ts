// The negotiation desk, end to end: a submitted paper leads with its HLD reference and the
// official files (which the public verification page recognises), a delegate is asked for their
// state's position on their desk and on the paper page and answers there, irreversible actions
// ask first and every action says what it did, and the paper page keeps the text first with the
// negotiation panel beside it on a wide screen and after it on a phone (screenshots kept).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { ApprovalPage } from "./pages/approval-page";
import { DialoguePage } from "./pages/dialogue-page";
import { PaperPage } from "./pages/paper-page";
import { VerifyPage } from "./pages/verify-page";

const unique = () => Date.now().toString(36);
const work = mkdtempSync(path.join(tmpdir(), "accord-desk-"));

/** The seeded MME paper, submitted to the HLD. */
async function submittedPaperPath(page: Page): Promise<string> {
  const dialogue = new DialoguePage(page, "mme");
  await dialogue.goto();
  const link = dialogue.paperLink("Africa-EU MME Partnership recommendations to the 2013 High-Level Dialogue");
  const href = await link.first().getAttribute("href");
  expect(href).toMatch(/^\/papers\/[0-9a-f-]{36}$/);
  return href as string;
}

/** A full-page screenshot kept with the test's results. */
async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

test("a submitted paper leads with its HLD reference and the official files, which /verify recognises", async ({
  signedInPage,
}) => {
  test.setTimeout(90_000);
  const page = await signedInPage("mmeChair");
  const paperPath = await submittedPaperPath(page);
  await page.goto(paperPath);
  const lead = page.getByRole("region", { name: "Submitted to the HLD" });
  await expect(lead.getByTestId("lead-reference")).toHaveText(/^HLD\/2013\/MME\/\d{3}$/);
  const official = lead.getByRole("region", { name: "Official files of Rev.1" });
  await expect(official.getByTestId("export-md")).toHaveText("Download Markdown of Rev.1");
  // No live-draft file once the text is submitted: those are what /verify would call altered.
  await expect(page.getByRole("link", { name: /live draft/i })).toHaveCount(0);
  // The lead comes before the text.
  const text = page.getByRole("region", { name: "Text" });
  const [leadBox, textBox] = [await lead.boundingBox(), await text.boundingBox()];
  expect(leadBox && textBox && leadBox.y < textBox.y).toBe(true);
  await expectAccessible(page);

  const [received] = await Promise.all([page.waitForEvent("download"), official.getByTestId("export-md").click()]);
  const file = path.join(work, received.suggestedFilename());
  await received.saveAs(file);
  const verify = new VerifyPage(page);
  await verify.goto();
  await verify.verifyFile(file);
  await expect(verify.result).toHaveAttribute("data-outcome", "match");
});

test("a delegate is asked for their state's position on their desk and on the paper, answers there, and the chair closes the round after confirming", async ({
  signedInPage,
  paperInConsultation,
}) => {
  test.setTimeout(120_000);
  const title = `Desk round ${unique()}`;
  const paperPath = await paperInConsultation(title, "Partners will share data on labour migration.");
  const chair = new PaperPage(await signedInPage("rabatChair"), paperPath);
  await chair.goto();

  // Freezing asks first and says what will happen; cancelling changes nothing.
  await chair.freezeButton.click();
  const question = chair.confirmation("Freeze Rev.1 and open the round?");
  await expect(question).toContainText("A frozen revision cannot be unfrozen.");
  await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(chair.page);
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toBeHidden();
  await chair.page.reload();
  await expect(chair.status("Consultation")).toBeVisible();
  await chair.freezeAndOpenRound();

  // France's delegate: the desk says what is asked and how long is left.
  const france = await signedInPage("rabatFr");
  await france.goto("/desk");
  const due = france.getByTestId("desk-positions");
  await expect(due).toContainText(`France has not yet taken a position on ${title}, Rev.1`);
  await expect(due).toContainText("Closes in 7 days");
  await expect(france.getByTestId("desk-rounds")).toContainText(`${title}, Rev.1: 0 of 5 states have answered`);
  await expectAccessible(france);
  await due.getByRole("link", { name: new RegExp(`^Take the position\\W+${title}$`) }).click();

  // The paper page asks too, above the text, and takes the answer there.
  const prompt = france.getByRole("region", { name: "France has not yet taken a position on Rev.1" });
  await expect(prompt.getByTestId("position-due-time")).toContainText("The round closes in 7 days");
  // The text is frozen: the files offered are those of Rev.1, not a live draft.
  await expect(france.getByRole("region", { name: "Files of Rev.1" })).toBeVisible();
  await expect(france.getByRole("link", { name: /live draft/i })).toHaveCount(0);
  await expectAccessible(france);
  const form = prompt.getByRole("form", { name: "Position of France" });
  await form.getByLabel("Approve", { exact: true }).check();
  await form.getByRole("button", { name: "Record position" }).click();
  // The prompt goes; the page says what was done.
  await expect(france.getByTestId("flash-notice")).toHaveText("Position recorded.");
  await expect(france.getByRole("region", { name: /has not yet taken a position/ })).toHaveCount(0);
  await expect(france.getByTestId("round-summary")).toHaveText("Round on Rev.1: 1 of 5 states have answered.");
  await france.goto("/desk");
  // Other specs may hold rounds open on the same dialogue at the same time: only this paper is asserted.
  await expect(france.getByTestId("desk-positions")).not.toContainText(title);
  await expect(france.getByTestId("desk-rounds")).toContainText(`${title}, Rev.1: 1 of 5 states have answered`);

  // The chair closes the round early: asked first, then told what happened.
  await chair.goto();
  await chair.page.getByRole("button", { name: "Close the round without agreement" }).click();
  await chair.confirm("Close the round on Rev.1 without agreement?", "Close the round");
  await expect(chair.page).toHaveURL(/\/approval$/);
  const approval = new ApprovalPage(chair.page, paperPath);
  await expect(approval.flash).toHaveText("Round closed without agreement; the text is open for consultation again.");
  await expect(approval.roundHeading("Round on Rev.1 · not agreed")).toBeVisible();
  await expect(approval.positionRow("France")).toContainText("Approve");
  await chair.goto();
  await expect(chair.status("Consultation")).toBeVisible();
});

/** Opens the first paper listed in the Rabat Process, as its chair sees the list. */
async function openFirstRabatPaper(page: Page): Promise<PaperPage> {
  await new DialoguePage(page, "rabat").goto();
  const href = await page.locator("table a[href^='/papers/']").first().getAttribute("href");
  return new PaperPage(page, href as string).open();
}

for (const viewport of [
  { name: "phone", width: 390, height: 844 },
  // Beside the text where the screen has room for the text, the comments and the panel.
  { name: "desktop", width: 1600, height: 900 },
]) {
  test(`the paper page keeps the text first, with the negotiation panel ${viewport.name === "phone" ? "after it" : "beside it"} (${viewport.width} px)`, async ({
    signedInPage,
  }, testInfo) => {
    const page = await signedInPage("rabatChair", { viewport: { width: viewport.width, height: viewport.height } });
    await openFirstRabatPaper(page);
    const text = page.getByRole("region", { name: "Text" });
    const panel = page.getByRole("complementary", { name: "Negotiation panel" });
    await expect(panel.getByRole("region", { name: "Workflow" })).toBeVisible();
    const [textBox, panelBox] = [await text.boundingBox(), await panel.boundingBox()];
    if (!textBox || !panelBox) throw new Error("text or panel not laid out");
    if (viewport.name === "phone") {
      expect(panelBox.y).toBeGreaterThanOrEqual(textBox.y + textBox.height - 1);
    } else {
      expect(panelBox.x).toBeGreaterThanOrEqual(textBox.x + textBox.width - 1);
      expect(panelBox.y).toBeLessThan(textBox.y + 50);
    }
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await keepScreenshot(page, testInfo, `paper-page-${viewport.width}`);
    await page.goto("/desk");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await keepScreenshot(page, testInfo, `desk-${viewport.width}`);
  });
}

test("on a laptop (1280 px) the negotiation panel folds away beside the text and opens over the comments", async ({
  signedInPage,
}, testInfo) => {
  const page = await signedInPage("rabatChair", { viewport: { width: 1280, height: 800 } });
  await openFirstRabatPaper(page);
  const text = page.getByRole("region", { name: "Text" });
  const panel = page.getByRole("complementary", { name: "Negotiation panel" });
  const workflow = panel.getByRole("region", { name: "Workflow" });
  const opener = page.getByRole("button", { name: "Open the negotiation panel" });
  // Folded: the text keeps its width and the panel is one button away, in view wherever one reads.
  await expect(opener).toBeVisible();
  await expect(opener).toHaveAttribute("aria-expanded", "false");
  await expect(workflow).toBeHidden();
  const textWidth = (await text.boundingBox())?.width ?? 0;
  expect(textWidth).toBeGreaterThan(1000);
  await keepScreenshot(page, testInfo, "paper-page-1280-folded");

  // Opened: a sheet at the right edge, with the workflow, focus on its close button; the text
  // stays where it was.
  await opener.click();
  await expect(workflow).toBeVisible();
  const closer = panel.getByRole("button", { name: "Close the panel" });
  await expect(closer).toBeFocused();
  const sheet = await panel.boundingBox();
  if (!sheet) throw new Error("panel not laid out");
  expect(sheet.x + sheet.width).toBeGreaterThanOrEqual(1279);
  expect((await text.boundingBox())?.width).toBe(textWidth);
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "paper-page-1280-panel");

  // Escape folds it away again and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(workflow).toBeHidden();
  await expect(opener).toBeFocused();
  // Closing by its button works the same.
  await opener.click();
  await closer.click();
  await expect(workflow).toBeHidden();
  await expect(opener).toBeFocused();
});
