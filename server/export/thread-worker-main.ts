// The export thread's loop: each task is done with the same functions the calling thread would
// use (`localWork`, loaded as the thread starts), and answered with its id; bytes are handed
// over, not copied.
import { parentPort, threadId } from "node:worker_threads";
import { AppError } from "../errors";
import { localWork, releaseLocalWork } from "./local-work";
import { warmPdfRenderer } from "./render/pdf";
import type { ExportReply, ExportTask, SerializedError } from "./thread";

const port = parentPort;
if (!port) throw new Error("thread-worker-main runs only as the export thread");

function serialize(error: unknown): SerializedError {
  if (error instanceof AppError) {
    return { appError: { code: error.code, messageKey: error.messageKey }, message: error.message };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { message: e.message, stack: e.stack };
}

async function perform(task: ExportTask): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  switch (task.op) {
    case "render": {
      const bytes = await localWork.render(task.source, task.format, task.options);
      return { result: bytes, transfer: transferable(bytes) };
    }
    case "zip": {
      const bytes = await localWork.zip(task.entries, task.mtime);
      return { result: bytes, transfer: transferable(bytes) };
    }
    case "readDocx":
      return { result: await localWork.readDocx(task.bytes, task.voice), transfer: [] };
    case "liveDocument":
      return { result: await localWork.liveDocument(task.updates, task.keepMarks), transfer: [] };
    case "foldPaper": {
      const folded = await localWork.foldPaper(task.updates, task.storedJson);
      return { result: folded, transfer: transferable(folded.state) };
    }
    case "redlineDocx": {
      const bytes = await localWork.redlineDocx(task.input);
      return { result: bytes, transfer: transferable(bytes) };
    }
    case "compilationFile": {
      const bytes = await localWork.compilationFile(task.input, task.format);
      return { result: bytes, transfer: transferable(bytes) };
    }
    case "bilingualFile": {
      const bytes = await localWork.bilingualFile(task.input, task.format);
      return { result: bytes, transfer: transferable(bytes) };
    }
    case "release":
      await releaseLocalWork();
      return { result: null, transfer: [] };
  }
}

/** The buffer behind `bytes` when it holds nothing else (a Node Buffer may share a pool). */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  const buffer = bytes.buffer;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : [];
}

// The PDF renderer is started with the thread, not at the first export: Chromium's start-up
// (about a second here) is paid once, before anyone waits for a file. ACCORD_PDF_WARM=0 leaves
// it to the first PDF export (tests that never print).
if (process.env.ACCORD_PDF_WARM !== "0") void warmPdfRenderer();

port.on("message", (task: ExportTask & { id: number }) => {
  perform(task).then(
    ({ result, transfer }) =>
      port.postMessage({ id: task.id, ok: true, result, threadId } satisfies ExportReply, transfer),
    (error: unknown) => port.postMessage({ id: task.id, ok: false, error: serialize(error) } satisfies ExportReply),
  );
});
