// The CPU side of compaction, apart from the database: a paper's stored state and pending
// updates folded into one state, and its readable snapshot if the text changed. Pure, so it can
// run on the server's work thread (server/export/thread.ts) as well as in the caller's.
import * as Y from "yjs";
import { docToPlainText, isDocNode } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import { canonicalContent } from "../canonical";
import { anchorParagraphs, type SearchBlock, searchBlocks } from "../search/blocks";
import { liveContentFromYDoc, paperDoc } from "./paper-state";

/**
 * `content`: the new readable snapshot (JSON text and plain text) and its searchable blocks, or
 * null when the text is unchanged. `anchors`: each comment anchor's paragraph number in the live
 * text (anchors change without the agreed text changing, so they are read on every fold).
 */
export type Folded = {
  state: Uint8Array;
  content: { json: string; text: string; blocks: SearchBlock[] } | null;
  anchors: Record<string, number | null>;
};

/** Folds `updates` (the stored state first) and compares the text with the stored snapshot's JSON. */
export function foldPaper(updates: readonly Uint8Array[], storedJson: string | null): Folded {
  const doc = paperDoc(updates);
  try {
    const live = liveContentFromYDoc(doc);
    const content = agreedContent(live);
    const stored: unknown = storedJson === null ? null : JSON.parse(storedJson);
    // Paragraph ids count here (not in hashes): the snapshot must carry the ids the text has.
    const same = (doc: typeof content) => canonicalContent(doc, { withParagraphIds: true });
    const changed = !isDocNode(stored) || same(content) !== same(stored);
    return {
      state: Y.encodeStateAsUpdate(doc),
      content: changed
        ? { json: JSON.stringify(content), text: docToPlainText(content), blocks: searchBlocks(content) }
        : null,
      anchors: anchorParagraphs(live),
    };
  } finally {
    doc.destroy();
  }
}
