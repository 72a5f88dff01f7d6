// What a WebSocket may cost before and after it proves who it is, decided on the raw frame before
// Hocuspocus parses anything: a deadline to authenticate, a small frame size until then, a cap of
// sockets per address still waiting to authenticate, a cap of documents per socket (the editor
// opens one), and a budget of bytes and messages per second (token buckets: a burst is allowed,
// a sustained flood is not). Larger frames than MAX_FRAME_BYTES never reach here (ws refuses them).
import * as decoding from "lib0/decoding";
import { CLOSE, PRE_AUTH_MAX_FRAME_BYTES } from "@/lib/collab/wire";
import { clientAddress, trustedProxyHops } from "../rate-limit";

export type SocketLimits = {
  /** Time a socket has to authenticate its first document. */
  authDeadlineMs: number;
  /** Sockets from one address open and not yet authenticated. */
  pendingPerAddress: number;
  /** Different documents one socket may open. */
  documentsPerSocket: number;
  /** Bytes a socket may send: at once, and per second after that. */
  budgetBytes: { burst: number; perSecond: number };
  /** Messages (frames) a socket may send: at once, and per second after that. */
  budgetMessages: { burst: number; perSecond: number };
};

/**
 * Someone typing sends a few small updates and caret moves a second; a 30-page paper pasted from
 * Word is a few hundred KB; a reconnecting editor sends what it held in one message. The budgets
 * sit far above all of these and far below what stalls the server.
 */
export const SOCKET_LIMITS: SocketLimits = {
  authDeadlineMs: 10_000,
  pendingPerAddress: 20,
  documentsPerSocket: 4,
  budgetBytes: { burst: 4 * 1024 * 1024, perSecond: 256 * 1024 },
  budgetMessages: { burst: 500, perSecond: 100 },
};

/** A token bucket: `take` spends from what has accrued since the last call, up to `burst`. */
export function tokenBucket({ burst, perSecond }: { burst: number; perSecond: number }, now = Date.now) {
  let tokens = burst;
  let at = now();
  return {
    take(amount: number): boolean {
      const time = now();
      tokens = Math.min(burst, tokens + ((time - at) / 1000) * perSecond);
      at = time;
      if (tokens < amount) return false;
      tokens -= amount;
      return true;
    },
  };
}

type Closable = { close(code: number, reason: string): void };
type Watched = { authenticated(): boolean; socket: Closable };

/** The guard one adapter keeps over all its sockets. */
export function socketGuard(limits: SocketLimits = SOCKET_LIMITS, env: NodeJS.ProcessEnv = process.env) {
  const pendingByAddress = new Map<string, number>();
  const state = new WeakMap<
    object,
    {
      address: string;
      pending: boolean;
      documents: Set<string>;
      timer: NodeJS.Timeout;
      bytes: ReturnType<typeof tokenBucket>;
      messages: ReturnType<typeof tokenBucket>;
    }
  >();

  const settle = (key: object) => {
    const entry = state.get(key);
    if (!entry?.pending) return;
    entry.pending = false;
    const left = (pendingByAddress.get(entry.address) ?? 1) - 1;
    if (left > 0) pendingByAddress.set(entry.address, left);
    else pendingByAddress.delete(entry.address);
  };

  return {
    /** A new socket: refused (closed) when its address already has too many waiting. */
    opened(key: object, watched: Watched, peerAddress: string | undefined, forwardedFor: string | null) {
      const address = clientAddress(peerAddress, forwardedFor, trustedProxyHops(env));
      const pending = pendingByAddress.get(address) ?? 0;
      if (pending >= limits.pendingPerAddress) {
        watched.socket.close(CLOSE.tooMany.code, CLOSE.tooMany.reason);
        return;
      }
      pendingByAddress.set(address, pending + 1);
      const timer = setTimeout(() => {
        if (!watched.authenticated()) watched.socket.close(CLOSE.authDeadline.code, CLOSE.authDeadline.reason);
      }, limits.authDeadlineMs);
      timer.unref();
      state.set(key, {
        address,
        pending: true,
        documents: new Set(),
        timer,
        bytes: tokenBucket(limits.budgetBytes),
        messages: tokenBucket(limits.budgetMessages),
      });
    },
    /** Whether the frame may go on to Hocuspocus; closes the socket when it may not. */
    admits(key: object, watched: Watched, frame: Uint8Array): boolean {
      const entry = state.get(key);
      if (!entry) return false;
      if (entry.pending && watched.authenticated()) settle(key);
      if (entry.pending && frame.length > PRE_AUTH_MAX_FRAME_BYTES) {
        watched.socket.close(CLOSE.tooLarge.code, CLOSE.tooLarge.reason);
        return false;
      }
      if (!entry.messages.take(1) || !entry.bytes.take(frame.length)) {
        watched.socket.close(CLOSE.tooFast.code, CLOSE.tooFast.reason);
        return false;
      }
      // Every Hocuspocus message starts with its document's name.
      let documentName: string;
      try {
        documentName = decoding.readVarString(decoding.createDecoder(frame));
      } catch {
        watched.socket.close(CLOSE.tooLarge.code, "malformed message");
        return false;
      }
      if (!entry.documents.has(documentName)) {
        if (entry.documents.size >= limits.documentsPerSocket) {
          watched.socket.close(CLOSE.tooMany.code, CLOSE.tooMany.reason);
          return false;
        }
        entry.documents.add(documentName);
      }
      return true;
    },
    closed(key: object) {
      const entry = state.get(key);
      if (!entry) return;
      clearTimeout(entry.timer);
      settle(key);
      state.delete(key);
    },
  };
}
