// The collaboration server: Hocuspocus 4 behind crossws, mounted on the app's own HTTP server at
// /collab (server/main.ts routes the upgrade here). One document per paper, named by its id.
// It is a row of extensions, one concern each; in the order below, they are every step an edit
// passes through. Who may do what is decided by the policy module (`collabAccess`), never here.
//
// Importable by plain Node (the custom server, tests, the benchmark): no `server-only`, no next/*
// besides next-auth/jwt's decoder.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type Extension, Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import type { CollabContext, GetDb } from "./context";
import { Divergence } from "./divergence";
import { AccessSweep } from "./extensions/access-sweep";
import { Authentication } from "./extensions/authentication";
import { AwarenessIdentity } from "./extensions/awareness-identity";
import { Persistence } from "./extensions/persistence";
import { redisExtension } from "./extensions/redis";
import { WriteGuard } from "./extensions/write-guard";
import { type AccessRevalidator, registerCollaborationServer, unregisterCollaborationServer } from "./notify";
import { shutDown } from "./shutdown";
import { socketAdapter } from "./socket";
import { SOCKET_LIMITS, type SocketLimits } from "./socket-limits";
import { UpdateLog } from "./update-log";

export type { CollabContext } from "./context";

export type CollaborationServerOptions = {
  getDb: GetDb;
  /** With a Redis URL, instances share document updates and presence through it. */
  redisUrl?: string;
  /** How often every open connection is re-checked against the policy (ms). */
  sweepIntervalMs?: number;
  /** Debounce of compaction + readable snapshot after changes (ms). */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
  /** Waits before writing a failed batch of updates again (ms); then the document is reloaded. */
  storeRetryDelaysMs?: readonly number[];
  /** What a socket may cost before and after it authenticates (server/collab/socket-limits.ts). */
  socketLimits?: Partial<SocketLimits>;
};

export type CollaborationServer = AccessRevalidator & {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
  /** Re-check every connection. */
  revalidateAll(): Promise<void>;
  readonly hocuspocus: Hocuspocus<CollabContext>;
};

/** How long an update's write waits for others to share its statement (single instance only). */
const STORE_BATCH_WINDOW_MS = 25;

export function createCollaborationServer(options: CollaborationServerOptions): CollaborationServer {
  const { getDb } = options;
  // Apply-before-store is safe only where no other instance can receive an unstored update.
  const applyFirst = !options.redisUrl;
  const updateLog = new UpdateLog(getDb, {
    retryDelaysMs: options.storeRetryDelaysMs,
    // Applied first, an update waits for its write only to be acknowledged: batch the writes.
    batchWindowMs: applyFirst ? STORE_BATCH_WINDOW_MS : 0,
  });
  const divergence = new Divergence();
  const awareness = new AwarenessIdentity(getDb);
  const sweep = new AccessSweep({ getDb, divergence, intervalMs: options.sweepIntervalMs ?? 5_000 });
  const extensions: Extension[] = [
    ...(options.redisUrl ? [redisExtension(options.redisUrl)] : []),
    new Authentication(getDb, divergence),
    awareness,
    new WriteGuard(),
    new Persistence({ getDb, updateLog, divergence, applyFirst }),
    divergence,
    sweep,
  ];
  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "accord",
    quiet: true,
    debounce: options.storeDebounceMs ?? 2_000,
    maxDebounce: options.storeMaxDebounceMs ?? 10_000,
    extensions,
  });
  const ws = socketAdapter(hocuspocus, { ...SOCKET_LIMITS, ...options.socketLimits });

  let closing: Promise<void> | undefined;
  const server: CollaborationServer = {
    hocuspocus,
    handleUpgrade(req, socket, head) {
      ws.handleUpgrade(req, socket, head).catch((error: unknown) => {
        console.error("collab: upgrade failed", error);
        socket.destroy();
      });
    },
    revalidatePaper: async (paperId) => {
      await sweep.revalidate(sweep.connectionsWhere((ctx) => ctx.paperId === paperId));
      // The leader of "Follow the chair" may have changed with the paper (server/domain/live-session.ts).
      await awareness.reloadLeader(paperId, hocuspocus.documents.get(paperId));
    },
    revalidateUser: (userId) => sweep.revalidate(sweep.connectionsWhere((ctx) => ctx.userId === userId)),
    revalidateAll: () => sweep.revalidate(sweep.connectionsWhere(() => true)),
    async broadcast(paperId, payload) {
      hocuspocus.documents.get(paperId)?.broadcastStateless(payload);
    },
    async applyStoredUpdate(paperId, update) {
      const document = hocuspocus.documents.get(paperId);
      if (document) Y.applyUpdate(document, update, { source: "local" });
    },
    close() {
      unregisterCollaborationServer(server);
      closing ??= sweep.stop().then(() => shutDown(hocuspocus, ws));
      return closing;
    },
  };
  registerCollaborationServer(server);
  return server;
}
