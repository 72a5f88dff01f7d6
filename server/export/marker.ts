// The fingerprint every export carries in its metadata (hash and language of the cover): the
// renderers write it, the verify check and the DOCX import read it.
import { type Locale, locales } from "@/lib/i18n/locales";
import type { ExportSource } from "./types";

/** `texts` (`ExportSource.texts`) is left out for the original's text, as before language versions. */
export function exportMarker(source: Pick<ExportSource, "hash" | "texts">, lang: Locale): string {
  return `accord:sha256=${source.hash};lang=${lang}${source.texts ? `;texts=${source.texts}` : ""}`;
}

/** Groups: the hash, the cover's language, and which texts (absent: the original's). */
export const markerPattern = new RegExp(
  `accord:sha256=([0-9a-f]{64});lang=(${locales.join("|")})(?:;texts=([a-z]{2,3}(?:\\+[a-z]{2,3})?))?`,
);
