// Compaction: folds a paper's pending updates (paper_updates) into papers.ydoc_state and
// refreshes the readable snapshot (content_json, content_text) when the text changed. Built
// from the database only, never from memory: with several instances, one instance's memory may
// lag behind updates another instance acknowledged, but the table has them all.
import { and, eq, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { papers, paperUpdates } from "@/db/schema";
import { type DocNode, emptyDoc, isDocNode } from "@/lib/document";
import { recordEditedTranslations } from "../domain/language-versions";
import { exportWork } from "../export/work";
import { syncCommentParagraphs, syncLiveEntries } from "../search/index-entries";
import { type Folded, foldPaper } from "./fold";
import { readPaperState } from "./paper-state";

type Fold = (updates: Uint8Array[], storedJson: string | null) => Folded | Promise<Folded>;

/**
 * Folds the pending updates of a paper whose row the caller holds FOR UPDATE into ydoc_state,
 * deletes them, and refreshes the readable snapshot if the content changed. `storedJson` is the
 * snapshot as JSON text; `fold` does the CPU work (in this thread by default). Returns whether
 * anything was folded and the snapshot's JSON text as it now stands.
 */
async function foldLocked(
  tx: Tx,
  paper: { id: string; ydocState: Uint8Array; storedJson: string | null; originalId?: string | null },
  fold: Fold,
): Promise<string | null> {
  const { updates, lastSeq } = await readPaperState(tx, paper);
  if (lastSeq === 0) return paper.storedJson;
  const { state, content, anchors } = await fold(updates, paper.storedJson);
  await tx
    .update(papers)
    .set({
      ydocState: state,
      // The JSON text as the fold wrote it, cast by the database: no second serialisation here.
      ...(content
        ? { contentJson: sql`${content.json}::jsonb`, contentText: content.text, updatedAt: new Date() }
        : {}),
    })
    .where(eq(papers.id, paper.id));
  // The search index follows the snapshot in the same transaction: only changed blocks cost.
  if (content) await syncLiveEntries(tx, paper.id, content.blocks);
  await syncCommentParagraphs(tx, paper.id, anchors);
  // A language version's edited paragraphs count as updated translations (issue 19).
  if (content && paper.originalId) {
    const before: unknown = paper.storedJson === null ? null : JSON.parse(paper.storedJson);
    const after: unknown = JSON.parse(content.json);
    if (isDocNode(after)) {
      await recordEditedTranslations(
        tx,
        { id: paper.id, originalId: paper.originalId },
        isDocNode(before) ? before : null,
        after,
      );
    }
  }
  // Appends hold FOR KEY SHARE on the paper row until they commit, and the caller holds FOR
  // UPDATE, so no append is in flight: every seq up to the last one read was folded in.
  await tx.delete(paperUpdates).where(and(eq(paperUpdates.paperId, paper.id), lte(paperUpdates.seq, lastSeq)));
  return content ? content.json : paper.storedJson;
}

/**
 * Compaction inside the caller's transaction, which holds the paper row FOR UPDATE (freezing a
 * revision): the current content, which a revision frozen now contains.
 */
export async function compactLocked(
  tx: Tx,
  paper: { id: string; ydocState: Uint8Array; contentJson: unknown; originalId?: string | null },
): Promise<DocNode> {
  const storedJson = isDocNode(paper.contentJson) ? JSON.stringify(paper.contentJson) : null;
  const json = await foldLocked(
    tx,
    { id: paper.id, ydocState: paper.ydocState, storedJson, originalId: paper.originalId ?? null },
    foldPaper,
  );
  const content: unknown = json === null ? null : JSON.parse(json);
  return isDocNode(content) ? content : emptyDoc();
}

/**
 * Compacts one paper in its own transaction (debounced store, unload, periodic sweep), folding
 * on the server's work thread (`exportWork()`, server/export/thread.ts): the work grows with the
 * paper, and this runs while people type.
 */
export async function compactPaper(db: Db, paperId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [paper] = await tx
      .select({
        id: papers.id,
        ydocState: papers.ydocState,
        storedJson: sql<string | null>`${papers.contentJson}::text`,
        originalId: papers.originalId,
      })
      .from(papers)
      .where(eq(papers.id, paperId))
      .for("update");
    if (paper) await foldLocked(tx, paper, (updates, storedJson) => exportWork().foldPaper(updates, storedJson));
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
