// The whole journey by keyboard alone: no click, no pointer. Each person signs in with the form,
// the penholder edits and comments, a delegate suggests, the chair accepts it and freezes the
// text, every state takes its position from the paper page, the chair submits to the HLD, and
// the official file is downloaded. Controls are reached with Tab (and Shift+Tab) only, so a
// control that the keyboard cannot reach, or that does nothing on Enter or Space, fails here.
import type { Browser, Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD, type DemoRole, demo, expect, test } from "./fixtures";
import { PaperPage } from "./pages/paper-page";

/** Presses Tab until `target` has the focus (a keyboard user's way to any control). */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 200 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    if (
      await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))
    )
      return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** A fresh browser session, signed in through the sign-in form by keyboard. */
async function signInByKeyboard(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(demo[role]);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/desk$/);
  return page;
}

const states: { role: DemoRole; partner: string }[] = [
  { role: "rabatChair", partner: "Senegal" },
  { role: "rabatPen", partner: "Morocco" },
  { role: "rabatFr", partner: "France" },
  { role: "rabatEs", partner: "Spain" },
  { role: "rabatMl", partner: "Mali" },
];

test("the whole journey, from sign-in to the exported official file, by keyboard alone", async ({
  browser,
  paperInConsultation,
}) => {
  test.setTimeout(300_000);
  const title = `Keyboard journey ${Date.now().toString(36)}`;
  const paperPath = await paperInConsultation(title, "Partners will facilitate circular migration.");

  // The penholder edits, then comments on what they selected.
  const pen = new PaperPage(await signInByKeyboard(browser, "rabatPen"), paperPath);
  await pen.open();
  await tabTo(pen.page, pen.editor);
  await pen.page.keyboard.press("ControlOrMeta+End");
  await pen.page.keyboard.type(" Edited by keyboard.");
  await expect(pen.allChangesSaved).toBeVisible();
  await pen.page.keyboard.press("Shift+Home");
  await tabTo(pen.page, pen.comments.commentOnSelectionButton);
  await pen.page.keyboard.press("Enter");
  await tabTo(pen.page, pen.comments.root.getByLabel("Your comment"));
  await pen.page.keyboard.type("Is circular migration the agreed term?");
  await tabTo(pen.page, pen.comments.root.getByRole("button", { name: "Post comment" }));
  await pen.page.keyboard.press("Enter");
  await expect(pen.comments.thread("Youssef El Amrani")).toContainText("Is circular migration the agreed term?");
  await pen.page.context().close();

  // France's delegate types a suggestion.
  const france = new PaperPage(await signInByKeyboard(browser, "rabatFr"), paperPath);
  await france.open();
  await tabTo(france.page, france.editor);
  await france.page.keyboard.press("ControlOrMeta+End");
  await france.page.keyboard.type(" And seasonal work.");
  await expect(france.allChangesSaved).toBeVisible();
  await expect(france.comments.suggestions).toContainText("And seasonal work.");
  await france.page.context().close();

  // The chair accepts it, then freezes the text after confirming.
  const chair = new PaperPage(await signInByKeyboard(browser, "rabatChair"), paperPath);
  await chair.open();
  await tabTo(chair.page, chair.comments.acceptButton("Claire Dubois", "Insert"));
  await chair.page.keyboard.press("Enter");
  await expect(chair.comments.suggestions).toHaveCount(0);
  await expect(async () => {
    await chair.goto();
    await expect(chair.freezeButton).toBeVisible({ timeout: 1000 });
    await expect(chair.page.getByTestId("pending-suggestions")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await tabTo(chair.page, chair.freezeButton);
  await chair.page.keyboard.press("Enter");
  const freeze = chair.confirmation("Freeze Rev.1 and open the round?");
  await expect(freeze.getByRole("button", { name: "Cancel" })).toBeFocused();
  await chair.page.keyboard.press("Tab");
  await expect(freeze.getByRole("button", { name: "Freeze and open the round" })).toBeFocused();
  await chair.page.keyboard.press("Enter");
  await expect(chair.page).toHaveURL(/\/approval$/);

  // Every state answers from the paper page's prompt.
  for (const state of states) {
    const delegate = await signInByKeyboard(browser, state.role);
    await delegate.goto(paperPath);
    const form = delegate.getByRole("form", { name: `Position of ${state.partner}` });
    await tabTo(delegate, form.getByLabel("Approve", { exact: true }));
    await delegate.keyboard.press("Space");
    await expect(form.getByLabel("Approve", { exact: true })).toBeChecked();
    await tabTo(delegate, form.getByRole("button", { name: "Record position" }));
    await delegate.keyboard.press("Enter");
    await expect(delegate.getByTestId("flash-notice")).toHaveText("Position recorded.");
    await delegate.context().close();
  }

  // The chair submits to the HLD, after confirming.
  await chair.goto();
  await expect(chair.status("Agreed")).toBeVisible();
  await tabTo(chair.page, chair.page.getByRole("button", { name: "Submit to the HLD" }));
  await chair.page.keyboard.press("Enter");
  const submit = chair.confirmation("Submit Rev.1 to the HLD?");
  await expect(submit.getByRole("button", { name: "Cancel" })).toBeFocused();
  await chair.page.keyboard.press("Tab");
  await chair.page.keyboard.press("Enter");
  await expect(chair.page.getByTestId("flash-notice")).toHaveText("Submitted to the HLD.");

  // The official file, downloaded by keyboard from the paper page.
  await chair.goto();
  const official = chair.page.getByRole("region", { name: "Official files of Rev.1" });
  await tabTo(chair.page, official.getByTestId("export-md"));
  const [download] = await Promise.all([chair.page.waitForEvent("download"), chair.page.keyboard.press("Enter")]);
  // Named by the document symbol issued at freezing (Rev.1 is the base symbol, UN style).
  expect(download.suggestedFilename()).toMatch(/^RABAT-\d{4}-WG\.1-L\.\d+-keyboard-journey-[a-z0-9]+\.md$/);
});
