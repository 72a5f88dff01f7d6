// A delegate in suggest mode changes paragraphs by keyboard in Chromium: Enter proposes a new
// paragraph, Backspace at a paragraph's start proposes joining it to the one before. Each change
// is accepted by the server (no refusal, no reload), shows to the others as a proposal, leaves
// the agreed text and its numbering alone, and the penholder accepts one and rejects the other
// (issue 16; tests/unit/suggest-blocks.test.ts covers every kind of block change).
import { expect, expectAccessible, test } from "./fixtures";

const AGREED = ["First paragraph agreed.", "Second paragraph agreed.", "Third paragraph agreed."];

test("a delegate proposes a new paragraph and a join; the penholder accepts one and rejects the other", async ({
  paperInConsultation,
  openPaperAs,
}) => {
  const path = await paperInConsultation(`Block proposals ${Date.now().toString(36)}`, AGREED.join("\n"));
  const fr = await openPaperAs("rabatFr", path);
  await expect(fr.suggestModeSwitch).toHaveAttribute("aria-pressed", "true");
  const paragraphs = fr.editor.locator("p");
  await expect(paragraphs).toHaveCount(3);

  // Enter at the end of the first paragraph, then a sentence: one proposed paragraph.
  await paragraphs.nth(0).click();
  await fr.page.keyboard.press("End");
  await fr.page.keyboard.press("Enter");
  await fr.page.keyboard.type("A new paragraph.");
  await expect(fr.allChangesSaved).toBeVisible();
  await expect(fr.editorNotice).toHaveCount(0);
  const proposed = fr.editor.locator("p[data-suggested-insertion]");
  await expect(proposed).toHaveText("A new paragraph.");
  // Numbers are those of the agreed text: the proposal has none.
  await expect(proposed).not.toHaveAttribute("data-paragraph-number");
  await expect(fr.editor.locator("p", { hasText: AGREED[1] })).toHaveAttribute("data-paragraph-number", "2");

  // Backspace at the start of the third paragraph: a proposed join.
  await fr.editor.locator("p", { hasText: AGREED[2] }).click({ position: { x: 2, y: 4 } });
  await fr.page.keyboard.press("Home");
  await fr.page.keyboard.press("Backspace");
  await expect(fr.allChangesSaved).toBeVisible();
  await expect(fr.editorNotice).toHaveCount(0);
  await expect(fr.editor.locator("p[data-suggested-deletion]")).toHaveText(AGREED[2] as string);

  const pen = await openPaperAs("rabatPen", path);
  await expect(pen.editor.locator("p[data-suggested-insertion]")).toHaveText("A new paragraph.");
  const entries = pen.comments.suggestions.getByRole("listitem");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("Proposed by France (Claire Dubois): Add a paragraph: “A new paragraph.”");
  await expect(entries.nth(1)).toContainText(`Join to the paragraph before: “${AGREED[2]}”`);
  await expectAccessible(pen.page);

  await pen.comments.acceptButton("Claire Dubois", "Add a paragraph").click();
  await expect(pen.editor.locator("[data-suggested-insertion]")).toHaveCount(0);
  await pen.comments.rejectButton("Claire Dubois", "Join").click();
  for (const paper of [pen, fr]) {
    await expect(paper.editor.locator("[data-suggested-deletion], [data-suggested-insertion], ins, del")).toHaveCount(
      0,
    );
    await expect.poll(() => paper.paragraphTexts()).toEqual([AGREED[0], "A new paragraph.", AGREED[1], AGREED[2]]);
    // Accepted, the new paragraph is part of the agreed text and takes its number.
    await expect(paper.editor.locator("p", { hasText: "A new paragraph." })).toHaveAttribute(
      "data-paragraph-number",
      "2",
    );
  }
});

test("a delegate proposes bold for agreed words from the toolbar; the penholder accepts it", async ({
  paperInConsultation,
  openPaperAs,
}) => {
  const path = await paperInConsultation(
    `Format proposal ${Date.now().toString(36)}`,
    "Member States shall cooperate.",
  );
  const fr = await openPaperAs("rabatFr", path);
  await expect(fr.suggestModeSwitch).toHaveAttribute("aria-pressed", "true");
  const paragraph = fr.editor.locator("p").first();
  await paragraph.click({ position: { x: 2, y: 4 } });
  await fr.page.keyboard.press("Home");
  for (let i = 0; i < "Member States ".length; i++) await fr.page.keyboard.press("ArrowRight");
  for (let i = 0; i < "shall".length; i++) await fr.page.keyboard.press("Shift+ArrowRight");
  await fr.formattingToolbar.getByRole("button", { name: /^Bold/ }).click();
  await expect(fr.allChangesSaved).toBeVisible();
  await expect(fr.editorNotice).toHaveCount(0);
  // Proposed, not applied: the agreed text is not bold, the proposal shows as it would look.
  await expect(fr.editor.locator("span.suggestion-format[data-formats='bold']")).toHaveText("shall");
  await expect(fr.editor.locator("strong")).toHaveCount(0);

  const pen = await openPaperAs("rabatPen", path);
  const entry = pen.comments.suggestions.getByRole("listitem");
  await expect(entry).toContainText("Proposed by France (Claire Dubois): Format “shall” as bold");
  await pen.comments.acceptButton("Claire Dubois", "Format").click();
  for (const paper of [pen, fr]) {
    await expect(paper.editor.locator("strong")).toHaveText("shall");
    await expect(paper.editor.locator("span.suggestion-format")).toHaveCount(0);
  }
});

test("a split, a heading and a list proposed from keyboard and toolbar; the penholder accepts them all at once", async ({
  paperInConsultation,
  openPaperAs,
}) => {
  const lines = ["Alpha paragraph agreed.", "Beta paragraph agreed.", "Gamma paragraph agreed."];
  const path = await paperInConsultation(`Structure proposals ${Date.now().toString(36)}`, lines.join("\n"));
  const fr = await openPaperAs("rabatFr", path);
  await expect(fr.suggestModeSwitch).toHaveAttribute("aria-pressed", "true");
  const caretIn = async (text: string, offset: number) => {
    await fr.editor
      .locator("p", { hasText: text })
      .first()
      .click({ position: { x: 2, y: 4 } });
    await fr.page.keyboard.press("Home");
    for (let i = 0; i < offset; i++) await fr.page.keyboard.press("ArrowRight");
  };
  const saved = async () => {
    await expect(fr.allChangesSaved).toBeVisible();
    await expect(fr.editorNotice).toHaveCount(0);
  };
  // Enter after "Alpha": a proposed split.
  await caretIn(lines[0] as string, "Alpha".length);
  await fr.page.keyboard.press("Enter");
  await saved();
  // The second paragraph made a heading, the third a list, from the toolbar.
  await caretIn(lines[1] as string, 2);
  await fr.formattingToolbar
    .getByRole("button", { name: /^Heading/ })
    .first()
    .click();
  await saved();
  await caretIn(lines[2] as string, 2);
  await fr.formattingToolbar.getByRole("button", { name: /^Bulleted list/ }).click();
  await saved();
  // Nothing is agreed yet: the old blocks stay, proposed for deletion, beside the new ones.
  await expect(fr.editor.locator("[data-suggested-deletion]")).toHaveCount(2);
  await expect(fr.editor.locator("h2[data-suggested-insertion]")).toHaveText(lines[1] as string);
  await expect(fr.editor.locator("ul[data-suggested-insertion] li")).toHaveText(lines[2] as string);

  const pen = await openPaperAs("rabatPen", path);
  const entries = pen.comments.suggestions.getByRole("listitem");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText("Split the paragraph before “ paragraph agreed.”");
  await expect(entries.nth(1)).toContainText(`Change the structure: “${lines[1]}”`);
  await expectAccessible(pen.page);
  await pen.comments.root.getByRole("button", { name: "Accept all", exact: true }).click();
  for (const paper of [pen, fr]) {
    await expect(paper.editor.locator("[data-suggested-deletion], [data-suggested-insertion], ins, del")).toHaveCount(
      0,
    );
    // (An editor adds an empty paragraph after a closing list, so the text can go on.)
    await expect
      .poll(async () => (await paper.paragraphTexts()).filter(Boolean))
      .toEqual(["Alpha", " paragraph agreed.", lines[2]]);
    // Text checked above without the other person's caret; here where it stands.
    await expect(paper.editor.locator("h2")).toContainText("Beta");
    await expect(paper.editor.locator("ul > li")).toHaveCount(1);
    await expect(paper.editor.locator("ul > li")).toContainText("mma paragraph agreed.");
  }
});
