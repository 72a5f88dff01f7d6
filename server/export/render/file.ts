// Every export's file, from an export source to its bytes (the PDF printed by Chromium from the
// HTML export). It touches no database and no socket, so it can run on the export thread
// (server/export/thread.ts) as well as in the calling thread.
import { agreedContent } from "@/lib/editor/annotations";
import { type ExportFormat, type ExportOptions, type ExportSource, isAnnotatedExport } from "../types";
import { renderAkn } from "./akn";
import { buildCover } from "./cover";
import { renderDocx } from "./docx";
import { renderHtml } from "./html";
import { renderMarkdown } from "./markdown";
import { buildModel } from "./model";
import { renderPdf } from "./pdf";

export async function renderFile(
  source: ExportSource,
  format: ExportFormat,
  options: ExportOptions,
): Promise<Uint8Array> {
  const annotated = isAnnotatedExport(source, options);
  // A source with annotations holds the live document with their marks: without them, its agreed text.
  const doc = source.annotations && !annotated ? agreedContent(source.doc) : source.doc;
  const model = buildModel(doc, { annotations: annotated ? source.annotations : null });
  const cover = buildCover(source, options.lang, { annotated, ledger: model.ledger });
  const encoder = new TextEncoder();
  switch (format) {
    case "html":
      return encoder.encode(renderHtml(source, model, cover));
    case "pdf": {
      // The PDF's Title carries the fingerprint: Chromium writes <title> into the Info dictionary.
      const html = renderHtml(source, model, cover, { title: `${cover.documentName} [${cover.marker}]` });
      return renderPdf(html, source.date, {
        header: cover.runningHeader,
        footer: cover.documentName,
        pageLabel: cover.t("exports.cover.page", { page: "\u0000PAGE\u0000", pages: "\u0000PAGES\u0000" }),
      });
    }
    case "md":
      return encoder.encode(renderMarkdown(source, model, cover));
    case "docx":
      return renderDocx(source, model, cover);
    case "akn":
      return encoder.encode(renderAkn(source, model, cover));
  }
}
