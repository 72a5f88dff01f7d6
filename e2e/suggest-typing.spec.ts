// A delegate in suggest mode types a space and a word at every kind of position, by keyboard, in
// Chromium: each keystroke must be accepted by the server (no refusal, no reload of the text) and
// land exactly where the caret was. Typing right after a word, before the space that follows it,
// used to be refused every time (issue 16; tests/unit/suggest-typing.test.ts has the cause).
import { expect, test } from "./fixtures";

const SENTENCE = "Member States recognise the contribution of migrants, agreed.";
/** Where the caret goes in each paragraph, as characters from its start. */
const POSITIONS: [string, number][] = [
  ["the start of the paragraph", 0],
  ["the middle of a word", SENTENCE.indexOf("cognise")],
  ["the end of a word, before a space", SENTENCE.indexOf(" recognise")],
  ["after a space, before a word", SENTENCE.indexOf("States")],
  ["before punctuation", SENTENCE.indexOf(", agreed")],
  ["the end of the paragraph", SENTENCE.length],
];

test("a delegate's space and word are suggested wherever the caret is", async ({
  paperInConsultation,
  openPaperAs,
}) => {
  const text = POSITIONS.map(() => SENTENCE).join("\n");
  const path = await paperInConsultation(`Typing positions ${Date.now().toString(36)}`, text);
  const fr = await openPaperAs("rabatFr", path);
  await expect(fr.suggestModeSwitch).toHaveAttribute("aria-pressed", "true");
  const paragraphs = fr.editor.locator("p");
  await expect(paragraphs).toHaveCount(POSITIONS.length);

  for (const [index, [where, offset]] of POSITIONS.entries()) {
    const paragraph = paragraphs.nth(index);
    // Into the paragraph's first line, then to its start.
    await paragraph.click({ position: { x: 2, y: 4 } });
    await fr.page.keyboard.press("Home");
    for (let i = 0; i < offset; i++) await fr.page.keyboard.press("ArrowRight");
    // Key by key, as a person types, each sent to the server on its own.
    for (const key of [" ", "n", "e", "w"]) {
      await fr.page.keyboard.type(key);
      await expect(fr.allChangesSaved, `"${key}" at ${where}`).toBeVisible();
    }
    await expect(fr.editorNotice, where).toHaveCount(0);
    await expect(paragraph.locator("ins.suggestion-insert"), where).toHaveText(" new");
    await expect(paragraph, where).toHaveText(`${SENTENCE.slice(0, offset)} new${SENTENCE.slice(offset)}`);
  }

  // What the server stored, as a reader opening the paper afresh sees it (the delegate gone, so
  // that no caret of theirs shows in the text).
  await fr.page.context().close();
  const pen = await openPaperAs("rabatPen", path);
  for (const [index, [where, offset]] of POSITIONS.entries()) {
    const paragraph = pen.editor.locator("p").nth(index);
    await expect(paragraph.locator("ins.suggestion-insert"), where).toHaveText(" new");
    await expect(paragraph, where).toHaveText(`${SENTENCE.slice(0, offset)} new${SENTENCE.slice(offset)}`);
  }
  await expect(pen.editor.locator("del.suggestion-delete")).toHaveCount(0);
});
