// Freezing a paper's language versions with its original (issue 19): a revision holds every
// language's text as it stood at the freeze, in one transaction with the original's, and one
// hash covers them all (`revisionHashOf`, server/canonical.ts). A translation that was outdated
// (or missing) at that moment is recorded with the text, so the approval page and the cover can
// say so: the states approve the original, knowing which versions lag.
import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Paper, papers, revisionLanguages } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { contentHash, revisionHashOf } from "../canonical";
import { compactLocked } from "../collab/compaction";
import { confirmationsOf, translationRows } from "../queries/language-versions";
import { indexRevision } from "../search/index-entries";

export type FrozenText = {
  language: string;
  paperId: string;
  isOriginal: boolean;
  doc: DocNode;
  canonical: string;
  hash: string;
  outdatedCount: number;
  outdatedNumbers: number[];
};

/** What a freeze writes: the revision's canonical content and hash, and each language's text (none without versions). */
export type FrozenFamily = { canonical: string; hash: string; texts: FrozenText[] };

/**
 * The original's text (`originalDoc`, already compacted under the caller's FOR UPDATE lock) and
 * every version's, each locked FOR UPDATE (original first, then versions by id: the order every
 * path that locks both follows) and compacted, so that no acknowledged edit is left out.
 */
export async function freezeFamily(tx: Tx, original: Paper, originalDoc: DocNode): Promise<FrozenFamily> {
  const own = contentHash(originalDoc);
  const versions = await tx
    .select()
    .from(papers)
    .where(eq(papers.originalId, original.id))
    .orderBy(asc(papers.id))
    .for("update");
  if (versions.length === 0) return { ...own, texts: [] };
  const texts: FrozenText[] = [
    {
      language: original.language,
      paperId: original.id,
      isOriginal: true,
      doc: originalDoc,
      ...own,
      outdatedCount: 0,
      outdatedNumbers: [],
    },
  ];
  for (const version of versions) {
    const doc = await compactLocked(tx, version);
    // A paragraph of the original the version lacks is as far behind as one that changed.
    const lagging = translationRows(originalDoc, doc, await confirmationsOf(tx, version.id)).filter(
      (row) => row.outdated || (row.original !== null && row.version === null),
    );
    texts.push({
      language: version.language,
      paperId: version.id,
      isOriginal: false,
      doc,
      ...contentHash(doc),
      outdatedCount: lagging.length,
      outdatedNumbers: lagging.flatMap((row) => (row.number === null ? [] : [row.number])),
    });
  }
  // Locked by id; recorded and reported in the order pages list them: original, then by language.
  texts.sort((a, b) => Number(b.isOriginal) - Number(a.isOriginal) || a.language.localeCompare(b.language));
  return { ...revisionHashOf(texts), texts };
}

/** Stores each language's text of a revision just inserted, and indexes the versions' for search. */
export async function recordFrozenTexts(
  tx: Tx,
  revision: { id: string; number: number },
  texts: readonly FrozenText[],
): Promise<void> {
  if (texts.length === 0) return;
  await tx.insert(revisionLanguages).values(
    texts.map((text) => ({
      revisionId: revision.id,
      language: text.language,
      paperId: text.paperId,
      isOriginal: text.isOriginal,
      contentJson: text.doc,
      canonicalContent: text.canonical,
      contentHash: text.hash,
      outdatedCount: text.outdatedCount,
      outdatedNumbers: text.outdatedNumbers,
    })),
  );
  for (const text of texts) {
    if (!text.isOriginal) {
      await indexRevision(tx, { id: revision.id, paperId: text.paperId, number: revision.number, content: text.doc });
    }
  }
}
