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
import { renderExport } from "../service";
import { submittedSource } from "../source";
import { submittedTexts } from "../submitted";
import type { ExportFormat, ExportSource } from "../types";
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

/** SHA-256 of the submitted revision as rendered today. */
async function currentRendering(
  source: ExportSource,
  format: ExportFormat,
  lang: Locale,
  options: VerifyOptions,
): Promise<string> {
  const key = `${format}:${lang}:${sha256Hex(JSON.stringify(source))}`;
  const known = options.render ? undefined : rendered.get(key);
  if (known) return known;
  const render = options.render ?? renderExport;
  const schedule = options.schedule ?? ((task) => task());
  const file = await schedule(() => render(source, format, { lang }));
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
    const paperId = await paperOfTexts(db, text.paperId, fingerprint.texts);
    if (paperId === null) continue;
    const source = await submittedSource(db, paperId);
    if ((await currentRendering(source, format, fingerprint.lang, options)) === digest) {
      // The upload is exactly today's rendering: recorded, so it matches whatever renders later.
      await recordIssuedFile(db, source, format, { lang: fingerprint.lang }, bytes);
      return { outcome: "match", format, matches: [publicMatch(text)] };
    }
  }
  return { outcome: "altered" };
}

/**
 * The paper whose submitted text a file says it holds: the original's, or its language
 * version's in the marker's language (frozen with the submitted revision); null: none such.
 */
async function paperOfTexts(db: Db, originalId: string, texts: string): Promise<string | null> {
  if (texts === "") return originalId;
  const [version] = await db
    .select({ id: papers.id })
    .from(papers)
    .where(and(eq(papers.originalId, originalId), eq(papers.language, texts)));
  return version?.id ?? null;
}
