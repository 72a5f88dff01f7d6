// The public verify check. Only submitted texts are ever looked at, so nothing about other
// papers can be learnt from it. A file is recognised by the fingerprint every export carries
// (hash and language), then accepted if its SHA-256 is one of the files issued for that
// submitted revision (export_fingerprints), which stays true after the renderer changes. Only
// when the upload is not among them is the revision rendered again in the same format, through
// the caller's concurrency gate, and compared; a match is recorded. A one-character change
// matches neither and is refused.
import { strFromU8, unzipSync } from "fflate";
import type { Db } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { sha256Hex } from "../canonical";
import { createConcurrencyGate } from "../rate-limit";
import { createSharedLimiter, type SharedLimiter } from "../shared-limiter";
import { markerPattern } from "./cover";
import { issuedFingerprints, recordIssuedFile } from "./fingerprints";
import { type ExportFormat, renderExport } from "./index";
import { pdfTitle } from "./pdf";
import { type ExportSource, type SubmittedText, submittedSource, submittedTexts } from "./source";

export const VERIFY_MAX_BYTES = 20 * 1024 * 1024;

export type PublicMatch = {
  title: string;
  dialogue: string;
  revision: number;
  reference: string;
  submittedAt: string;
  hash: string;
};

export type VerifyOutcome =
  | { outcome: "match"; format: ExportFormat | null; matches: PublicMatch[] }
  | { outcome: "noMatch" | "altered" | "noMarker" };

const publicMatch = (t: SubmittedText): PublicMatch => ({
  title: t.title,
  dialogue: t.dialogue,
  revision: t.revision,
  reference: t.reference,
  submittedAt: t.submittedAt.toISOString(),
  hash: t.hash,
});

export function detectFormat(bytes: Uint8Array): ExportFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "docx";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 2048)).trimStart();
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("<?xml") && head.includes("akomaNtoso")) return "akn";
  if (/^<!DOCTYPE html/i.test(head)) return "html";
  if (head.startsWith("<!-- accord:")) return "md";
  return null;
}

export function extractFingerprint(
  bytes: Uint8Array,
  format: ExportFormat,
): { hash: string; lang: "en" | "fr" } | null {
  let haystack: string | null = null;
  if (format === "docx") {
    try {
      // Only the small core properties part is inflated: no zip bomb gets expanded.
      const files = unzipSync(bytes, {
        filter: (f) => f.name === "docProps/core.xml" && f.originalSize < 1_000_000,
      });
      const core = files["docProps/core.xml"];
      haystack = core ? strFromU8(core) : null;
    } catch {
      return null;
    }
  } else if (format === "pdf") {
    haystack = pdfTitle(bytes);
  } else {
    haystack = new TextDecoder().decode(bytes);
  }
  const match = haystack ? markerPattern.exec(haystack) : null;
  return match ? { hash: match[1] as string, lang: match[2] as "en" | "fr" } : null;
}

export async function verifyHash(db: Db, hash: string): Promise<VerifyOutcome> {
  const texts = await submittedTexts(db, { hash });
  return texts.length ? { outcome: "match", format: null, matches: texts.map(publicMatch) } : { outcome: "noMatch" };
}

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

export type VerifyOptions = {
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
  );
  const genuine = texts.find((t) => issued.get(t.paperId)?.has(digest));
  if (genuine) return { outcome: "match", format, matches: [publicMatch(genuine)] };
  for (const text of texts) {
    const source = await submittedSource(db, text.paperId);
    if ((await currentRendering(source, format, fingerprint.lang, options)) === digest) {
      // The upload is exactly today's rendering: recorded, so it matches whatever renders later.
      await recordIssuedFile(db, source, format, { lang: fingerprint.lang }, bytes);
      return { outcome: "match", format, matches: [publicMatch(text)] };
    }
  }
  return { outcome: "altered" };
}

// Limits of the public endpoint (app/api/verify): checks per client, shared by every instance
// (through Redis with REDIS_URL), and renderings at once in this process (a PDF takes Chromium
// about a second of its cores). Held on globalThis so that every bundle of the app shares one set.
export const VERIFY_CHECKS_PER_MINUTE = 20;
type VerifyLimits = {
  perClient: SharedLimiter;
  renderings: ReturnType<typeof createConcurrencyGate>;
};
const limitsSlot = globalThis as { __accordVerifyLimits?: VerifyLimits };
limitsSlot.__accordVerifyLimits ??= {
  perClient: createSharedLimiter("verify-checks", { limit: VERIFY_CHECKS_PER_MINUTE, windowMs: 60_000 }),
  renderings: createConcurrencyGate({ max: 2, maxQueue: 8 }),
};
export const verifyLimits: VerifyLimits = limitsSlot.__accordVerifyLimits;
