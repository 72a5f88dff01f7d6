import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { type DemoRole, expect, expectAccessible, test } from "./fixtures";
import { ApprovalPage } from "./pages/approval-page";
import { DialoguePage } from "./pages/dialogue-page";
import { HldPage } from "./pages/hld-page";
import { PaperPage } from "./pages/paper-page";

const rabatStates: { role: DemoRole; partner: string }[] = [
  { role: "rabatChair", partner: "Senegal" },
  { role: "rabatPen", partner: "Morocco" },
  { role: "rabatFr", partner: "France" },
  { role: "rabatEs", partner: "Spain" },
  { role: "rabatMl", partner: "Mali" },
];

// Each test works on papers of its own, so a retry starts from the same state as the first try.
const unique = () => Date.now().toString(36);

test("the Rabat Process agrees Rev.1 and the chair submits it to the HLD, hash intact", async ({
  signedInPage,
  paperInConsultation,
}) => {
  const paperPath = await paperInConsultation(
    `Rabat Process conclusions on legal migration ${unique()}`,
    "Partners will open legal pathways for workers and students.",
  );
  const chair = await signedInPage("rabatChair");
  const paper = new PaperPage(chair, paperPath);
  await paper.goto();
  const round = await paper.freezeAndOpenRound();
  const roundHash = (await round.roundHash.textContent())?.trim() ?? "";
  expect(roundHash).toMatch(/^[0-9a-f]{64}$/);
  await expect(round.positionRows).toHaveCount(5);
  await expect(round.notAnswered).toHaveCount(5);
  await expectAccessible(chair);

  // Every state speaks through its own delegate, in its own session.
  for (const [i, state] of rabatStates.entries()) {
    const page = state.role === "rabatChair" ? chair : await signedInPage(state.role);
    if (i === 2) {
      await page.goto("/notifications");
      await expect(page.getByTestId("notification").first()).toContainText("An approval round is open");
    }
    await new ApprovalPage(page, paperPath).recordPosition(state.partner, "Approve");
    if (page !== chair) await page.context().close();
  }

  await paper.goto();
  await expect(paper.status("Agreed")).toBeVisible();
  const submitted = await paper.submitToHld();
  await expect(submitted.submissionReference).toHaveText(/^HLD\/2013\/RABAT\/\d{3}$/);
  const reference = (await submitted.submissionReference.textContent())?.trim() ?? "";
  await expect(submitted.submissionHash).toHaveText(roundHash);

  await chair.goto(`${paperPath}/history`);
  const history = chair.getByTestId("history-event");
  await expect(history.filter({ hasText: "Rev.1 frozen" })).toHaveCount(1);
  await expect(history.filter({ hasText: /Position of .+ recorded: Approve/ })).toHaveCount(5);
  await expect(history.filter({ hasText: `Submitted to the HLD as ${reference} (Rev.1)` })).toHaveCount(1);
  await chair.context().close();

  const hld = new HldPage(await signedInPage("hld"));
  await hld.goto();
  await expect(hld.row(reference)).toContainText(roundHash);
});

test("one objection sends the paper back to consultation", async ({ signedInPage }) => {
  const chair = await signedInPage("rabatChair");
  const dialogue = new DialoguePage(chair, "rabat");
  await dialogue.goto();
  const paper = await dialogue.createPaper(`Rabat Process position on visa facilitation ${unique()}`);
  await paper.editor.click();
  await chair.keyboard.type("Visa facilitation for researchers.");
  await expect(paper.saved).toBeVisible();
  await paper.openConsultation();
  await paper.freezeAndOpenRound();

  const spain = new ApprovalPage(await signedInPage("rabatEs"), paper.path);
  await spain.goto();
  // An objection without a reason is refused and changes nothing.
  await spain.submitPosition("Spain", "Object");
  await expect(spain.positionForm("Spain").getByRole("alert")).toHaveText("An objection needs a reason.");
  await expect(spain.notAnswered).toHaveCount(5);
  await spain.recordPosition("Spain", "Object", "Paragraph 2 prejudges the outcome of the Rabat ministerial.");
  await spain.page.context().close();

  const round = new ApprovalPage(chair, paper.path);
  await round.goto();
  await expect(round.roundHeading(/Round on Rev.1 · not agreed/)).toBeVisible();
  await expect(round.positionRow("Spain")).toContainText("Paragraph 2 prejudges");
  await paper.goto();
  await expect(paper.status("Consultation")).toBeVisible();

  // The chair amends the text; Rev.1 compared with the live text shows the new words.
  await paper.paragraph(1).click();
  await chair.keyboard.press("End");
  await chair.keyboard.press("ArrowLeft");
  await chair.keyboard.type(" and students");
  await expect(paper.editor).toContainText("Visa facilitation for researchers and students.");
  await expect(async () => {
    await chair.goto(`${paper.path}/compare?from=1&to=live&view=inline`);
    await expect(chair.getByTestId("compare-inline").locator("ins")).toContainText("and students", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(chair.getByTestId("compare-inline").locator("[data-number='1'], .paragraph-number").first()).toHaveText(
    "1.",
  );
  await expectAccessible(chair);
  await chair.goto(`${paper.path}/compare?from=1&to=live&view=side`);
  await expect(chair.getByTestId("compare-side").locator("ins")).toContainText("and students");

  // The same comparison as a Word document with real tracked changes, as chanceries read it.
  const download = chair.waitForEvent("download");
  await chair.getByRole("link", { name: "Download as Word with tracked changes" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/rev1-live redline\.docx$/);
  const documentXml = strFromU8(
    unzipSync(new Uint8Array(readFileSync(await file.path())))["word/document.xml"] ?? new Uint8Array(),
  );
  expect(documentXml).toMatch(/<w:ins [^>]*w:author="Rabat Process[^"]*secretariat"[^>]*>.*and students/s);
  // Only for those who may export the paper: the HLD secretariat does not see a paper in consultation.
  const hld = await signedInPage("hld");
  const refused = await hld.request.get(`/api/papers/${paper.path.split("/").pop()}/redline?from=1&to=live`);
  expect(refused.status()).toBe(404);
});

test("the penholder brackets a paragraph; bracketed text cannot be put to a round until agreed", async ({
  signedInPage,
  paperInConsultation,
}) => {
  const paperPath = await paperInConsultation(
    `Rabat Process position on return ${unique()}`,
    "Return should be voluntary wherever possible.",
  );
  const chair = new PaperPage(await signedInPage("rabatChair"), paperPath);
  await chair.goto();
  await chair.paragraph(1).click();
  await chair.bracketButton.click();
  await expect(chair.bracketButton).toHaveAttribute("aria-pressed", "true");
  await expect(chair.paragraph(1)).toHaveAttribute("data-agreement", "bracketed");
  await expect(chair.paragraph(1).locator(".agreement-bracket")).toHaveText(["[", "]"]);
  await expect(chair.saved).toBeVisible();

  // A delegate sees the brackets live, but has no control to change them.
  const france = new PaperPage(await signedInPage("rabatFr"), paperPath);
  await france.goto();
  await expect(france.paragraph(1)).toHaveAttribute("data-agreement", "bracketed");
  await expect(france.bracketButton).toHaveCount(0);
  await france.page.context().close();

  // Either the panel already knows, or the server refuses the freeze: the same message.
  if (await chair.freezeButton.isVisible()) {
    await chair.freezeButton.click();
    await chair.confirm("Freeze Rev.1 and open the round?", "Freeze and open the round");
  }
  await expect(chair.page.getByText(/still has \[bracketed\] paragraphs/).first()).toBeVisible();
  await expect(chair.page).not.toHaveURL(/\/approval$/);

  await chair.goto();
  await chair.paragraph(1).click();
  await chair.bracketButton.click();
  await expect(chair.editor.locator("[data-agreement]")).toHaveCount(0);
  // Once the stored text has caught up, the round can be opened.
  await expect(async () => {
    await chair.goto();
    await expect(chair.freezeButton).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await chair.freezeAndOpenRound();
});
