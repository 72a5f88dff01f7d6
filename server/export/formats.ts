// The export formats, in a module light enough for pages to import.
import type { Locale } from "@/lib/i18n/locales";

export const exportFormats = ["docx", "pdf", "html", "md", "akn"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ExportOptions = {
  lang: Locale;
  /**
   * Pending suggestions and open comments: rendered only when asked for here AND carried by the
   * source (`exportSourceForActor` loads them for the live draft, when allowed). Submitted texts,
   * the ZIP and verification never ask, and their sources never carry them.
   */
  includeAnnotations?: boolean;
};
