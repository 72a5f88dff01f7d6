// Closing the collaboration server without losing an edit: every connection is closed, which
// stores (compacts) each document as its last connection leaves; pending debounced stores run
// at once; only then are the sockets dropped and the extensions told to stop.
import type { Hocuspocus } from "@hocuspocus/server";
import { CLOSE } from "@/lib/collab/wire";
import type { socketAdapter } from "./socket";

/** How long closing waits for documents to be stored as their connections leave. */
const CLOSE_STORE_TIMEOUT_MS = 5_000;

export async function shutDown(hocuspocus: Hocuspocus, ws: ReturnType<typeof socketAdapter>): Promise<void> {
  const unloaded = new Promise<void>((resolve) => {
    if (hocuspocus.getDocumentsCount() === 0) return resolve();
    hocuspocus.configuration.extensions.push({
      async afterUnloadDocument({ instance }) {
        if (instance.getDocumentsCount() === 0) resolve();
      },
    });
  });
  hocuspocus.closeConnections();
  hocuspocus.flushPendingStores();
  await Promise.race([unloaded, new Promise((r) => setTimeout(r, CLOSE_STORE_TIMEOUT_MS).unref())]);
  ws.closeAll(CLOSE.shuttingDown.code, CLOSE.shuttingDown.reason, true);
  await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
}
