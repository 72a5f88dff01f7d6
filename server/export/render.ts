// Every export's file, from an export source to its bytes (the PDF printed by Chromium from the
// HTML export). It touches no database and no socket, so it can run on the export thread
// (server/export/thread.ts) as well as in the calling thread.
import { type Zippable, zipSync } from "fflate";
import { agreedContent } from "@/lib/editor/annotations";
import { renderAkn } from "./akn";
import { buildCover } from "./cover";
import { renderDocx } from "./docx";
import type { ExportFormat, ExportOptions } from "./formats";
import { escapeHtml, renderHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { buildModel } from "./model";
import { renderPdf } from "./pdf";
import type { ExportSource } from "./source";

/** Annotations are rendered only when asked for AND carried by the source (the live draft, when allowed). */
export function isAnnotatedExport(source: ExportSource, options: ExportOptions): boolean {
  return options.includeAnnotations === true && source.revision === null && !!source.annotations;
}

export async function renderFile(
  source: ExportSource,
  format: ExportFormat,
  options: ExportOptions,
): Promise<Uint8Array> {
  const annotated = isAnnotatedExport(source, options);
  // A source with annotations holds the live document with their marks: without them, its agreed text.
  const doc = source.annotations && !annotated ? agreedContent(source.doc) : source.doc;
  const model = buildModel(doc, { annotations: annotated ? source.annotations : null });
  const cover = buildCover(source, options.lang, { annotated });
  const encoder = new TextEncoder();
  switch (format) {
    case "html":
      return encoder.encode(renderHtml(source, model, cover));
    case "pdf": {
      // The PDF's Title carries the fingerprint: Chromium writes <title> into the Info dictionary.
      const html = renderHtml(source, model, cover, { title: `${cover.documentName} [${cover.marker}]` });
      return renderPdf(html, source.date, escapeHtml(cover.documentName));
    }
    case "md":
      return encoder.encode(renderMarkdown(source, model, cover));
    case "docx":
      return renderDocx(source, model, cover);
    case "akn":
      return encoder.encode(renderAkn(source, model, cover));
  }
}

export type ZipEntry = { path: string; bytes: Uint8Array };

/**
 * A ZIP whose bytes depend only on its entries and `mtime`: entries in name order, one time for
 * all. Zip times are local-time fields: built from UTC fields so every server writes the same.
 */
export function zipFiles(entries: ZipEntry[], mtime: Date): Uint8Array {
  const local = new Date(
    mtime.getUTCFullYear(),
    mtime.getUTCMonth(),
    mtime.getUTCDate(),
    mtime.getUTCHours(),
    mtime.getUTCMinutes(),
  );
  const ordered: Zippable = {};
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
    ordered[entry.path] = [entry.bytes, { mtime: local, level: 6 }];
  return zipSync(ordered);
}
