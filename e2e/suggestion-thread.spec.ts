// A suggestion that carries a comment thread explaining it, end to end, on a paper of the Rabat
// Process created here (the seeded papers are left to the other specs): a delegate in
// consultation types a suggestion, selects the suggested text and opens a thread on it; the
// penholder, in another browser, sees the suggestion and its thread on the same words, accepts
// the suggestion, and the thread stays anchored and readable for both.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { demo, expectAccessible, paperInConsultation, signInAs, waitForText } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = `Rabat suggestion thread ${Date.now().toString(36)}`;
const TEXT = "Partners commit to mobility partnerships";
const SUGGESTED = " and to legal pathways";
/** What the delegate selects: the suggested words, without the leading space. */
const WORDS = SUGGESTED.trim();
const EXPLANATION = "Legal pathways are what the Rabat ministerial asked for; this keeps the paper in line.";
let paperPath = "";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  await signInAs(context, email);
  return context.newPage();
}

const editorOf = (page: Page) => page.getByRole("textbox", { name: /^Text of / });
const panelOf = (page: Page) => page.getByRole("complementary", { name: "Comments and suggestions" });
const threadOf = (page: Page) => panelOf(page).getByRole("article", { name: "Thread by Claire Dubois" });
const saved = (page: Page) => page.getByRole("status").filter({ hasText: /All changes saved|Up to date/ });

async function openPaper(browser: Browser, email: string): Promise<Page> {
  const page = await pageAs(browser, email);
  await page.goto(paperPath);
  await expect(editorOf(page)).toBeVisible();
  await waitForText(page);
  await expect(saved(page)).toBeVisible();
  return page;
}

/** The editor's text without other users' caret labels. */
const plainText = (page: Page) =>
  editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  });

/** The text proposed for insertion (the anchor splits it into several elements). */
const suggestedText = (page: Page) =>
  editorOf(page)
    .locator("ins.suggestion-insert")
    .evaluateAll((nodes) => nodes.map((n) => n.textContent ?? "").join(""));

/** The text of the passage the thread is anchored to, as highlighted in the editor. */
const highlighted = (page: Page) =>
  editorOf(page)
    .locator(".comment-highlight")
    .evaluateAll((nodes) => nodes.map((n) => n.textContent ?? "").join(""));

/** Whether every highlighted piece of the thread's passage is also suggested (inside the insertion). */
const highlightInsideSuggestion = (page: Page) =>
  editorOf(page)
    .locator(".comment-highlight")
    .evaluateAll(
      (nodes) =>
        nodes.length > 0 &&
        nodes.every((n) => n.closest("ins.suggestion-insert") !== null || n.querySelector("ins.suggestion-insert")),
    );

test("the penholder prepares a paper in consultation", async ({ browser }) => {
  paperPath = await paperInConsultation(browser, TITLE, TEXT);
});

test("a delegate explains a suggestion in a thread; the penholder accepts it and the thread stays", async ({
  browser,
}) => {
  test.skip(!paperPath, "needs the paper of the first test");
  const pen = await openPaper(browser, demo.rabatPen);
  const fr = await openPaper(browser, demo.rabatFr);
  await expect(fr.getByRole("button", { name: "Suggest changes" })).toHaveAttribute("aria-pressed", "true");

  // The delegate types: the words become her suggestion, not a change.
  const editor = editorOf(fr);
  await editor.locator("p").first().click();
  await fr.keyboard.press("End");
  await fr.keyboard.type(SUGGESTED);
  await expect(editor.locator("ins.suggestion-insert")).toHaveText(SUGGESTED);

  // She explains her suggestion in a thread, from the suggestion itself.
  await panelOf(fr)
    .getByRole("list", { name: "Suggestions" })
    .getByRole("button", { name: /^Explain the suggestion of Claire Dubois/ })
    .click();
  await expect(panelOf(fr).getByText(WORDS, { exact: false }).first()).toBeVisible();
  await panelOf(fr).getByLabel("Your comment").fill(EXPLANATION);
  await panelOf(fr).getByRole("button", { name: "Post comment" }).click();
  await expect(threadOf(fr)).toBeVisible();
  await expect(threadOf(fr).locator("q")).toHaveText(WORDS);
  await expect.poll(() => highlighted(fr)).toBe(WORDS);
  await expect.poll(() => highlightInsideSuggestion(fr)).toBe(true);
  await expect.poll(() => suggestedText(fr)).toBe(SUGGESTED);
  await expect(fr.getByTestId("editor-notice")).toHaveCount(0);

  // The penholder, live: the suggestion and its thread on the same words.
  const suggestions = panelOf(pen).getByRole("list", { name: "Suggestions" });
  await expect(suggestions.getByRole("listitem")).toHaveCount(1);
  await expect(suggestions.getByRole("listitem")).toContainText(SUGGESTED.trim());
  await expect.poll(() => suggestedText(pen)).toBe(SUGGESTED);
  await expect(threadOf(pen)).toBeVisible();
  await expect(threadOf(pen).locator("q")).toHaveText(WORDS);
  await expect(threadOf(pen)).toContainText(EXPLANATION);
  await expect.poll(() => highlighted(pen)).toBe(WORDS);
  await expect.poll(() => highlightInsideSuggestion(pen)).toBe(true);
  const paragraph = editorOf(pen).locator("p").first();
  await expect(paragraph).toHaveAttribute("data-open-threads", "1");
  await expect(paragraph).toHaveAttribute("data-suggestions", "1");

  // With the thread open (selected), the page passes axe.
  await threadOf(pen)
    .getByRole("button", { name: /^Commented passage/ })
    .click();
  await expect(threadOf(pen).getByRole("button", { name: /^Commented passage/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(editorOf(pen).locator(".comment-highlight-active").first()).toBeVisible();
  await expectAccessible(pen);

  // The penholder accepts the suggestion: the words become text, the thread keeps them.
  await panelOf(pen)
    .getByRole("button", { name: /^Accept the suggestion of Claire Dubois: Insert/ })
    .click();
  for (const page of [pen, fr]) {
    await expect(editorOf(page).locator("ins.suggestion-insert")).toHaveCount(0);
    await expect.poll(() => plainText(page)).toContain(`${TEXT}${SUGGESTED}`);
    await expect(threadOf(page)).toBeVisible();
    await expect(threadOf(page)).toHaveAttribute("data-detached", "false");
    await expect(threadOf(page).locator("q")).toHaveText(WORDS);
    await expect(threadOf(page)).toContainText(EXPLANATION);
    await expect.poll(() => highlighted(page)).toBe(WORDS);
  }
  await expect(panelOf(pen).getByRole("list", { name: "Suggestions" })).toHaveCount(0);

  // The conversation goes on after the decision, and survives a reload (stored, not just live).
  await threadOf(pen).getByLabel("Reply to the thread of Claire Dubois").fill("Accepted: thank you, Claire.");
  await threadOf(pen).getByRole("button", { name: "Reply" }).click();
  await expect(threadOf(fr)).toContainText("Accepted: thank you, Claire.");
  await pen.reload();
  await expect(editorOf(pen)).toBeVisible();
  await expect(saved(pen)).toBeVisible();
  await expect(threadOf(pen)).toHaveAttribute("data-detached", "false");
  await expect(threadOf(pen)).toContainText(EXPLANATION);
  await expect.poll(() => highlighted(pen)).toBe(WORDS);
  await expect(editorOf(pen).locator("ins.suggestion-insert")).toHaveCount(0);
  await expectAccessible(pen);
  await pen.context().close();
  await fr.context().close();
});
