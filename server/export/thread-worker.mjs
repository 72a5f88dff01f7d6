// Entry of the export thread (server/export/thread.ts). Node cannot start a thread on a .ts
// file, even with tsx's loader: this registers tsx in the thread, then loads the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./thread-worker-main.ts");
