// A suggestion that carries a comment thread explaining it, end to end, on a paper of the Rabat
// Process created here (the seeded papers are left to the other specs): a delegate in
// consultation types a suggestion, selects the suggested text and opens a thread on it; the
// penholder, in another browser, sees the suggestion and its thread on the same words, accepts
// the suggestion, and the thread stays anchored and readable for both.
import { expect, expectAccessible, test } from "./fixtures";
import type { PaperPage } from "./pages/paper-page";

test.describe.configure({ mode: "serial" });

const TITLE = `Rabat suggestion thread ${Date.now().toString(36)}`;
const TEXT = "Partners commit to mobility partnerships";
const SUGGESTED = " and to legal pathways";
/** What the delegate selects: the suggested words, without the leading space. */
const WORDS = SUGGESTED.trim();
const EXPLANATION = "Legal pathways are what the Rabat ministerial asked for; this keeps the paper in line.";
const AUTHOR = "Claire Dubois";
let paperPath = "";

const threadOf = (paper: PaperPage) => paper.comments.thread(AUTHOR);

/** The text proposed for insertion (the anchor splits it into several elements). */
const suggestedText = (paper: PaperPage) =>
  paper.editor.locator("ins.suggestion-insert").evaluateAll((nodes) => nodes.map((n) => n.textContent ?? "").join(""));

/** The text of the passage the thread is anchored to, as highlighted in the editor. */
const highlighted = (paper: PaperPage) =>
  paper.editor.locator(".comment-highlight").evaluateAll((nodes) => nodes.map((n) => n.textContent ?? "").join(""));

/** Whether every highlighted piece of the thread's passage is also suggested (inside the insertion). */
const highlightInsideSuggestion = (paper: PaperPage) =>
  paper.editor
    .locator(".comment-highlight")
    .evaluateAll(
      (nodes) =>
        nodes.length > 0 &&
        nodes.every((n) => n.closest("ins.suggestion-insert") !== null || n.querySelector("ins.suggestion-insert")),
    );

test("the penholder prepares a paper in consultation", async ({ paperInConsultation }) => {
  paperPath = await paperInConsultation(TITLE, TEXT);
});

test("a delegate explains a suggestion in a thread; the penholder accepts it and the thread stays", async ({
  openPaperAs,
}) => {
  test.skip(!paperPath, "needs the paper of the first test");
  const pen = await openPaperAs("rabatPen", paperPath);
  const fr = await openPaperAs("rabatFr", paperPath);
  await expect(fr.suggestModeSwitch).toHaveAttribute("aria-pressed", "true");

  // The delegate types: the words become her suggestion, not a change.
  await fr.typeAtEndOfFirstParagraph(SUGGESTED);
  await expect(fr.editor.locator("ins.suggestion-insert")).toHaveText(SUGGESTED);

  // She explains her suggestion in a thread, from the suggestion itself.
  await fr.comments.explainSuggestion(AUTHOR);
  await expect(fr.comments.root.getByText(WORDS, { exact: false }).first()).toBeVisible();
  await fr.comments.postComment(EXPLANATION);
  await expect(threadOf(fr)).toBeVisible();
  await expect(threadOf(fr).locator("q")).toHaveText(WORDS);
  await expect.poll(() => highlighted(fr)).toBe(WORDS);
  await expect.poll(() => highlightInsideSuggestion(fr)).toBe(true);
  await expect.poll(() => suggestedText(fr)).toBe(SUGGESTED);
  await expect(fr.editorNotice).toHaveCount(0);

  // The penholder, live: the suggestion and its thread on the same words.
  const suggestions = pen.comments.suggestions;
  await expect(suggestions.getByRole("listitem")).toHaveCount(1);
  await expect(suggestions.getByRole("listitem")).toContainText(SUGGESTED.trim());
  await expect.poll(() => suggestedText(pen)).toBe(SUGGESTED);
  await expect(threadOf(pen)).toBeVisible();
  await expect(threadOf(pen).locator("q")).toHaveText(WORDS);
  await expect(threadOf(pen)).toContainText(EXPLANATION);
  await expect.poll(() => highlighted(pen)).toBe(WORDS);
  await expect.poll(() => highlightInsideSuggestion(pen)).toBe(true);
  const paragraph = pen.editor.locator("p").first();
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
  await expect(pen.editor.locator(".comment-highlight-active").first()).toBeVisible();
  await expectAccessible(pen.page);

  // The penholder accepts the suggestion: the words become text, the thread keeps them.
  await pen.comments.acceptButton(AUTHOR, "Insert").click();
  for (const paper of [pen, fr]) {
    await expect(paper.editor.locator("ins.suggestion-insert")).toHaveCount(0);
    await expect.poll(() => paper.plainText()).toContain(`${TEXT}${SUGGESTED}`);
    await expect(threadOf(paper)).toBeVisible();
    await expect(threadOf(paper)).toHaveAttribute("data-detached", "false");
    await expect(threadOf(paper).locator("q")).toHaveText(WORDS);
    await expect(threadOf(paper)).toContainText(EXPLANATION);
    await expect.poll(() => highlighted(paper)).toBe(WORDS);
  }
  await expect(pen.comments.suggestions).toHaveCount(0);

  // The conversation goes on after the decision, and survives a reload (stored, not just live).
  await pen.comments.reply(AUTHOR, "Accepted: thank you, Claire.");
  await expect(threadOf(fr)).toContainText("Accepted: thank you, Claire.");
  await pen.page.reload();
  await expect(pen.editor).toBeVisible();
  await expect(pen.saved).toBeVisible();
  await expect(threadOf(pen)).toHaveAttribute("data-detached", "false");
  await expect(threadOf(pen)).toContainText(EXPLANATION);
  await expect.poll(() => highlighted(pen)).toBe(WORDS);
  await expect(pen.editor.locator("ins.suggestion-insert")).toHaveCount(0);
  await expectAccessible(pen.page);
});
