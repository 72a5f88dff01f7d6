// Reads for language versions (issue 19): a paper's versions, and the parallel reading of a
// version beside its original with each paragraph's translation state. The texts are read from
// the collaboration log (the live text, not the snapshot compaction refreshes seconds later).
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
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
 * The parallel reading of a version beside its original, or beside another version of the same
 * original (issue 19), for a page: null unless `versionId` is a language version of the same
 * original as `besideId` (the original itself or another of its versions) and the actor may see
 * them. The texts are read in one transaction holding the rows FOR SHARE (no compaction between
 * the reads), the original's first, then the versions' by id: the order a freeze locks them in.
 * `rows` are always the version against its original (what "translation outdated" means).
 */
export async function parallelReading(db: Db, actor: Actor, besideId: string, versionId: string) {
  if (besideId === versionId) return null;
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ originalId: papers.originalId }).from(papers).where(eq(papers.id, versionId));
    const originalId = target?.originalId;
    if (!originalId) return null;
    const [original] = await tx
      .select()
      .from(papers)
      .where(and(eq(papers.id, originalId), isNull(papers.originalId)))
      .for("share");
    if (!original) return null;
    const versions = await tx
      .select()
      .from(papers)
      .where(and(inArray(papers.id, [versionId, besideId]), eq(papers.originalId, originalId)))
      .orderBy(asc(papers.id))
      .for("share");
    const version = versions.find((row) => row.id === versionId);
    const beside = besideId === original.id ? original : versions.find((row) => row.id === besideId);
    if (!version || !beside || !can(actor, "paper.view", version) || !can(actor, "paper.view", beside)) return null;
    const originalText = await liveAgreedText(tx, original);
    const versionText = await liveAgreedText(tx, version);
    const besideText = beside.id === original.id ? originalText : await liveAgreedText(tx, beside);
    return {
      original,
      version,
      beside,
      originalText,
      versionText,
      besideText,
      rows: translationRows(originalText, versionText, await confirmationsOf(tx, version.id)),
    };
  });
}
