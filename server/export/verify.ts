// The public verify check. Only submitted texts are ever looked at, so nothing about other
// papers can be learnt from it. A file is recognised by the fingerprint every export carries
// (hash and language), and then accepted only if producing that submitted revision again in
// the same format gives exactly the same bytes: a one-character change is refused.
import { strFromU8, unzipSync } from "fflate";
import type { Db } from "@/db/client";
import { markerPattern } from "./cover";
import { type ExportFormat, renderExport } from "./index";
import { pdfTitle } from "./pdf";
import { type SubmittedText, submittedSource, submittedTexts } from "./source";

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

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

export async function verifyHash(db: Db, hash: string): Promise<VerifyOutcome> {
  const texts = await submittedTexts(db, { hash });
  return texts.length ? { outcome: "match", format: null, matches: texts.map(publicMatch) } : { outcome: "noMatch" };
}

export async function verifyFile(db: Db, bytes: Uint8Array): Promise<VerifyOutcome> {
  const format = detectFormat(bytes);
  const fingerprint = format ? extractFingerprint(bytes, format) : null;
  if (!format || !fingerprint) return { outcome: "noMarker" };
  const texts = await submittedTexts(db, { hash: fingerprint.hash });
  if (texts.length === 0) return { outcome: "noMatch" };
  for (const text of texts) {
    const source = await submittedSource(db, text.paperId);
    const again = await renderExport(source, format, { lang: fingerprint.lang });
    if (sameBytes(again.bytes, bytes)) return { outcome: "match", format, matches: [publicMatch(text)] };
  }
  return { outcome: "altered" };
}
