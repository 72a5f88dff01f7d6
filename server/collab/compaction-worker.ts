// The compaction thread: folds papers' updates (fold.ts) off the collaboration server's event
// loop, where a 5,000-paragraph paper would hold every socket for most of a second.
import { parentPort } from "node:worker_threads";
import { foldPaper } from "./fold";

export type FoldRequest = { id: number; updates: Uint8Array[]; storedJson: string | null };
export type FoldReply =
  | { id: number; ok: true; state: Uint8Array; content: { json: string; text: string } | null }
  | { id: number; ok: false; error: string };

parentPort?.on("message", ({ id, updates, storedJson }: FoldRequest) => {
  try {
    const { state, content } = foldPaper(updates, storedJson);
    parentPort?.postMessage({ id, ok: true, state, content } satisfies FoldReply, [state.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, error: String(error) } satisfies FoldReply);
  }
});
