// The one entry to every export format. Downloads, the submissions ZIP and the verify page all
// call `renderExport`, so a file is always produced the same way from the same stored text. The
// file is made on the export thread when the server runs one (server/export/work.ts).
import type { ExportFormat, ExportOptions } from "./formats";
import { isAnnotatedExport } from "./render";
import type { ExportSource } from "./source";
import { exportWork } from "./work";

export { type ExportFormat, type ExportOptions, exportFormats } from "./formats";

export const contentTypes: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  akn: "application/akn+xml; charset=utf-8",
};

export const extensions: Record<ExportFormat, string> = {
  docx: "docx",
  pdf: "pdf",
  html: "html",
  md: "md",
  akn: "akn.xml",
};

export type ExportFile = { bytes: Uint8Array; contentType: string; filename: string };

/** A file name safe everywhere: ASCII letters, digits and dashes, then the revision. */
export function exportFilename(source: ExportSource, format: ExportFormat, annotated = false): string {
  const base =
    source.title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .toLowerCase() || "paper";
  const rev = source.revision === null ? (annotated ? "live-draft-annotated" : "live-draft") : `rev${source.revision}`;
  return `${base}-${rev}.${extensions[format]}`;
}

export async function renderExport(
  source: ExportSource,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportFile> {
  const bytes = await exportWork().render(source, format, options);
  return {
    bytes,
    contentType: contentTypes[format],
    filename: exportFilename(source, format, isAnnotatedExport(source, options)),
  };
}
