// The fingerprint every export carries in its metadata (hash and language of the cover): the
// renderers write it, the verify check and the DOCX import read it.
import { type Locale, locales } from "@/lib/i18n/locales";
import type { ExportSource } from "./types";

export function exportMarker(source: Pick<ExportSource, "hash">, lang: Locale): string {
  return `accord:sha256=${source.hash};lang=${lang}`;
}

export const markerPattern = new RegExp(`accord:sha256=([0-9a-f]{64});lang=(${locales.join("|")})`);
