// The WebSocket glue: crossws takes the Node HTTP server's upgrade and feeds Hocuspocus 4 (which
// wants a web Request and messages pushed to it), after refusing cross-site origins and with a
// cap on the size of a frame.
import type { Hocuspocus } from "@hocuspocus/server";
import nodeAdapter from "crossws/adapters/node";
import { MAX_FRAME_BYTES } from "@/lib/collab/wire";
import { isCrossSite } from "../same-origin";
import { SOCKET_LIMITS, type SocketLimits, socketGuard } from "./socket-limits";

type ClientConnection = ReturnType<Hocuspocus["handleConnection"]>;
type PeerWithClient = { _hocuspocus?: ClientConnection };

/** Cross-site WebSocket hijacking: the upgrade from another site's page is refused. */
function refuseForeignOrigin(request: Request): Response | undefined {
  if (isCrossSite(request.headers)) return new Response("Forbidden", { status: 403 });
}

export function socketAdapter(hocuspocus: Hocuspocus, limits: SocketLimits = SOCKET_LIMITS) {
  const guard = socketGuard(limits);
  const watched = (peer: PeerWithClient & { close(code?: number, reason?: string): void }) => ({
    // Hocuspocus 4 keeps this flag private; tests/security/collab-sockets.test.ts notices if it moves.
    authenticated: () => (peer._hocuspocus as unknown as { hasAuthenticated?: boolean })?.hasAuthenticated === true,
    socket: { close: (code: number, reason: string) => peer.close(code, reason) },
  });
  return nodeAdapter({
    // Larger frames are refused by ws as they arrive (inflated size counted too), never buffered or parsed.
    serverOptions: { maxPayload: MAX_FRAME_BYTES },
    hooks: {
      upgrade: refuseForeignOrigin,
      open(peer) {
        (peer as PeerWithClient)._hocuspocus = hocuspocus.handleConnection(
          peer.websocket as unknown as WebSocket,
          peer.request as Request,
        );
        guard.opened(peer, watched(peer), peer.remoteAddress, peer.request.headers.get("x-forwarded-for"));
      },
      message(peer, message) {
        const frame = message.uint8Array();
        if (!guard.admits(peer, watched(peer), frame)) return;
        (peer as PeerWithClient)._hocuspocus?.handleMessage(frame);
      },
      close(peer, event) {
        guard.closed(peer);
        (peer as PeerWithClient)._hocuspocus?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? "" });
      },
      error(_peer, error) {
        // An oversized frame is a client's doing, answered by the close code: one line, no stack.
        if (String(error.message).includes("Max payload size exceeded"))
          console.warn("collab: frame above the limit refused");
        else console.error("collab: socket error", error);
      },
    },
  });
}
