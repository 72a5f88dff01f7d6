// The WebSocket glue: crossws takes the Node HTTP server's upgrade and feeds Hocuspocus 4 (which
// wants a web Request and messages pushed to it), after refusing cross-site origins.
import type { Hocuspocus } from "@hocuspocus/server";
import nodeAdapter from "crossws/adapters/node";

type ClientConnection = ReturnType<Hocuspocus["handleConnection"]>;
type PeerWithClient = { _hocuspocus?: ClientConnection };

/**
 * Cross-site WebSocket hijacking: a browser sends the cookie to us from any page that opens a
 * socket here, but always with that page's Origin. Clients without Origin (Node) are fine.
 */
function refuseForeignOrigin(request: Request): Response | undefined {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const allowed = new Set([request.headers.get("host")]);
  if (process.env.AUTH_URL) allowed.add(new URL(process.env.AUTH_URL).host);
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {}
  if (!originHost || !allowed.has(originHost)) return new Response("Forbidden", { status: 403 });
}

export function socketAdapter(hocuspocus: Hocuspocus) {
  return nodeAdapter({
    hooks: {
      upgrade: refuseForeignOrigin,
      open(peer) {
        (peer as PeerWithClient)._hocuspocus = hocuspocus.handleConnection(
          peer.websocket as unknown as WebSocket,
          peer.request as Request,
        );
      },
      message(peer, message) {
        (peer as PeerWithClient)._hocuspocus?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        (peer as PeerWithClient)._hocuspocus?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? "" });
      },
      error(_peer, error) {
        console.error("collab: socket error", error);
      },
    },
  });
}
