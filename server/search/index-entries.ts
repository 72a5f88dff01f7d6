// The write side of search: every function that changes a text, a comment or a title calls one
// of these in its own transaction, so the index never lags a committed change. The live text is
// reindexed by compaction (server/collab/compaction.ts) seconds after people type, and only the
// blocks whose text changed are indexed again: blocks have no stable id in the document, so a
// block is recognised by its text's hash, and an unchanged block that moved only has its place
// and paragraph number updated (no new tsvector).
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { comments, commentThreads, papers, revisions, searchEntries } from "@/db/schema";
import { type DocNode, isDocNode } from "@/lib/document";
import { type SearchBlock, searchBlocks } from "./blocks";
import { foldText } from "./fold";
import { searchConfigFor } from "./languages";

/** Rows per INSERT / UPDATE statement (well under the 65,535 parameters a statement may carry). */
const BATCH = 500;

const hashOf = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

type Entry = Omit<typeof searchEntries.$inferInsert, "id" | "tsv" | "language" | "config" | "bodyHash" | "folded">;

function entryRow(language: string, entry: Entry & { body: string }): typeof searchEntries.$inferInsert {
  const body = entry.body.normalize("NFC");
  return {
    ...entry,
    body,
    language,
    config: searchConfigFor(language),
    bodyHash: hashOf(body),
    folded: foldText(body),
  };
}

async function insertEntries(tx: DbOrTx, rows: (typeof searchEntries.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insert(searchEntries).values(rows.slice(i, i + BATCH));
}

async function paperLanguage(tx: DbOrTx, paperId: string): Promise<string | null> {
  const [row] = await tx.select({ language: papers.language }).from(papers).where(eq(papers.id, paperId));
  return row?.language ?? null;
}

/**
 * Brings the live text's entries of a paper in line with its blocks (`searchBlocks` of the
 * snapshot just stored): deletes the entries of blocks gone, inserts those of new or changed
 * blocks, moves the others. Returns how many entries were (re)indexed.
 */
export async function syncLiveEntries(tx: DbOrTx, paperId: string, blocks: readonly SearchBlock[]): Promise<number> {
  const language = await paperLanguage(tx, paperId);
  if (language === null) return 0;
  const existing = await tx
    .select({
      id: searchEntries.id,
      blockIndex: searchEntries.blockIndex,
      paragraphNumber: searchEntries.paragraphNumber,
      bodyHash: searchEntries.bodyHash,
    })
    .from(searchEntries)
    .where(and(eq(searchEntries.paperId, paperId), eq(searchEntries.source, "live")))
    .orderBy(asc(searchEntries.blockIndex));
  const byHash = new Map<string, (typeof existing)[number][]>();
  for (const row of existing) {
    const list = byHash.get(row.bodyHash);
    if (list) list.push(row);
    else byHash.set(row.bodyHash, [row]);
  }
  const inserts: (typeof searchEntries.$inferInsert)[] = [];
  const moves: { id: number; blockIndex: number; paragraphNumber: number | null }[] = [];
  for (const block of blocks) {
    const candidates = byHash.get(hashOf(block.text));
    // The same text at the same place first (a repeated paragraph keeps its own row).
    const at = candidates?.findIndex((row) => row.blockIndex === block.blockIndex) ?? -1;
    const row = candidates?.splice(Math.max(at, 0), 1)[0];
    if (!row) {
      inserts.push(
        entryRow(language, {
          paperId,
          source: "live",
          blockIndex: block.blockIndex,
          paragraphNumber: block.paragraphNumber,
          body: block.text,
        }),
      );
    } else if (row.blockIndex !== block.blockIndex || row.paragraphNumber !== block.paragraphNumber) {
      moves.push({ id: row.id, blockIndex: block.blockIndex, paragraphNumber: block.paragraphNumber });
    }
  }
  const gone = [...byHash.values()].flat().map((row) => row.id);
  for (let i = 0; i < gone.length; i += BATCH) {
    await tx.delete(searchEntries).where(inArray(searchEntries.id, gone.slice(i, i + BATCH)));
  }
  for (let i = 0; i < moves.length; i += BATCH) {
    const values = sql.join(
      moves.slice(i, i + BATCH).map((m) => sql`(${m.id}::bigint, ${m.blockIndex}::int, ${m.paragraphNumber}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${searchEntries} set block_index = moved.block_index, paragraph_number = moved.paragraph_number
      from (values ${values}) as moved(id, block_index, paragraph_number)
      where ${searchEntries.id} = moved.id`);
  }
  await insertEntries(tx, inserts);
  return inserts.length;
}

/** The live text's entries from a stored snapshot (a new paper, the backfill). */
export async function indexLiveContent(tx: DbOrTx, paperId: string, content: unknown): Promise<void> {
  await syncLiveEntries(tx, paperId, isDocNode(content) ? searchBlocks(content) : []);
}

/** A paper's title (at creation; again whenever it changes). */
export async function indexTitle(tx: DbOrTx, paper: { id: string; title: string; language: string }) {
  await tx.delete(searchEntries).where(and(eq(searchEntries.paperId, paper.id), eq(searchEntries.source, "title")));
  await insertEntries(tx, [entryRow(paper.language, { paperId: paper.id, source: "title", body: paper.title })]);
}

/** A frozen revision, once: its text never changes. */
export async function indexRevision(
  tx: DbOrTx,
  revision: { id: string; paperId: string; number: number; content: DocNode },
): Promise<void> {
  const language = await paperLanguage(tx, revision.paperId);
  if (language === null) return;
  const rows = searchBlocks(revision.content).map((block) =>
    entryRow(language, {
      paperId: revision.paperId,
      source: "revision",
      revisionId: revision.id,
      revisionNumber: revision.number,
      blockIndex: block.blockIndex,
      paragraphNumber: block.paragraphNumber,
      body: block.text,
    }),
  );
  await insertEntries(tx, rows);
}

/**
 * Each comment's entry names the paragraph its thread is anchored in (`anchors`, read from the
 * live text by compaction's fold); a thread whose passage is gone names none. Only entries whose
 * paragraph changed are written: one read of the paper's comment entries, then the differences.
 */
export async function syncCommentParagraphs(
  tx: DbOrTx,
  paperId: string,
  anchors: Readonly<Record<string, number | null>>,
): Promise<number> {
  const rows = await tx
    .select({ id: searchEntries.id, paragraphNumber: searchEntries.paragraphNumber, anchorId: commentThreads.anchorId })
    .from(searchEntries)
    .innerJoin(comments, eq(comments.id, searchEntries.commentId))
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(and(eq(searchEntries.paperId, paperId), eq(searchEntries.source, "comment")));
  const moves = rows.flatMap((row) => {
    const number = anchors[row.anchorId] ?? null;
    return number === row.paragraphNumber ? [] : [{ id: row.id, number }];
  });
  for (let i = 0; i < moves.length; i += BATCH) {
    const values = sql.join(
      moves.slice(i, i + BATCH).map((m) => sql`(${m.id}::bigint, ${m.number}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${searchEntries} set paragraph_number = moved.paragraph_number
      from (values ${values}) as moved(id, paragraph_number)
      where ${searchEntries.id} = moved.id`);
  }
  return moves.length;
}

/** A comment as written or edited (replaces its entry). */
export async function indexComment(tx: DbOrTx, comment: { id: string; paperId: string; body: string }) {
  const language = await paperLanguage(tx, comment.paperId);
  if (language === null) return;
  // The paragraph its thread is known to be in (from its own entry or another of the thread's),
  // until compaction reads the anchor again.
  const [known] = await tx
    .select({ paragraphNumber: searchEntries.paragraphNumber })
    .from(searchEntries)
    .innerJoin(comments, eq(comments.id, searchEntries.commentId))
    .where(
      and(
        sql`${comments.threadId} = (select thread_id from comments where id = ${comment.id})`,
        isNotNull(searchEntries.paragraphNumber),
      ),
    )
    .limit(1);
  await unindexComment(tx, comment.id);
  await insertEntries(tx, [
    entryRow(language, {
      paperId: comment.paperId,
      source: "comment",
      commentId: comment.id,
      paragraphNumber: known?.paragraphNumber ?? null,
      body: comment.body,
    }),
  ]);
}

/** Comments just written in bulk (an imported Word file's). */
export async function indexNewComments(tx: DbOrTx, paperId: string, written: { id: string; body: string }[]) {
  const language = await paperLanguage(tx, paperId);
  if (language === null || written.length === 0) return;
  await insertEntries(
    tx,
    written.map((c) => entryRow(language, { paperId, source: "comment", commentId: c.id, body: c.body })),
  );
}

/** A withdrawn comment leaves the index with its text. */
export async function unindexComment(tx: DbOrTx, commentId: string) {
  await tx.delete(searchEntries).where(eq(searchEntries.commentId, commentId));
}

/** Everything of one paper, from what is stored (the backfill of papers older than the index). */
export async function indexWholePaper(tx: DbOrTx, paperId: string): Promise<void> {
  const [paper] = await tx
    .select({ id: papers.id, title: papers.title, language: papers.language, contentJson: papers.contentJson })
    .from(papers)
    .where(eq(papers.id, paperId));
  if (!paper) return;
  await tx.delete(searchEntries).where(eq(searchEntries.paperId, paperId));
  await indexTitle(tx, paper);
  await indexLiveContent(tx, paperId, paper.contentJson);
  const frozen = await tx
    .select({ id: revisions.id, number: revisions.number, content: revisions.contentJson })
    .from(revisions)
    .where(eq(revisions.paperId, paperId));
  for (const revision of frozen) {
    if (isDocNode(revision.content)) await indexRevision(tx, { ...revision, paperId, content: revision.content });
  }
  const written = await tx
    .select({ id: comments.id, body: comments.body })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(and(eq(commentThreads.paperId, paperId), isNull(comments.deletedAt)));
  await indexNewComments(tx, paperId, written);
}

/**
 * Indexes the papers that have no title entry (created before the index existed): run after
 * migrations (db/prepare.ts). Each paper in its own transaction.
 */
export async function indexPapersMissingFromSearch(db: Db): Promise<number> {
  const missing = await db
    .select({ id: papers.id })
    .from(papers)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(searchEntries)
          .where(and(eq(searchEntries.paperId, papers.id), eq(searchEntries.source, "title"))),
      ),
    );
  for (const { id } of missing) await db.transaction((tx) => indexWholePaper(tx, id));
  return missing.length;
}
