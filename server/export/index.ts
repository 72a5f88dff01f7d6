// The one entry to every export format. Downloads, the submissions ZIP and the verify page all
// call `renderExport`, so a file is always produced the same way from the same stored text.
import { agreedContent } from "@/lib/editor/annotations";
import type { Locale } from "@/lib/i18n/locales";
import { renderAkn } from "./akn";
import { buildCover } from "./cover";
import { renderDocx } from "./docx";
import type { ExportFormat } from "./formats";
import { escapeHtml, renderHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { buildModel } from "./model";
import { renderPdf } from "./pdf";
import type { ExportSource } from "./source";

export { type ExportFormat, exportFormats } from "./formats";

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

export type ExportOptions = {
  lang: Locale;
  /**
   * Pending suggestions and open comments: rendered only when asked for here AND carried by the
   * source (`exportSourceForActor` loads them for the live draft, when allowed). Submitted texts,
   * the ZIP and verification never ask, and their sources never carry them.
   */
  includeAnnotations?: boolean;
};

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
  const annotated = options.includeAnnotations === true && source.revision === null && !!source.annotations;
  // A source with annotations holds the live document with their marks: without them, its agreed text.
  const doc = source.annotations && !annotated ? agreedContent(source.doc) : source.doc;
  const model = buildModel(doc, { annotations: annotated ? source.annotations : null });
  const cover = buildCover(source, options.lang, { annotated });
  const encoder = new TextEncoder();
  let bytes: Uint8Array;
  switch (format) {
    case "html":
      bytes = encoder.encode(renderHtml(source, model, cover));
      break;
    case "pdf": {
      // The PDF's Title carries the fingerprint: Chromium writes <title> into the Info dictionary.
      const html = renderHtml(source, model, cover, { title: `${cover.documentName} [${cover.marker}]` });
      bytes = await renderPdf(html, source.date, escapeHtml(cover.documentName));
      break;
    }
    case "md":
      bytes = encoder.encode(renderMarkdown(source, model, cover));
      break;
    case "docx":
      bytes = await renderDocx(source, model, cover);
      break;
    case "akn":
      bytes = encoder.encode(renderAkn(source, model, cover));
      break;
  }
  return { bytes, contentType: contentTypes[format], filename: exportFilename(source, format, annotated) };
}
