// The export work done in the calling thread: the renderers, the ZIP, the DOCX reader and the
// live text decoded from its Yjs updates. The export thread loads this module when it starts;
// elsewhere `exportWork()` (server/export/work.ts) loads it on first use, so that what only asks
// for the work (a page's server action, the export source) does not load the renderers with it.
import type { DocNode } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import { foldPaper } from "../collab/fold";
import { liveContentFromYDoc, paperDoc } from "../collab/paper-state";
import { readDocx } from "./import/docx";
import { renderBilingual } from "./render/bilingual";
import { renderCompilation } from "./render/compilation";
import { renderFile } from "./render/file";
import { closePdfBrowser } from "./render/pdf";
import { renderRedlineDocx } from "./render/redline-docx";
import { zipFiles } from "./render/zip";
import type { ExportWork } from "./types";

function liveDocument(updates: Uint8Array[], keepMarks: boolean): DocNode {
  const doc = paperDoc(updates);
  try {
    const live = liveContentFromYDoc(doc);
    return keepMarks ? live : agreedContent(live);
  } finally {
    doc.destroy();
  }
}

export const localWork: ExportWork = {
  render: renderFile,
  zip: async (entries, mtime) => zipFiles(entries, mtime),
  readDocx,
  liveDocument: async (updates, keepMarks) => liveDocument(updates, keepMarks),
  foldPaper: async (updates, storedJson) => foldPaper(updates, storedJson),
  redlineDocx: renderRedlineDocx,
  compilationFile: renderCompilation,
  bilingualFile: renderBilingual,
};

/** Releases what this thread's work holds (its PDF browser): the export thread's last task. */
export const releaseLocalWork = closePdfBrowser;
