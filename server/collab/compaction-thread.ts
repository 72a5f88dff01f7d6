// The collaboration server's side of the compaction thread: one worker per process, started on
// first use, with requests matched to replies by id. Where a worker cannot run (it failed to
// start or stopped), the fold runs in this thread: slower for others, never lost.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { processSingleton } from "@/lib/process-singleton";
import type { FoldReply } from "./compaction-worker";
import { type Folded, foldPaper } from "./fold";

type Waiting = { resolve(folded: Folded): void; reject(error: Error): void };

class CompactionThread {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, Waiting & { updates: Uint8Array[]; storedJson: string | null }>();

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    // By path from the project root, not import.meta.url: Next's bundle may hold a copy of this module.
    const worker = new Worker(path.join(process.cwd(), "server", "collab", "compaction-worker.mjs"));
    worker.unref();
    worker.on("message", (reply: FoldReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve({ state: reply.state, content: reply.content });
      else waiting.reject(new Error(reply.error));
    });
    const giveUp = (error: unknown) => {
      console.warn(`collab: compaction thread unavailable, folding in the main thread (${String(error)})`);
      this.broken = true;
      this.worker = null;
      // What was sent to it is folded here instead.
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        try {
          waiting.resolve(foldPaper(waiting.updates, waiting.storedJson));
        } catch (foldError) {
          waiting.reject(foldError as Error);
        }
      }
    };
    worker.on("error", giveUp);
    worker.on("exit", (code) => {
      if (this.worker === worker) giveUp(`exit code ${code}`);
    });
    this.worker = worker;
    return worker;
  }

  fold(updates: Uint8Array[], storedJson: string | null): Promise<Folded> {
    const worker = this.start();
    if (!worker) return Promise.resolve().then(() => foldPaper(updates, storedJson));
    const id = this.nextId++;
    return new Promise<Folded>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, updates, storedJson });
      worker.postMessage({ id, updates, storedJson });
    });
  }

  get state(): "idle" | "running" | "in-process" {
    return this.broken ? "in-process" : this.worker ? "running" : "idle";
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(new Error("compaction thread stopped"));
    this.pending.clear();
    if (worker) await worker.terminate();
  }
}

const thread = processSingleton("compaction-thread", () => new CompactionThread());

/** Folds a paper's updates on the compaction thread. */
export function foldOffThread(updates: Uint8Array[], storedJson: string | null): Promise<Folded> {
  return thread.fold(updates, storedJson);
}

/** Where folds run: not started yet, on the thread, or in this thread after the thread failed. */
export function compactionThreadState(): "idle" | "running" | "in-process" {
  return thread.state;
}

/** Stops the compaction thread (server shutdown, tests). */
export function stopCompactionThread(): Promise<void> {
  return thread.stop();
}
