// The searchable blocks of a text: each top-level block with text, its index and its UN
// paragraph number (lib/numbering.ts, the one numbering). Pure, so that compaction's fold
// (server/collab/fold.ts, on the work thread) computes them with the snapshot.
import { type DocNode, docToPlainText } from "@/lib/document";
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
