// An HTTP server whose WebSocket upgrades on /collab go to a collaboration server, as
// server/main.ts routes them: used in process by the tests and by the child-process fixture.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { COLLAB_PATH } from "@/lib/collab/wire";
import type { CollaborationServer } from "@/server/collab/server";

/** Listens on 127.0.0.1 at `port` (0: a free one); anything but an upgrade to /collab is refused. */
export async function serveCollaboration(
  collab: CollaborationServer,
  port = 0,
): Promise<{ http: Server; port: number }> {
  const http = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  http.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith(COLLAB_PATH)) collab.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  http.listen(port, "127.0.0.1");
  await once(http, "listening");
  return { http, port: (http.address() as AddressInfo).port };
}

/** The address a client opens for a collaboration server listening on `port`. */
export const collabUrl = (port: number) => `ws://127.0.0.1:${port}${COLLAB_PATH}`;
