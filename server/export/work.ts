// Where the heavy, pure work of exports and imports runs: on the export thread when the server
// started one (server/export/thread.ts), else in the calling thread (tests, scripts, the
// benchmark). Callers ask `exportWork()` and never know which.
import { processSingleton } from "@/lib/process-singleton";
import type { ExportWork } from "./types";

const local = () => import("./local-work").then((module) => module.localWork);

/** The work done in this thread (server/export/local-work.ts), loaded on first use. */
export const inThisThread: ExportWork = {
  render: async (source, format, options) => (await local()).render(source, format, options),
  zip: async (entries, mtime) => (await local()).zip(entries, mtime),
  readDocx: async (bytes, voice) => (await local()).readDocx(bytes, voice),
  liveDocument: async (updates, keepMarks) => (await local()).liveDocument(updates, keepMarks),
  foldPaper: async (updates, storedJson) => (await local()).foldPaper(updates, storedJson),
  redlineDocx: async (input) => (await local()).redlineDocx(input),
  compilationFile: async (input, format) => (await local()).compilationFile(input, format),
  bilingualFile: async (input, format) => (await local()).bilingualFile(input, format),
};

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
