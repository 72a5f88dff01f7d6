// Where the heavy, pure work of exports and imports runs: on the export thread when the server
// started one (server/export/thread.ts), else in the calling thread (tests, scripts, the
// benchmark, and the export thread itself). Callers ask `exportWork()` and never know which.
import type { DocNode } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import { processSingleton } from "@/lib/process-singleton";
import { liveContentFromYDoc, paperDoc } from "../collab/paper-state";
import { docxToDoc } from "./import/docx";
import { renderFile } from "./render/file";
import { closePdfBrowser } from "./render/pdf";
import { zipFiles } from "./render/zip";
import type { ExportFormat, ExportOptions, ExportSource, ZipEntry } from "./types";

export interface ExportWork {
  /** The file's bytes; a PDF is printed by this thread's Chromium. */
  render(source: ExportSource, format: ExportFormat, options: ExportOptions): Promise<Uint8Array>;
  zip(entries: ZipEntry[], mtime: Date): Promise<Uint8Array>;
  docxToDoc(bytes: Uint8Array): Promise<DocNode>;
  /**
   * The live text from the paper's stored Yjs updates (every acknowledged edit, unlike the
   * debounced snapshot): with its suggestion and comment-anchor marks, or the agreed text only.
   */
  liveDocument(updates: Uint8Array[], keepMarks: boolean): Promise<DocNode>;
}

function liveDocument(updates: Uint8Array[], keepMarks: boolean): DocNode {
  const doc = paperDoc(updates);
  try {
    const live = liveContentFromYDoc(doc);
    return keepMarks ? live : agreedContent(live);
  } finally {
    doc.destroy();
  }
}

export const inThisThread: ExportWork = {
  render: renderFile,
  zip: async (entries, mtime) => zipFiles(entries, mtime),
  docxToDoc,
  liveDocument: async (updates, keepMarks) => liveDocument(updates, keepMarks),
};

/** Releases what this thread's work holds (its PDF browser): the export thread's last task. */
export const releaseThisThread = closePdfBrowser;

// Process-wide: the custom server starts the thread, and the app's bundles (route handlers,
// server actions) hold their own copies of this module.
const installed = processSingleton("export work", (): { work: ExportWork | null } => ({ work: null }));

/** The export thread if one was installed, else this thread. */
export function exportWork(): ExportWork {
  return installed.work ?? inThisThread;
}

/** Installs (or, with null, removes) the work that `exportWork()` hands out. */
export function installExportWork(work: ExportWork | null): void {
  installed.work = work;
}
