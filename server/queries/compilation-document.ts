// Reading the live document for the compilation of amendments: each top-level block's agreed
// text, its paragraph number, and every text suggestion in it as a redline of that block. Pure:
// shared by the compilation (server/queries/compilation.ts) and by the suggestion decisions,
// which record what was decided as it stood (server/domain/suggestion-record.ts).
import type { DocNode } from "@/lib/document";
import { COMMENT_ANCHOR, SUGGESTION_DELETE, SUGGESTION_INSERT } from "@/lib/editor/annotations";
import { paragraphNumbers } from "@/lib/numbering";

/** A stretch of the proposed text: unchanged, inserted or deleted by the suggestion. */
export type RedlinePiece = { text: string; change: "ins" | "del" | null };

export type Placed<T> = { block: number; offset: number; row: T };

export type DocumentSuggestion = { id: string; change: "insert" | "delete"; words: string; proposed: RedlinePiece[] };

type Leaf = { text: string; insertId?: string; deleteId?: string; anchorIds: string[] };

/** The inline text of a block as leaves (nested blocks separated by a line break). */
function leavesOf(node: DocNode, into: Leaf[] = []): Leaf[] {
  if (node.type === "text") {
    const leaf: Leaf = { text: node.text ?? "", anchorIds: [] };
    for (const mark of node.marks ?? []) {
      const id = typeof mark.attrs?.id === "string" ? mark.attrs.id : undefined;
      if (!id) continue;
      if (mark.type === SUGGESTION_INSERT) leaf.insertId = id;
      else if (mark.type === SUGGESTION_DELETE) leaf.deleteId = id;
      else if (mark.type === COMMENT_ANCHOR) leaf.anchorIds.push(id);
    }
    into.push(leaf);
    return into;
  }
  if (node.type === "hardBreak") {
    into.push({ text: "\n", anchorIds: [] });
    return into;
  }
  const children = node.content ?? [];
  children.forEach((child, i) => {
    const isBlock = child.type !== "text" && child.type !== "hardBreak" && child.content !== undefined;
    if (isBlock && i > 0 && into.length > 0) into.push({ text: "\n", anchorIds: [] });
    leavesOf(child, into);
  });
  return into;
}

function merge(pieces: RedlinePiece[]): RedlinePiece[] {
  const out: RedlinePiece[] = [];
  for (const piece of pieces) {
    if (!piece.text) continue;
    const last = out[out.length - 1];
    if (last && last.change === piece.change) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

/**
 * The suggestions and anchors of the live document, per top-level block, in document order; the
 * paragraph number of each block and its agreed text (pending insertions left out).
 */
export function readDocument(doc: DocNode) {
  const numbers = paragraphNumbers(doc);
  const suggestions: Placed<DocumentSuggestion>[] = [];
  const anchors = new Map<string, { block: number; offset: number }>();
  const originals: string[] = [];
  (doc.content ?? []).forEach((block, index) => {
    const leaves = leavesOf(block);
    originals[index] = leaves
      .filter((l) => !l.insertId)
      .map((l) => l.text)
      .join("");
    const seen = new Map<string, { offset: number; change: "insert" | "delete" }>();
    let offset = 0;
    for (const leaf of leaves) {
      const id = leaf.insertId ?? leaf.deleteId;
      if (id && !seen.has(id)) seen.set(id, { offset, change: leaf.insertId ? "insert" : "delete" });
      for (const anchor of leaf.anchorIds) if (!anchors.has(anchor)) anchors.set(anchor, { block: index, offset });
      offset += leaf.text.length;
    }
    for (const [id, { offset: at, change }] of seen) {
      const proposed: RedlinePiece[] = [];
      let words = "";
      for (const leaf of leaves) {
        if (leaf.insertId === id) {
          proposed.push({ text: leaf.text, change: "ins" });
          words += leaf.text;
        } else if (leaf.deleteId === id) {
          proposed.push({ text: leaf.text, change: "del" });
          words += leaf.text;
        } else if (!leaf.insertId) {
          // Others' pending insertions are not part of this proposal; the agreed text is.
          proposed.push({ text: leaf.text, change: null });
        }
      }
      suggestions.push({ block: index, offset: at, row: { id, change, words, proposed: merge(proposed) } });
    }
  });
  return { numbers, suggestions, anchors, originals };
}
