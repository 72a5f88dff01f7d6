// The one definition of a text's canonical content and its SHA-256. Revisions, submissions,
// exports and verification all use it, so a hash means the same thing everywhere.
import { createHash } from "node:crypto";
import type { DocNode } from "@/lib/document";

/**
 * Deterministic JSON: object keys sorted, undefined / null attributes and empty arrays dropped,
 * strings NFC-normalized. Independent of key order in the stored JSON (jsonb reorders keys)
 * and of the database driver.
 */
export function canonicalContent(doc: DocNode): string {
  return JSON.stringify(normalize(doc));
}

function normalize(value: unknown): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      // Normalized first, so an object of only null attributes counts as empty too.
      const v = normalize((value as Record<string, unknown>)[key]);
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
