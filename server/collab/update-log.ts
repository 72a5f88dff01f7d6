// The durable log of incoming updates (paper_updates): every update a client sent is committed
// here BEFORE the server acknowledges it, so an acknowledged edit survives `kill -9`.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type PaperStatus, papers, paperUpdateAuthors, paperUpdates } from "@/db/schema";

/** Who sent an update: the account, and the partner it spoke for in the paper's dialogue. */
export type UpdateAuthor = { userId: string; partnerId: string | null };

export type AppendResult = { stored: true } | { stored: false; status: PaperStatus | null };

type PendingAppend = {
  update: Uint8Array;
  author: UpdateAuthor;
  expectedStatus: PaperStatus;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
};

/** Waits before writing a failed batch again; after the last, the paper's pending appends fail. */
const RETRY_DELAYS_MS = [100, 500, 2_000];

/**
 * The bytes of updates one statement writes (a larger update is written alone). One statement
 * holds the embedded database's only session for its whole duration: 4 MiB of pasted text in one
 * statement kept every other query, `/api/health` included, waiting ~0.6 s (bench:hostile); in
 * statements of this size others slip in between.
 */
export const UPDATE_BATCH_MAX_BYTES = 256 * 1024;

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
/** How many of the queued appends go into the next statement: at least one, then up to the byte cap. */
function batchLength(queue: readonly PendingAppend[]): number {
  let bytes = 0;
  let count = 0;
  for (const entry of queue) {
    bytes += entry.update.byteLength;
    if (count > 0 && bytes > UPDATE_BATCH_MAX_BYTES) break;
    count++;
  }
  return count;
}

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

  append(
    paperId: string,
    update: Uint8Array,
    expectedStatus: PaperStatus,
    author: UpdateAuthor,
  ): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(paperId);
      const entry = { update, author, expectedStatus, resolve, reject };
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
      const batch = queue.splice(0, batchLength(queue));
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
   *
   * The same statement records each update's author in paper_update_authors, which compaction
   * leaves alone. Each pending row takes its seq from paper_updates' sequence, in arrival order,
   * before either insert, so the update and its author row are joined by that seq, not by order.
   */
  private async write(paperId: string, batch: PendingAppend[]): Promise<Map<PendingAppend, AppendResult>> {
    const db = await this.getDb();
    const results = new Map<PendingAppend, AppendResult>();
    const byStatus = new Map<PaperStatus, PendingAppend[]>();
    for (const entry of batch)
      byStatus.set(entry.expectedStatus, [...(byStatus.get(entry.expectedStatus) ?? []), entry]);
    let currentStatus: PaperStatus | null | undefined;
    for (const [expectedStatus, entries] of byStatus) {
      const column = (value: (entry: PendingAppend) => unknown, type: string) =>
        sql.join(
          entries.map((entry) => sql`${value(entry)}::${sql.raw(type)}`),
          sql`, `,
        );
      const result = await db.execute(sql`
        with pending as materialized (
          select nextval(pg_get_serial_sequence('paper_updates', 'seq')) as seq, arrived.*
          from (
            select pending.update, pending.user_id, pending.partner_id
            from ${papers}, unnest(
              array[${column((e) => e.update, "bytea")}],
              array[${column((e) => e.author.userId, "uuid")}],
              array[${column((e) => e.author.partnerId, "uuid")}]
            ) with ordinality as pending(update, user_id, partner_id, position)
            where ${papers.id} = ${paperId} and ${papers.status} = ${expectedStatus}
            order by pending.position
            for key share of ${papers}
          ) arrived
        ),
        authors as (
          insert into ${paperUpdateAuthors} (paper_id, seq, user_id, partner_id, byte_size, sha256)
          select ${paperId}::uuid, seq, user_id, partner_id, octet_length(update), sha256(update) from pending
        )
        insert into ${paperUpdates} (paper_id, seq, update)
        select ${paperId}::uuid, seq, update from pending order by seq
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
