// The public verify check of an uploaded file. Only submitted texts are ever looked at, so
// nothing about other papers can be learnt from it. A file is recognised by the fingerprint every
// export carries (hash and language: ./fingerprint.ts), then accepted if its SHA-256 is one of
// the files issued for that submitted revision (export_fingerprints), which stays true after the
// renderer changes. Only when the upload is not among them is the revision rendered again in the
// same format, through the caller's concurrency gate, and compared; a match is recorded. A
// one-character change matches neither and is refused.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { papers } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { VerifyOutcome } from "@/lib/verify-outcome";
import { sha256Hex } from "../../canonical";
import { issuedFingerprints, recordIssuedFile } from "../issued-files";
import { renderBilingualExport, renderExport } from "../service";
import { submittedSource } from "../source";
import { submittedTexts } from "../submitted";
import type { BilingualExportInput, ExportFormat, ExportSource } from "../types";
import { detectFormat, extractFingerprint } from "./fingerprint";
import { publicMatch } from "./hash";

/**
 * What this process's renderer gave, by format, language and the export source it rendered: the
 * same input gives the same bytes while the process runs, so a repeated altered upload costs
 * no rendering.
 */
const MAX_REMEMBERED = 1000;
const rendered = new Map<string, string>();

function remember(key: string, sha256: string): void {
  rendered.delete(key);
  rendered.set(key, sha256);
  if (rendered.size > MAX_REMEMBERED) rendered.delete(rendered.keys().next().value as string);
}

type VerifyOptions = {
  /** Produces a submitted revision again (`renderExport`; tests stand in a changed renderer). */
  render?: typeof renderExport;
  /** Runs each rendering: the public endpoint passes its concurrency gate. */
  schedule?: <T>(task: () => Promise<T>) => Promise<T>;
};

/** A submitted text as a file may hold it: one text's source, or an original and its version side by side. */
type Candidate = { source: ExportSource; bilingual: BilingualExportInput | null };

/** SHA-256 of the submitted revision as rendered today. */
async function currentRendering(
  candidate: Candidate,
  format: ExportFormat,
  lang: Locale,
  options: VerifyOptions,
): Promise<string> {
  const key = `${format}:${lang}:${sha256Hex(JSON.stringify(candidate))}`;
  const known = options.render ? undefined : rendered.get(key);
  if (known) return known;
  const render = options.render ?? renderExport;
  const schedule = options.schedule ?? ((task) => task());
  const { bilingual } = candidate;
  const file = await schedule(() =>
    bilingual && (format === "docx" || format === "pdf")
      ? renderBilingualExport(bilingual, format)
      : render(candidate.source, format, { lang }),
  );
  const sha256 = sha256Hex(file.bytes);
  if (!options.render) remember(key, sha256);
  return sha256;
}

export async function verifyFile(db: Db, bytes: Uint8Array, options: VerifyOptions = {}): Promise<VerifyOutcome> {
  const format = detectFormat(bytes);
  const fingerprint = format ? extractFingerprint(bytes, format) : null;
  if (!format || !fingerprint) return { outcome: "noMarker" };
  const texts = await submittedTexts(db, { hash: fingerprint.hash });
  if (texts.length === 0) return { outcome: "noMatch" };
  const digest = sha256Hex(bytes);
  const issued = await issuedFingerprints(
    db,
    texts.map((t) => t.paperId),
    format,
    fingerprint.lang,
    fingerprint.texts,
  );
  const genuine = texts.find((t) => issued.get(t.paperId)?.has(digest));
  if (genuine) return { outcome: "match", format, matches: [publicMatch(genuine)] };
  for (const text of texts) {
    const candidate = await candidateOf(db, text.paperId, fingerprint.texts, fingerprint.lang);
    if (candidate === null || (candidate.bilingual && format !== "docx" && format !== "pdf")) continue;
    if ((await currentRendering(candidate, format, fingerprint.lang, options)) === digest) {
      // The upload is exactly today's rendering: recorded, so it matches whatever renders later.
      await recordIssuedFile(db, candidate.source, format, { lang: fingerprint.lang }, bytes);
      return { outcome: "match", format, matches: [publicMatch(text)] };
    }
  }
  return { outcome: "altered" };
}

/**
 * The submitted text a file says it holds (`texts` of its marker): the original's, its language
 * version's in that language, or the original and that version side by side ("en+fr"), all of
 * the submitted revision; null: the paper has no such text.
 */
async function candidateOf(db: Db, originalId: string, texts: string, lang: Locale): Promise<Candidate | null> {
  if (texts === "") return { source: await submittedSource(db, originalId), bilingual: null };
  const [first, second] = texts.split("+");
  const versionOf = async (language: string) => {
    const [version] = await db
      .select({ id: papers.id })
      .from(papers)
      .where(and(eq(papers.originalId, originalId), eq(papers.language, language)));
    return version?.id ?? null;
  };
  if (second === undefined) {
    const versionId = await versionOf(texts);
    return versionId === null ? null : { source: await submittedSource(db, versionId), bilingual: null };
  }
  const versionId = await versionOf(second);
  if (versionId === null) return null;
  const original = await submittedSource(db, originalId);
  if (original.language !== first) return null;
  const bilingual: BilingualExportInput = {
    original,
    version: await submittedSource(db, versionId),
    lang,
    outdatedNumbers: [],
  };
  return { source: { ...original, texts }, bilingual };
}
