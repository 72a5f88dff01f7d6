// The one definition of a text's canonical content and its SHA-256. Revisions, submissions,
// exports and verification all use it, so a hash means the same thing everywhere.
import { createHash } from "node:crypto";
import type { DocNode } from "@/lib/document";
import { PARAGRAPH_ID } from "@/lib/paragraph-ids";

/**
 * Deterministic JSON: object keys sorted, undefined / null attributes and empty arrays dropped,
 * strings NFC-normalized. Independent of key order in the stored JSON (jsonb reorders keys)
 * and of the database driver. Paragraph ids (`pid`, lib/paragraph-ids.ts) are left out: they
 * are invisible bookkeeping for aligning language versions, not wording, so the same words hash
 * the same whether their paragraphs carry ids or not (texts from before ids keep their hashes,
 * and a revision's hash says nothing a reader cannot see).
 */
export function canonicalContent(doc: DocNode, options: { withParagraphIds?: boolean } = {}): string {
  return JSON.stringify(normalize(doc, false, options.withParagraphIds ?? false));
}

function normalize(value: unknown, inAttrs: boolean, keepIds: boolean): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (Array.isArray(value)) return value.map((item) => normalize(item, false, keepIds));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (inAttrs && !keepIds && key === PARAGRAPH_ID) continue;
      // Normalized first, so an object of only null attributes counts as empty too.
      const v = normalize((value as Record<string, unknown>)[key], key === "attrs", keepIds);
      if (v === undefined || v === null) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function contentHash(doc: DocNode): { canonical: string; hash: string } {
  const canonical = canonicalContent(doc);
  return { canonical, hash: sha256Hex(canonical) };
}

/** One language's text in a revision that froze several (table revision_languages). */
export type LanguageTextHash = { language: string; hash: string; isOriginal: boolean };

/**
 * The one hash of a revision that froze a paper's original and its language versions together:
 * SHA-256 of a canonical list of each language's text hash, the original marked, in the order
 * of the language codes. Anyone holding the texts can recompute it: each text's hash, then this.
 * A revision of a paper without versions keeps its text's hash (`contentHash`).
 */
export function revisionHashOf(languages: readonly LanguageTextHash[]): { canonical: string; hash: string } {
  const entries = [...languages]
    .sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0))
    .map((l) =>
      l.isOriginal ? { hash: l.hash, language: l.language, original: true } : { hash: l.hash, language: l.language },
    );
  const canonical = JSON.stringify({ languages: entries, scheme: "accord-revision-languages/1" });
  return { canonical, hash: sha256Hex(canonical) };
}
