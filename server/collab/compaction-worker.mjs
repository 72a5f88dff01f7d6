// Entry of the compaction thread: registers tsx's loader in this thread, then runs the worker,
// which is TypeScript like the rest of the server (a worker does not inherit the loader of
// a process started by vitest or by Next).
import { register } from "tsx/esm/api";

register();
await import("./compaction-worker.ts");
