// The export thread: exports (every format's file, the PDF printed by the thread's own Chromium,
// the live text decoded from its Yjs updates), ZIPs, DOCX imports and the collaboration
// server's compaction folds are CPU work of a few
// hundred milliseconds for a long paper, and seconds for a dialogue's ZIP; on the server's own
// thread that would freeze every socket (typing, carets, saves) and request meanwhile. The
// server starts one such thread (`startExportThread`, server/main.ts); its tasks run there side
// by side. A thread that dies (out of memory on a hostile file, say) fails only its pending
// tasks, its Chromium quits with it, and the next task starts a new one. Its heap is capped so
// that no file can take the server down with it.

import path from "node:path";
import { type ResourceLimits, Worker } from "node:worker_threads";
import type { DocNode } from "@/lib/document";
import type { Folded } from "../collab/fold";
import { AppError, type ErrorCode } from "../errors";
import type { ImportedDocx, ImportVoice } from "./import/imported";
import type {
  BilingualExportInput,
  CompilationExportInput,
  ExportFormat,
  ExportOptions,
  ExportSource,
  ExportWork,
  RedlineInput,
  ZipEntry,
} from "./types";
import { installExportWork } from "./work";

export type ExportTask =
  | { op: "render"; source: ExportSource; format: ExportFormat; options: ExportOptions }
  | { op: "zip"; entries: ZipEntry[]; mtime: Date }
  | { op: "readDocx"; bytes: Uint8Array; voice: ImportVoice }
  | { op: "liveDocument"; updates: Uint8Array[]; keepMarks: boolean }
  | { op: "foldPaper"; updates: Uint8Array[]; storedJson: string | null }
  | { op: "redlineDocx"; input: RedlineInput }
  | { op: "compilationFile"; input: CompilationExportInput; format: "docx" | "pdf" }
  | { op: "bilingualFile"; input: BilingualExportInput; format: "docx" | "pdf" }
  | { op: "release" };

export type SerializedError = { appError?: { code: ErrorCode; messageKey: string }; message: string; stack?: string };

export type ExportReply =
  | { id: number; ok: true; result: unknown; threadId: number }
  | { id: number; ok: false; error: SerializedError };

/** Errors keep their kind across the thread: a refused import stays a refusal with its message. */
function reviveError(error: SerializedError): Error {
  if (error.appError) return new AppError(error.appError.code, error.message, error.appError.messageKey);
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}

const DEFAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048 };

export class ExportThread implements ExportWork {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  private nextId = 1;
  private closed = false;
  /** The thread that answered last (tests check that work really left the caller's thread). */
  lastThreadId: number | null = null;

  constructor(private readonly limits: ResourceLimits = DEFAULT_LIMITS) {}

  /** Starts the thread now rather than at the first task (its modules take a second to load). */
  warm(): void {
    if (!this.closed) this.spawn();
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    // By path from the project root, not import.meta.url: the app's bundles hold copies of this module.
    const worker = new Worker(path.join(process.cwd(), "server", "export", "thread-worker.mjs"), {
      resourceLimits: this.limits,
    });
    worker.unref();
    worker.on("message", (reply: ExportReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) {
        this.lastThreadId = reply.threadId;
        waiting.resolve(reply.result);
      } else {
        waiting.reject(reviveError(reply.error));
      }
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", (error) => fail(new Error(`the export thread failed: ${error.message}`, { cause: error })));
    worker.on("exit", (code) => fail(new Error(`the export thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private run<T>(task: ExportTask, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the export thread is closed"));
    const worker = this.spawn();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // While work is pending the thread keeps the process alive; idle, it does not.
      worker.ref();
      worker.postMessage({ ...task, id }, transfer);
    });
  }

  render(source: ExportSource, format: ExportFormat, options: ExportOptions): Promise<Uint8Array> {
    return this.run({ op: "render", source, format, options });
  }

  zip(entries: ZipEntry[], mtime: Date): Promise<Uint8Array> {
    return this.run({ op: "zip", entries, mtime });
  }

  readDocx(bytes: Uint8Array, voice: ImportVoice): Promise<ImportedDocx> {
    return this.run({ op: "readDocx", bytes, voice });
  }

  liveDocument(updates: Uint8Array[], keepMarks: boolean): Promise<DocNode> {
    return this.run({ op: "liveDocument", updates, keepMarks });
  }

  foldPaper(updates: Uint8Array[], storedJson: string | null): Promise<Folded> {
    return this.run({ op: "foldPaper", updates, storedJson });
  }

  redlineDocx(input: RedlineInput): Promise<Uint8Array> {
    return this.run({ op: "redlineDocx", input });
  }

  compilationFile(input: CompilationExportInput, format: "docx" | "pdf"): Promise<Uint8Array> {
    return this.run({ op: "compilationFile", input, format });
  }

  bilingualFile(input: BilingualExportInput, format: "docx" | "pdf"): Promise<Uint8Array> {
    return this.run({ op: "bilingualFile", input, format });
  }

  /** Stops the thread (its Chromium closed first, within 5 s); pending tasks fail, later ones are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    const worker = this.worker;
    if (worker) {
      const released = this.run({ op: "release" }).catch(() => {});
      await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    }
    this.closed = true;
    if (worker) await worker.terminate();
  }
}

/** Starts the export thread and makes every export and import of this process use it. */
export function startExportThread(): ExportThread {
  const thread = new ExportThread();
  thread.warm();
  installExportWork(thread);
  return thread;
}

/** Back to rendering in the calling thread, and the thread stopped. */
export async function stopExportThread(thread: ExportThread): Promise<void> {
  installExportWork(null);
  await thread.close();
}
