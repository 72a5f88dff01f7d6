import { describe, expect, it } from "vitest";
import { compareDocuments, documentBlocks } from "@/lib/compare";
import type { DocNode } from "@/lib/document";

const p = (text: string, agreement?: "bracketed" | "adRef"): DocNode => ({
  type: "paragraph",
  ...(agreement ? { attrs: { agreement } } : {}),
  content: [{ type: "text", text }],
});
const h = (text: string): DocNode => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

const summary = (before: DocNode, after: DocNode) =>
  compareDocuments(before, after).map((row) => {
    if (row.kind === "same") return `= ${row.right.number ?? "-"} ${row.right.text}`;
    if (row.kind === "added") return `+ ${row.right.number ?? "-"} ${row.right.text}`;
    if (row.kind === "removed") return `- ${row.left.number ?? "-"} ${row.left.text}`;
    const words = row.words.map((w) => (w.added ? `{+${w.value}}` : w.removed ? `{-${w.value}}` : w.value)).join("");
    return `~ ${row.left.number ?? "-"}→${row.right.number ?? "-"} ${words}`;
  });

describe("comparing two revisions", () => {
  it("numbers blocks with the paper's own paragraph numbers", () => {
    expect(documentBlocks(doc(h("Background"), p("One."), p("Two."))).map((b) => b.number)).toEqual([undefined, 1, 2]);
  });

  it("marks changed words inside a paragraph and keeps each side's numbers", () => {
    const before = doc(h("Intro"), p("The quick brown fox."), p("Second stays."), p("Third goes."));
    const after = doc(h("Intro"), p("A new first paragraph."), p("The quick red fox."), p("Second stays."));
    expect(summary(before, after)).toEqual([
      "= - Intro",
      "+ 1 A new first paragraph.",
      "~ 1→2 The quick {-brown}{+red} fox.",
      "= 3 Second stays.",
      "- 3 Third goes.",
    ]);
  });

  it("reports identical texts as unchanged", () => {
    const text = doc(h("Intro"), p("Only."));
    expect(compareDocuments(text, text).every((row) => row.kind === "same")).toBe(true);
  });

  it("treats a change of negotiation mark as a change of the text", () => {
    const rows = compareDocuments(doc(p("Disputed.", "bracketed")), doc(p("Disputed.", "adRef")));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe("changed");
    expect(summary(doc(p("Disputed.", "bracketed")), doc(p("Disputed.")))).toEqual(["~ 1→1 {-[}Disputed.{-]}"]);
  });
});
