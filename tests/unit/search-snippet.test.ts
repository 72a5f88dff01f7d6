// Folding and snippets of search: the folded text the index stores, and a ts_headline excerpt of
// it placed back in the text as written.
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END as E, foldText, foldWithOffsets, HIGHLIGHT_START as S } from "@/server/search/fold";
import { snippetFromHeadline } from "@/server/search/snippet";

describe("folding", () => {
  it("drops accents and case, spells out ligatures, and maps every folded unit to its original", () => {
    expect(foldText("Mobilité ÉTATS Œuvre Straße")).toBe("mobilite etats oeuvre strasse");
    const { folded, offsets } = foldWithOffsets("Œu é");
    expect(folded).toBe("oeu e");
    expect(offsets).toEqual([0, 0, 1, 2, 3]);
    // The highlight markers never survive folding, so a text cannot forge a highlight.
    expect(foldText(`a${S}b${E}`)).toBe("a b ");
  });
});

describe("snippets", () => {
  it("cuts the passage from the original text, the matched words marked as written", () => {
    const body = "Les États garantissent la mobilité des œuvres.";
    const headline = `les ${S}etats${E} garantissent la ${S}mobilite${E} des oeuvres.`;
    expect(snippetFromHeadline(body, headline)).toEqual([
      { text: "Les ", marked: false },
      { text: "États", marked: true },
      { text: " garantissent la ", marked: false },
      { text: "mobilité", marked: true },
      { text: " des œuvres.", marked: false },
    ]);
  });

  it("marks an excerpt of a longer text with ellipses", () => {
    const body = "One two three mobilité four five.";
    expect(snippetFromHeadline(body, `three ${S}mobilite${E} four`)).toEqual([
      { text: "… ", marked: false },
      { text: "three ", marked: false },
      { text: "mobilité", marked: true },
      { text: " four", marked: false },
      { text: " …", marked: false },
    ]);
  });

  it("finds its place even when the parser left a tag out of the excerpt", () => {
    const body = "Keep <b>calm</b> and migrate.";
    const parts = snippetFromHeadline(body, `keep calm and ${S}migrate${E}.`);
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(["migrate"]);
    expect(parts.map((p) => p.text).join("")).toBe(body);
  });
});
