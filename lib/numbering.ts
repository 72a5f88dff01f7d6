// UN-style paragraph numbering: body paragraphs (top-level paragraphs with text) are numbered
// 1., 2., 3. … in document order; headings, lists, quotes and tables are not, nor a paragraph
// still only proposed (numbers are those of the agreed text). Every view and export numbers
// through this one function.
import type { DocNode } from "./document";
import { isProposedBlock } from "./editor/annotations";

export function isNumberedParagraph(node: DocNode): boolean {
  return (
    node.type === "paragraph" &&
    !isProposedBlock(node) &&
    (node.content ?? []).some((child) => child.type !== "hardBreak")
  );
}

/** Paragraph number per top-level block index (undefined for unnumbered blocks). */
export function paragraphNumbers(doc: DocNode): (number | undefined)[] {
  let next = 1;
  return (doc.content ?? []).map((node) => (isNumberedParagraph(node) ? next++ : undefined));
}
