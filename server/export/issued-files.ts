// The files issued for a submitted revision. The first file of each format and language is kept
// (table issued_files) and handed out again byte for byte, so downloads and the ZIP repeat
// without rendering. The SHA-256 of every file ever issued is recorded (export_fingerprints):
// verify accepts a copy whose bytes were issued once, so a genuine file keeps verifying after an
// upgrade of Chromium, the fonts or the DOCX library changes what rendering gives today.
// This module is the database side only: the service (server/export/service.ts) decides what to
// issue, and keeps and records through it, best-effort (a failure is logged and never fails the
// download).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exportFingerprints, type exportFormat, issuedFiles, papers, revisions, submissions } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { sha256Hex } from "../canonical";
import type { ExportFile, ExportFormat, ExportOptions, ExportSource } from "./types";

// The database enum and the export formats are the same list.
type StoredFormat = (typeof exportFormat.enumValues)[number];
const sameFormats: [ExportFormat, StoredFormat] extends [StoredFormat, ExportFormat] ? true : never = true;
void sameFormats;

/** Only the plain file of the submitted revision is evidence; drafts, earlier revisions and annotated copies are not. */
export function isIssuedSubmission(source: ExportSource, options: ExportOptions): boolean {
  return source.submission !== null && source.revision !== null && !options.includeAnnotations;
}

/** A submission, and which of its texts a file holds (`ExportSource.texts`: '' the original's, or a version's language). */
export type SubmissionRef = { id: string; revisionNumber: number; texts: string };

/** The submission whose revision `source` is (a language version's is its original's). */
export async function submissionOf(db: Db, source: ExportSource): Promise<SubmissionRef | null> {
  const [submission] = await db
    .select({ id: submissions.id, revisionNumber: revisions.number })
    .from(papers)
    .innerJoin(submissions, eq(submissions.paperId, sql`coalesce(${papers.originalId}, ${papers.id})`))
    .innerJoin(revisions, eq(revisions.id, submissions.revisionId))
    .where(and(eq(papers.id, source.paperId), eq(revisions.number, source.revision as number)));
  return submission ? { ...submission, texts: source.texts } : null;
}

export async function recordFingerprint(
  db: Db,
  submission: SubmissionRef,
  format: ExportFormat,
  lang: Locale,
  bytes: Uint8Array,
): Promise<void> {
  await db
    .insert(exportFingerprints)
    .values({
      submissionId: submission.id,
      revisionNumber: submission.revisionNumber,
      format,
      lang,
      texts: submission.texts,
      sha256: sha256Hex(bytes),
      byteLength: bytes.length,
    })
    .onConflictDoNothing();
}

/** Records a file produced from `source`; does nothing unless it is the submitted revision. */
export async function recordIssuedFile(
  db: Db,
  source: ExportSource,
  format: ExportFormat,
  options: ExportOptions,
  bytes: Uint8Array,
): Promise<void> {
  if (!isIssuedSubmission(source, options)) return;
  try {
    const submission = await submissionOf(db, source);
    if (submission) await recordFingerprint(db, submission, format, options.lang, bytes);
  } catch (error) {
    console.error(`fingerprints: could not record the ${format} file of paper ${source.paperId}`, error);
  }
}

export async function keptFile(
  db: Db,
  submission: SubmissionRef,
  format: ExportFormat,
  lang: Locale,
): Promise<ExportFile | null> {
  const [kept] = await db
    .select({ bytes: issuedFiles.bytes, contentType: issuedFiles.contentType, filename: issuedFiles.filename })
    .from(issuedFiles)
    .where(
      and(
        eq(issuedFiles.submissionId, submission.id),
        eq(issuedFiles.format, format),
        eq(issuedFiles.lang, lang),
        eq(issuedFiles.texts, submission.texts),
      ),
    );
  return kept ? { bytes: new Uint8Array(kept.bytes), contentType: kept.contentType, filename: kept.filename } : null;
}

/**
 * Keeps `file` as the official copy unless one is kept already (two first downloads at once):
 * then the kept one wins, so every caller hands out the same bytes.
 */
export async function keepFile(
  db: Db,
  submission: SubmissionRef,
  format: ExportFormat,
  lang: Locale,
  file: ExportFile,
): Promise<ExportFile> {
  const inserted = await db
    .insert(issuedFiles)
    .values({
      submissionId: submission.id,
      format,
      lang,
      texts: submission.texts,
      filename: file.filename,
      contentType: file.contentType,
      sha256: sha256Hex(file.bytes),
      bytes: file.bytes,
    })
    .onConflictDoNothing()
    .returning({ format: issuedFiles.format });
  if (inserted.length > 0) return file;
  return (await keptFile(db, submission, format, lang)) ?? file;
}

/**
 * Fingerprints issued for these submitted papers (originals) in one format, language and
 * choice of texts: paper id → SHA-256s.
 */
export async function issuedFingerprints(
  db: Db,
  paperIds: string[],
  format: ExportFormat,
  lang: Locale,
  texts: string,
): Promise<Map<string, Set<string>>> {
  const byPaper = new Map<string, Set<string>>();
  if (paperIds.length === 0) return byPaper;
  const rows = await db
    .select({ paperId: submissions.paperId, sha256: exportFingerprints.sha256 })
    .from(exportFingerprints)
    .innerJoin(submissions, eq(submissions.id, exportFingerprints.submissionId))
    .where(
      and(
        inArray(submissions.paperId, paperIds),
        eq(exportFingerprints.format, format),
        eq(exportFingerprints.lang, lang),
        eq(exportFingerprints.texts, texts),
      ),
    );
  for (const row of rows) {
    const set = byPaper.get(row.paperId) ?? new Set<string>();
    set.add(row.sha256);
    byPaper.set(row.paperId, set);
  }
  return byPaper;
}
