// Compaction: folds a paper's pending updates (paper_updates) into papers.ydoc_state and
// refreshes the readable snapshot (content_json, content_text) when the text changed. Built
// from the database only, never from memory: with several instances, one instance's memory may
// lag behind updates another instance acknowledged, but the table has them all.
import { and, eq, lte } from "drizzle-orm";
import * as Y from "yjs";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { papers, paperUpdates } from "@/db/schema";
import { type DocNode, docToPlainText, emptyDoc, isDocNode } from "@/lib/document";
import { canonicalContent } from "../canonical";
import { contentFromYDoc, paperDoc, readPaperState } from "./paper-state";

/**
 * Folds the pending updates of a paper whose row the caller holds FOR UPDATE into ydoc_state,
 * deletes them, and refreshes the readable snapshot if the content changed. Returns the current
 * content (what a revision frozen now contains).
 */
export async function compactLocked(
  tx: Tx,
  paper: { id: string; ydocState: Uint8Array; contentJson: unknown },
): Promise<DocNode> {
  const stored = isDocNode(paper.contentJson) ? paper.contentJson : emptyDoc();
  const { updates, lastSeq } = await readPaperState(tx, paper);
  if (lastSeq === 0) return stored;
  const doc = paperDoc(updates);
  try {
    const content = contentFromYDoc(doc);
    const changed = canonicalContent(content) !== canonicalContent(stored);
    await tx
      .update(papers)
      .set({
        ydocState: Y.encodeStateAsUpdate(doc),
        ...(changed ? { contentJson: content, contentText: docToPlainText(content), updatedAt: new Date() } : {}),
      })
      .where(eq(papers.id, paper.id));
    // Appends hold FOR KEY SHARE on the paper row until they commit, and the caller holds FOR
    // UPDATE, so no append is in flight: every seq up to the last one read was folded in.
    await tx.delete(paperUpdates).where(and(eq(paperUpdates.paperId, paper.id), lte(paperUpdates.seq, lastSeq)));
    return changed ? content : stored;
  } finally {
    doc.destroy();
  }
}

/** Compacts one paper in its own transaction (debounced store, unload, periodic sweep). */
export async function compactPaper(db: Db, paperId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [paper] = await tx
      .select({ id: papers.id, ydocState: papers.ydocState, contentJson: papers.contentJson })
      .from(papers)
      .where(eq(papers.id, paperId))
      .for("update");
    if (paper) await compactLocked(tx, paper);
  });
}

/** Papers with updates older than `olderThanMs` still waiting for compaction (crash leftovers, skipped stores). */
export async function papersWithStaleUpdates(db: DbOrTx, olderThanMs: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ paperId: paperUpdates.paperId })
    .from(paperUpdates)
    .where(lte(paperUpdates.createdAt, new Date(Date.now() - olderThanMs)));
  return rows.map((r) => r.paperId);
}
