// The searchable blocks of a text: each top-level block with text, its index and its UN
// paragraph number (lib/numbering.ts, the one numbering), and the paragraph each comment thread
// is anchored in. Pure, so that compaction's fold (server/collab/fold.ts, on the work thread)
// computes them with the snapshot.
import { type DocNode, docToPlainText } from "@/lib/document";
import { COMMENT_ANCHOR } from "@/lib/editor/annotations";
import { paragraphNumbers } from "@/lib/numbering";

export type SearchBlock = { blockIndex: number; paragraphNumber: number | null; text: string };

export function searchBlocks(doc: DocNode): SearchBlock[] {
  const numbers = paragraphNumbers(doc);
  const blocks: SearchBlock[] = [];
  (doc.content ?? []).forEach((node, blockIndex) => {
    const text = docToPlainText({ type: "doc", content: [node] }).normalize("NFC");
    if (text.trim().length > 0) blocks.push({ blockIndex, paragraphNumber: numbers[blockIndex] ?? null, text });
  });
  return blocks;
}

/**
 * Where each comment thread is anchored in the live text (suggestions and anchors included): its
 * anchor id → the UN number of the top-level block it is in (null for a block without one), so a
 * comment's search result names its paragraph. An anchor no longer in the text is absent.
 */
export function anchorParagraphs(live: DocNode): Record<string, number | null> {
  const numbers = paragraphNumbers(live);
  const found: Record<string, number | null> = {};
  const walk = (node: DocNode, number: number | null) => {
    for (const mark of node.marks ?? []) {
      const id = mark.attrs?.id;
      if (mark.type === COMMENT_ANCHOR && typeof id === "string" && !(id in found)) found[id] = number;
    }
    for (const child of node.content ?? []) walk(child, number);
  };
  (live.content ?? []).forEach((block, index) => {
    walk(block, numbers[index] ?? null);
  });
  return found;
}
