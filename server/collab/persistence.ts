// Where the shared Yjs document of a paper lives in the database, and how it gets there.
//
// - papers.ydoc_state: the compacted Yjs state (every paper has one from creation on; legacy rows
//   are converted once, under a row lock).
// - paper_updates: every update a client sent, committed BEFORE the server acknowledges it (see
//   `UpdateLog` and server.ts `beforeSync`), so an acknowledged edit survives `kill -9`.
// - Compaction folds pending updates into ydoc_state from the database (never from memory), and
//   refreshes the readable snapshot (content_json, content_text) when the text changed.
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { type PaperStatus, papers, paperUpdates } from "@/db/schema";
import { type DocNode, docToPlainText, emptyDoc, isDocNode } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import { documentExtensions } from "@/lib/editor/extensions";
import { canonicalContent } from "../canonical";

/** The Tiptap Collaboration extension's default field. */
export const YDOC_FIELD = "default";

let cachedSchema: Schema | undefined;
export function documentSchema(): Schema {
  cachedSchema ??= getSchema(documentExtensions());
  return cachedSchema;
}

/** The Yjs state for a ProseMirror JSON document (used once per paper: at creation or legacy conversion). */
export function ydocStateFromContent(content: DocNode): Uint8Array {
  const doc = prosemirrorJSONToYDoc(documentSchema(), content, YDOC_FIELD);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The agreed text as the collaboration log will give it back: `content` read through the
 * schema into Yjs and out again (default attributes filled in, unknown ones dropped). Stored as
 * the first snapshot, so the snapshot, the live text and a revision frozen before any edit all
 * have the same canonical form and hash.
 */
export function contentFromState(state: Uint8Array): DocNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return contentFromYDoc(doc);
  } finally {
    doc.destroy();
  }
}

/** The live document as ProseMirror JSON, suggestions and comment anchors included. */
export function liveContentFromYDoc(doc: Y.Doc): DocNode {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YDOC_FIELD), documentSchema());
  return node.toJSON() as DocNode;
}

/**
 * Readable snapshot of a Yjs document, parsed through the schema so unknown nodes/marks are
 * dropped: the agreed text, i.e. without pending suggestions and comment anchors, so that
 * revisions, hashes and exports contain only text everyone may rely on.
 */
export function contentFromYDoc(doc: Y.Doc): DocNode {
  return agreedContent(liveContentFromYDoc(doc));
}

const toBytes = (value: Uint8Array) => (value instanceof Buffer ? new Uint8Array(value) : value);

/**
 * Gives a legacy paper (ydoc_state null) its Yjs state, converted once from content_json under the
 * paper row lock, re-checking null so that two loaders never both convert (which would duplicate
 * the text when their states merge).
 */
export async function ensureYdocState(db: Db, paperId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ydocState: papers.ydocState, contentJson: papers.contentJson })
      .from(papers)
      .where(eq(papers.id, paperId))
      .for("update");
    if (!row || row.ydocState) return;
    const content = isDocNode(row.contentJson) ? row.contentJson : emptyDoc();
    await tx
      .update(papers)
      .set({ ydocState: ydocStateFromContent(content) })
      .where(eq(papers.id, paperId));
  });
}

export class PaperNotFoundError extends Error {}

/**
 * The stored state of a paper: ydoc_state plus every pending update, in order. Read in one
 * transaction holding FOR SHARE on the paper row, which excludes a concurrent compaction (FOR UPDATE),
 * so the two reads cannot straddle one (old state + already-deleted updates).
 */
export async function loadPaperUpdates(db: Db, paperId: string): Promise<Uint8Array[]> {
  const [probe] = await db
    .select({ missing: sql<boolean>`${papers.ydocState} is null` })
    .from(papers)
    .where(eq(papers.id, paperId));
  if (!probe) throw new PaperNotFoundError(paperId);
  if (probe.missing) await ensureYdocState(db, paperId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ydocState: papers.ydocState })
      .from(papers)
      .where(eq(papers.id, paperId))
      .for("share");
    if (!row?.ydocState) throw new Error(`paper ${paperId} has no Yjs state after conversion`);
    const pending = await tx
      .select({ update: paperUpdates.update })
      .from(paperUpdates)
      .where(eq(paperUpdates.paperId, paperId))
      .orderBy(asc(paperUpdates.seq));
    return [toBytes(row.ydocState), ...pending.map((p) => toBytes(p.update))];
  });
}

/**
 * Folds the pending updates of a paper whose row the caller holds FOR UPDATE into ydoc_state,
 * deletes them, and refreshes the readable snapshot if the content changed. Returns the current
 * content. Built from the database only: with several instances, one instance's memory may lag
 * behind updates another instance acknowledged, but the table has them all.
 */
export async function compactLocked(
  tx: Tx,
  paper: { id: string; ydocState: Uint8Array | null; contentJson: unknown },
): Promise<DocNode> {
  const stored = isDocNode(paper.contentJson) ? paper.contentJson : emptyDoc();
  const pending = await tx
    .select({ seq: paperUpdates.seq, update: paperUpdates.update })
    .from(paperUpdates)
    .where(eq(paperUpdates.paperId, paper.id))
    .orderBy(asc(paperUpdates.seq));
  if (pending.length === 0) return stored;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, paper.ydocState ? toBytes(paper.ydocState) : ydocStateFromContent(stored));
    for (const row of pending) Y.applyUpdate(doc, toBytes(row.update));
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
    // UPDATE, so no append is in flight: every seq up to the last one read is in `pending`.
    const lastSeq = pending[pending.length - 1]?.seq ?? 0;
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

export type AppendResult = { stored: true } | { stored: false; status: PaperStatus | null };

type PendingAppend = {
  update: Uint8Array;
  expectedStatus: PaperStatus;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
};

/** Waits before writing a failed batch again; after the last, the paper's pending appends fail. */
const RETRY_DELAYS_MS = [100, 500, 2_000];

/**
 * The durable log of incoming updates, with group commit: appends for one paper that arrive
 * while a write is in flight go out together in the next statement (one fsync for many typists).
 *
 * Batches of one paper are written strictly one after the other, and a failed batch is written
 * again before anything that came after it; if it cannot be, everything pending for the paper
 * fails with it. So the stored log never holds an update without the updates it was built on
 * (the collaboration server broadcasts an update before it is stored: the next one may depend on it).
 *
 * Each append names the paper status under which the connection was allowed to edit. The write
 * reads the paper row FOR KEY SHARE, which waits for any workflow transaction holding the row
 * FOR UPDATE (freezing a revision, changing stage) and then sees its outcome: an update is stored
 * only if the status is still the one the edit right was granted under. So nothing is stored
 * after a paper leaves an editable status, and a frozen revision contains every acknowledged edit.
 */
export class UpdateLog {
  private readonly queues = new Map<string, PendingAppend[]>();

  constructor(
    private readonly getDb: () => Promise<Db>,
    private readonly options: {
      retryDelaysMs?: readonly number[];
      /**
       * How long the first append of a batch waits for others (ms). Worth it when nothing but
       * the acknowledgement waits for the write: fewer, larger statements cost the database (and
       * PGlite, the event loop) far less than one per keystroke.
       */
      batchWindowMs?: number;
    } = {},
  ) {}

  append(paperId: string, update: Uint8Array, expectedStatus: PaperStatus): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(paperId);
      const entry = { update, expectedStatus, resolve, reject };
      if (queue) {
        queue.push(entry);
        return;
      }
      this.queues.set(paperId, [entry]);
      const windowMs = this.options.batchWindowMs ?? 0;
      if (windowMs > 0) setTimeout(() => void this.drain(paperId), windowMs);
      else void this.drain(paperId);
    });
  }

  private async drain(paperId: string) {
    // The queue stays registered while a batch is written, so later appends join the next batch.
    for (;;) {
      const queue = this.queues.get(paperId);
      if (!queue || queue.length === 0) {
        this.queues.delete(paperId);
        return;
      }
      const batch = queue.splice(0, queue.length);
      let results: Map<PendingAppend, AppendResult> | undefined;
      let failure: unknown;
      for (const delay of [0, ...(this.options.retryDelaysMs ?? RETRY_DELAYS_MS)]) {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        try {
          results = await this.write(paperId, batch);
          break;
        } catch (error) {
          failure = error;
        }
      }
      if (results) {
        for (const entry of batch) entry.resolve(results.get(entry) ?? { stored: false, status: null });
        continue;
      }
      // Whatever came after the failed batch may build on it: it fails too, unwritten.
      for (const entry of [...batch, ...queue.splice(0, queue.length)]) entry.reject(failure);
    }
  }

  /**
   * One statement per expected status (in practice one per batch): the insert reads the paper
   * row under FOR KEY SHARE and stores the updates, in arrival order, only while the paper has
   * the status the edit right was granted under. A freeze holds the row FOR UPDATE, so an append
   * waits for it and then finds the new status: nothing slips into a frozen revision. One round
   * trip, on the path every keystroke's acknowledgement waits on.
   */
  private async write(paperId: string, batch: PendingAppend[]): Promise<Map<PendingAppend, AppendResult>> {
    const db = await this.getDb();
    const results = new Map<PendingAppend, AppendResult>();
    const byStatus = new Map<PaperStatus, PendingAppend[]>();
    for (const entry of batch)
      byStatus.set(entry.expectedStatus, [...(byStatus.get(entry.expectedStatus) ?? []), entry]);
    let currentStatus: PaperStatus | null | undefined;
    for (const [expectedStatus, entries] of byStatus) {
      const updates = sql.join(
        entries.map((entry) => sql`${entry.update}::bytea`),
        sql`, `,
      );
      const result = await db.execute(sql`
        insert into ${paperUpdates} (paper_id, update)
        select ${papers.id}, pending.update
        from ${papers}, unnest(array[${updates}]) with ordinality as pending(update, position)
        where ${papers.id} = ${paperId} and ${papers.status} = ${expectedStatus}
        order by pending.position
        for key share of ${papers}
        returning seq`);
      // postgres.js returns the rows; PGlite returns { rows }.
      const stored = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
      if (stored.length === entries.length) {
        for (const entry of entries) results.set(entry, { stored: true });
        continue;
      }
      if (currentStatus === undefined) {
        const [row] = await db.select({ status: papers.status }).from(papers).where(eq(papers.id, paperId));
        currentStatus = row?.status ?? null;
      }
      for (const entry of entries) results.set(entry, { stored: false, status: currentStatus });
    }
    return results;
  }
}
