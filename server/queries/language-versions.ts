// Reads for language versions (issue 19): a paper's versions, and the parallel reading of a
// version beside its original with each paragraph's translation state. The texts are read from
// the collaboration log (the live text, not the snapshot compaction refreshes seconds later).
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { papers, translationConfirmations } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { type AlignedRow, alignVersions, blockText } from "@/lib/language-versions";
import { sha256Hex } from "../canonical";
import { contentFromYDoc, paperDoc, readPaperState } from "../collab/paper-state";
import { type Actor, can, type PaperRef } from "../policy";

/** The hash a translation confirmation records: the original paragraph's words. */
export function paragraphHash(node: DocNode): string {
  return sha256Hex(blockText(node));
}

export type LanguageVersionLink = { id: string; language: string; isOriginal: boolean };

/**
 * The original and every language version of the paper's family (the paper itself included),
 * the original first, then by language; only for those who may see the paper.
 */
export async function languageFamily(
  db: DbOrTx,
  actor: Actor,
  paper: PaperRef & { id: string },
): Promise<LanguageVersionLink[]> {
  if (!can(actor, "paper.view", paper)) return [];
  const originalId = paper.originalId ?? paper.id;
  const rows = await db
    .select({ id: papers.id, language: papers.language, originalId: papers.originalId })
    .from(papers)
    .where(or(eq(papers.id, originalId), eq(papers.originalId, originalId)))
    .orderBy(asc(papers.language));
  return rows
    .map((row) => ({ id: row.id, language: row.language, isOriginal: row.originalId === null }))
    .sort((a, b) => Number(b.isOriginal) - Number(a.isOriginal));
}

/** The agreed live text of a paper, read in the caller's transaction (which should hold the row FOR SHARE). */
export async function liveAgreedText(tx: Tx, paper: { id: string; ydocState: Uint8Array }): Promise<DocNode> {
  const { updates } = await readPaperState(tx, paper);
  const doc = paperDoc(updates);
  try {
    return contentFromYDoc(doc);
  } finally {
    doc.destroy();
  }
}

/** A row of the parallel view with both blocks and whether the translation is outdated. */
export type TranslationRow = AlignedRow & {
  original: DocNode | null;
  version: DocNode | null;
  /** The original paragraph changed since its translation was last confirmed (or updated). */
  outdated: boolean;
};

/**
 * Each row's translation state: a paired paragraph is outdated when the original's words now
 * hash differently from the hash recorded when the translation was last confirmed or edited
 * (or when nothing was ever recorded for it).
 */
export function translationRows(
  original: DocNode,
  version: DocNode,
  confirmed: ReadonlyMap<string, string>,
): TranslationRow[] {
  const originalBlocks = original.content ?? [];
  const versionBlocks = version.content ?? [];
  return alignVersions(original, version).map((row) => {
    const originalBlock = row.originalIndex === null ? null : (originalBlocks[row.originalIndex] ?? null);
    const versionBlock = row.versionIndex === null ? null : (versionBlocks[row.versionIndex] ?? null);
    const outdated =
      row.pid !== null &&
      originalBlock !== null &&
      versionBlock !== null &&
      confirmed.get(row.pid) !== paragraphHash(originalBlock);
    return { ...row, original: originalBlock, version: versionBlock, outdated };
  });
}

export async function confirmationsOf(db: DbOrTx, versionId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ pid: translationConfirmations.pid, hash: translationConfirmations.originalHash })
    .from(translationConfirmations)
    .where(eq(translationConfirmations.versionId, versionId));
  return new Map(rows.map((row) => [row.pid, row.hash]));
}

/**
 * The parallel reading of a version and its original, for a page: null unless `versionId` is a
 * language version of `originalId` that the actor may see. Both live texts are read in one
 * transaction holding both rows FOR SHARE (no compaction between the reads).
 */
export async function parallelReading(db: Db, actor: Actor, originalId: string, versionId: string) {
  return db.transaction(async (tx) => {
    // The original's row first, then the version's: the order a freeze locks them in.
    const [original] = await tx
      .select()
      .from(papers)
      .where(and(eq(papers.id, originalId), isNull(papers.originalId)))
      .for("share");
    const [version] = original
      ? await tx
          .select()
          .from(papers)
          .where(and(eq(papers.id, versionId), eq(papers.originalId, originalId)))
          .for("share")
      : [];
    if (!original || !version || !can(actor, "paper.view", version)) return null;
    const [originalText, versionText] = [await liveAgreedText(tx, original), await liveAgreedText(tx, version)];
    return {
      original,
      version,
      originalText,
      versionText,
      rows: translationRows(originalText, versionText, await confirmationsOf(tx, version.id)),
    };
  });
}
