// Finding the fingerprint in an uploaded file: its format from its first bytes, then the marker
// where that format's export put it (DOCX core properties, the PDF's Title, the text itself).
import { strFromU8, unzipSync } from "fflate";
import type { Locale } from "@/lib/i18n/locales";
import { markerPattern } from "../marker";
import type { ExportFormat } from "../types";

export function detectFormat(bytes: Uint8Array): ExportFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "docx";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 2048)).trimStart();
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("<?xml") && head.includes("akomaNtoso")) return "akn";
  if (/^<!DOCTYPE html/i.test(head)) return "html";
  if (head.startsWith("<!-- accord:")) return "md";
  return null;
}

/** What an export's marker says: the text's hash, the cover's language, and which texts ('' the original's). */
export type Fingerprint = { hash: string; lang: Locale; texts: string };

export function extractFingerprint(bytes: Uint8Array, format: ExportFormat): Fingerprint | null {
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
  return match ? { hash: match[1] as string, lang: match[2] as Locale, texts: match[3] ?? "" } : null;
}

/** The document's Title from the PDF's Info dictionary (where exports put their fingerprint). */
function pdfTitle(pdf: Uint8Array): string | null {
  const text = Buffer.from(pdf).toString("latin1");
  const hex = /\/Title\s*<([0-9A-Fa-f\s]*)>/.exec(text);
  if (hex?.[1]) {
    const bytes = Buffer.from(hex[1].replace(/\s/g, ""), "hex");
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      const swapped = Buffer.from(bytes.subarray(2));
      swapped.swap16();
      return swapped.toString("utf16le");
    }
    return bytes.toString("latin1");
  }
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(text);
  return literal?.[1] ? literal[1].replace(/\\(.)/g, "$1") : null;
}
