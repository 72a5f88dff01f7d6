// The collaboration server: Hocuspocus 4 behind crossws, mounted on the app's own HTTP server at
// /collab (server/main.ts routes the upgrade here). One document per paper, named by its id.
//
// Who may do what is decided by the policy module, never here: `paper.view` to open the socket,
// `paper.edit` or `paper.suggest` to write (otherwise `connectionConfig.readOnly`), every update
// judged by the write guard (guard.ts). Decisions are re-taken on every
// policy-relevant change (server/collab/notify.ts) and by a periodic sweep, and every stored update
// is conditioned on the paper status the edit right was granted under (see UpdateLog).
//
// Importable by plain Node (the custom server, tests, the benchmark): no `server-only`, no next/*
// besides next-auth/jwt's decoder.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Redis } from "@hocuspocus/extension-redis";
import {
  type Connection,
  type ConnectionTransactionOrigin,
  type Document,
  type Extension,
  Hocuspocus,
  MessageType,
  OutgoingMessage,
} from "@hocuspocus/server";
import nodeAdapter from "crossws/adapters/node";
import { and, eq, gt, inArray } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { authSessions, type PaperStatus, papers, partners, users } from "@/db/schema";
import { type ActorProfile, loadActor, loadActors } from "../actor";
import { type Actor, can, type WriteRights } from "../policy";
import { sessionFromHeaders, UUID } from "./auth";
import { compactPaper, papersWithStaleUpdates } from "./compaction";
import { dropShadow, judgeUpdate } from "./guard";
import { registerCollaborationServer, unregisterCollaborationServer } from "./notify";
import { documentSchema, loadPaperState } from "./paper-state";
import { type AppendResult, UpdateLog } from "./update-log";

export const COLLAB_PATH = "/collab";

export type CollaborationServerOptions = {
  getDb: () => Promise<Db>;
  /** With a Redis URL, instances share document updates and presence through it. */
  redisUrl?: string;
  /** How often every open connection is re-checked against the policy (ms). */
  sweepIntervalMs?: number;
  /** Debounce of compaction + readable snapshot after changes (ms). */
  storeDebounceMs?: number;
  storeMaxDebounceMs?: number;
  /** Waits before writing a failed batch of updates again (ms); then the document is reloaded. */
  storeRetryDelaysMs?: readonly number[];
};

export type CollaborationServer = {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
  /** Re-check every connection to this paper (status changed). */
  revalidatePaper(paperId: string): Promise<void>;
  /** Re-check every connection of this user (membership changed, account deactivated). */
  revalidateUser(userId: string): Promise<void>;
  /** Re-check every connection. */
  revalidateAll(): Promise<void>;
  /** Sends a stateless message to every connection to this paper (e.g. "the comments changed"). */
  broadcast(paperId: string, payload: string): Promise<void>;
  /** Applies an update the server already stored (paper_updates) to the live document, if loaded. */
  applyStoredUpdate(paperId: string, update: Uint8Array): Promise<void>;
  readonly hocuspocus: Hocuspocus<CollabContext>;
};

/** What the server knows about one authenticated connection. */
export type CollabContext = {
  userId: string;
  sessionId: string;
  paperId: string;
  dialogueId: string;
  /** The paper status under which the current access (read-only or read-write) was granted. */
  status: PaperStatus;
  actor: Actor;
  /** What this connection may write (null: read-only); every update is judged against it (guard.ts). */
  rights: WriteRights | null;
  /** Presence identity, from the database: a client cannot choose it. */
  presence: { id: string; name: string; partner: string };
};

/** A refusal the provider receives as `authenticationFailed` with this reason. Plain object: Hocuspocus logs only errors with a message. */
type Refusal = { reason: "unauthenticated" | "forbidden" | "unavailable" };
const refuse = (reason: Refusal["reason"]): Refusal => ({ reason });

/** How long an update's write waits for others to share its statement (single instance only). */
const STORE_BATCH_WINDOW_MS = 25;

/** Close code for a connection that lost access while open (application range 4000–4999). */
const LOST_ACCESS_CODE = 4403;

/**
 * The reason a document connection is closed with when the guard refused one of its updates.
 * The client's copy has diverged from the server's: it must start again from a fresh Y.Doc.
 */
export const UPDATE_REFUSED = "update-refused";

/** Stateless message telling one connection its write rights changed (suggest-only or not). */
export type RightsMessage = { type: "rights"; suggestOnly: boolean; commentOnly: boolean };

/** What the policy lets this actor write in this paper, or null for read-only. */
export function writeRightsFor(actor: Actor, paper: { dialogueId: string; status: PaperStatus }): WriteRights | null {
  const edit = can(actor, "paper.edit", paper);
  const suggest = can(actor, "paper.suggest", paper);
  // Commenting writes only the commenter's own anchor into the text, and only while it is open.
  const comment = (paper.status === "draft" || paper.status === "consultation") && can(actor, "paper.comment", paper);
  if (!edit && !suggest && !comment) return null;
  return {
    userId: actor.id,
    partnerId: actor.memberships.get(paper.dialogueId)?.partnerId ?? null,
    suggestOnly: !edit && suggest,
    commentOnly: !edit && !suggest,
    markAgreement: can(actor, "paper.markAgreement", paper),
    decideSuggestions: can(actor, "paper.decideSuggestions", paper),
  };
}

const COLOR = /^#[0-9a-f]{6}$/i;
const PALETTE = ["#b91c1c", "#c2410c", "#a16207", "#15803d", "#0f766e", "#1d4ed8", "#6d28d9", "#be185d"];
function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? "#1d4ed8";
}

function sameRights(a: WriteRights, b: WriteRights): boolean {
  return (
    a.suggestOnly === b.suggestOnly &&
    a.commentOnly === b.commentOnly &&
    a.markAgreement === b.markAgreement &&
    a.decideSuggestions === b.decideSuggestions
  );
}

/** A SyncStatus message (the acknowledgement of one update): document name, then the type. */
function isSyncStatus(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === MessageType.SyncStatus;
  } catch {
    return false;
  }
}

/** An update that carries nothing (`encodeStateAsUpdate` of an empty diff): not worth a write. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((b) => b === 0);
}

/** The name of the partner the user speaks for in this dialogue (global roles: their own body). */
async function presenceFor(db: Db, actor: ActorProfile, dialogueId: string) {
  const partnerId = actor.memberships.get(dialogueId)?.partnerId;
  const [row] = partnerId
    ? await db.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId))
    : await db
        .select({ name: partners.name })
        .from(users)
        .innerJoin(partners, eq(partners.id, users.partnerId))
        .where(eq(users.id, actor.id));
  return { id: actor.id, name: actor.name, partner: row?.name ?? "" };
}

export function createCollaborationServer(options: CollaborationServerOptions): CollaborationServer {
  const { getDb } = options;
  /** Apply-before-store is safe only where no other instance can receive an unstored update. */
  const applyFirst = !options.redisUrl;
  const updateLog = new UpdateLog(getDb, {
    retryDelaysMs: options.storeRetryDelaysMs,
    // Applied first, an update waits for its write only to be acknowledged: batch the writes.
    batchWindowMs: applyFirst ? STORE_BATCH_WINDOW_MS : 0,
  });
  const extensions: Extension[] = [];
  if (options.redisUrl) {
    const url = new URL(options.redisUrl);
    extensions.push(
      new Redis({
        host: url.hostname,
        port: Number(url.port || 6379),
        options: {
          username: url.username ? decodeURIComponent(url.username) : undefined,
          password: url.password ? decodeURIComponent(url.password) : undefined,
          db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
        },
        prefix: "accord:collab",
      }),
    );
  }

  /** Switches a live connection between read-only and read-write, and tells its provider (`authenticated` event with the new scope). */
  function setReadOnly(connection: Connection<CollabContext>, readOnly: boolean) {
    if (connection.readOnly === readOnly) return;
    connection.readOnly = readOnly;
    connection.send(new OutgoingMessage(connection.messageAddress).writeAuthenticated(readOnly).toUint8Array());
  }

  /** New write rights for a live connection: read-only switch, and a word to the client when suggest-only changes. */
  function setRights(connection: Connection<CollabContext>, rights: WriteRights | null) {
    const ctx = connection.context;
    const was = ctx.rights;
    ctx.rights = rights;
    setReadOnly(connection, rights === null);
    if (rights && (rights.suggestOnly !== was?.suggestOnly || rights.commentOnly !== was?.commentOnly)) {
      const message: RightsMessage = {
        type: "rights",
        suggestOnly: rights.suggestOnly,
        commentOnly: rights.commentOnly,
      };
      connection.sendStateless(JSON.stringify(message));
    }
  }

  /** Ends a connection that may no longer see the paper: its provider reconnects and is refused with a reason. */
  function expel(connection: Connection<CollabContext>) {
    connection.readOnly = true;
    connection.close({ code: LOST_ACCESS_CODE, reason: "forbidden" });
    connection.webSocket.close(LOST_ACCESS_CODE, "forbidden");
  }

  /**
   * The paper's status moved while an update was being stored: decide the connection's access
   * again. Null: it may no longer see the paper. `same`: it may write exactly as before.
   */
  function reconsider(
    connection: Connection<CollabContext>,
    status: PaperStatus,
  ): { rights: WriteRights | null; same: boolean } | null {
    const ctx = connection.context;
    const before = ctx.rights;
    ctx.status = status;
    const paper = { dialogueId: ctx.dialogueId, status };
    if (!can(ctx.actor, "paper.view", paper)) return null;
    const rights = writeRightsFor(ctx.actor, paper);
    setRights(connection, rights);
    return { rights, same: rights !== null && before !== null && sameRights(rights, before) };
  }

  /**
   * Stores an update already applied and broadcast (single instance). True once committed; false
   * if it never will be, the document then being reloaded from the database (`diverge`).
   */
  async function storeApplied(
    connection: Connection<CollabContext>,
    document: Document,
    update: Uint8Array,
  ): Promise<boolean> {
    const ctx = connection.context;
    for (let attempt = 0; attempt < 3; attempt++) {
      let result: AppendResult;
      try {
        result = await updateLog.append(ctx.paperId, update, ctx.status);
      } catch (error) {
        console.error("collab: storing an update failed", error);
        // Clients keep their copies and send back what the reloaded document lacks.
        diverge(document, { rebuild: false });
        return false;
      }
      if (result.stored) return true;
      const access = result.status ? reconsider(connection, result.status) : null;
      // Allowed exactly as before under the new status: store it under that one.
      if (access?.same) continue;
      if (!access) expel(connection);
      break;
    }
    // Everyone saw an update that will never be stored: every copy starts again from storage.
    diverge(document, { rebuild: true });
    return false;
  }

  /**
   * The append of the last update applied to each document. The update log commits a paper's
   * appends in order and fails every one queued behind a failure, so this settling true means
   * everything applied so far is committed.
   */
  const lastStore = new WeakMap<Document, Promise<boolean>>();

  /** Holds back a connection's acknowledgements until the updates they answer are committed, in order. */
  const ackGates = new WeakMap<Connection<CollabContext>, { push(stored: Promise<boolean>): void }>();
  function ackGate(connection: Connection<CollabContext>) {
    const existing = ackGates.get(connection);
    if (existing) return existing;
    // One entry per SyncStep2 / Update that passed `beforeSync`: Hocuspocus answers each with
    // exactly one SyncStatus, in the order the messages were processed.
    const pending: Promise<boolean>[] = [];
    let chain = Promise.resolve();
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array) => {
      if (!isSyncStatus(message)) return send(message);
      const stored = pending.shift() ?? Promise.resolve(true);
      chain = chain.then(async () => {
        if (await stored) send(message);
      });
    };
    const gate = { push: (stored: Promise<boolean>) => void pending.push(stored) };
    ackGates.set(connection, gate);
    return gate;
  }

  /**
   * Papers whose document in memory holds an applied update that will not be stored (or not
   * yet). Until that document is unloaded nobody may join it: a client would be told it has
   * everything. The next load comes from the database; with `rebuild`, clients start from it
   * afresh (what they saw is not the paper's text), otherwise they keep their copies and send
   * back what it lacks, the unstored update included (its author never had it acknowledged).
   */
  const diverged = new Set<string>();

  function diverge(document: Document, { rebuild }: { rebuild: boolean }) {
    if (!diverged.has(document.name)) {
      console.error(`collab: paper ${document.name} is ahead of the database; reloading it from storage`);
    }
    diverged.add(document.name);
    dropShadow(document);
    const close = rebuild ? { code: 4409, reason: UPDATE_REFUSED } : { code: 1011, reason: "storage unavailable" };
    for (const connection of document.getConnections() as Connection<CollabContext>[]) {
      connection.readOnly = true;
      connection.close(close);
      connection.webSocket.close(close.code, close.reason);
    }
    void hocuspocus.unloadDocument(document);
  }

  extensions.push({
    async afterUnloadDocument({ documentName }) {
      diverged.delete(documentName);
    },
  });

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "accord",
    quiet: true,
    debounce: options.storeDebounceMs ?? 2_000,
    maxDebounce: options.storeMaxDebounceMs ?? 10_000,
    extensions,

    async onAuthenticate({ documentName, requestHeaders, connectionConfig }): Promise<CollabContext> {
      const db = await getDb();
      const session = await sessionFromHeaders(db, requestHeaders);
      if (!session) throw refuse("unauthenticated");
      // Not a paper id: the same answer as a paper one may not see, so existence does not leak.
      if (!UUID.test(documentName)) throw refuse("forbidden");
      if (diverged.has(documentName)) throw refuse("unavailable");
      const actor = await loadActor(db, session.userId);
      if (!actor) throw refuse("unauthenticated");
      const [paper] = await db
        .select({ dialogueId: papers.dialogueId, status: papers.status })
        .from(papers)
        .where(eq(papers.id, documentName));
      if (!paper || !can(actor, "paper.view", paper)) throw refuse("forbidden");
      const rights = writeRightsFor(actor, paper);
      connectionConfig.readOnly = rights === null;
      return {
        rights,
        userId: actor.id,
        sessionId: session.sessionId,
        paperId: documentName,
        dialogueId: paper.dialogueId,
        status: paper.status,
        actor,
        presence: await presenceFor(db, actor, paper.dialogueId),
      };
    },

    async onLoadDocument({ documentName, document }) {
      // A failed load throws: Hocuspocus then refuses the connection and discards the document
      // before its update handler (and so any store) is attached, so nothing empty is ever stored.
      const updates = await loadPaperState(await getDb(), documentName);
      document.transact(
        () => {
          for (const update of updates) Y.applyUpdate(document, update);
        },
        { source: "local", skipStoreHooks: true },
      );
    },

    // Durability of acknowledged edits. In Hocuspocus 4.7, Connection.processMessages awaits
    // `beforeHandleMessage`, then MessageReceiver.readSyncMessage awaits `beforeSync` and only then
    // applies a SyncStep2 / Update (readSyncStep2 / readUpdate) and sends one SyncStatus ack for
    // it; messages of one connection are processed strictly in order.
    //
    // On a single instance the update is applied (and so broadcast) here, as soon as the guard
    // allows it, and its append to the database starts; Hocuspocus's own apply is then a no-op,
    // and the connection's next message is not held up by the write. Only the acknowledgement
    // waits: the connection's SyncStatus messages are held back, in order, until the update each
    // one answers is committed (`ackGate`). If an applied update cannot be stored (the database
    // fails, or the paper left the status it was allowed under), the document in memory is ahead
    // of the database and is reloaded from it (`diverge`). With Redis, peer instances would
    // receive the update at once and could not be made to forget it: the update is stored
    // before it is applied, the hook awaiting the append.
    //
    // A read-only connection is checked by Hocuspocus right after this hook (readOnly → no apply,
    // SyncStatus false), so returning early for it stores nothing; setting readOnly here makes
    // Hocuspocus refuse the message we declined to store. The guard (guard.ts) judges every
    // update against the connection's rights; a refused update is neither stored nor applied, and
    // the document connection is closed with UPDATE_REFUSED: the client rebuilds from the server's.
    async beforeSync({ connection, document, type, payload }) {
      if (type !== 1 && type !== 2) return; // 0 = SyncStep1 carries only a state vector
      const gate = applyFirst ? ackGate(connection) : null;
      if (connection.readOnly || isEmptyUpdate(payload)) {
        // Nothing to store, but what the client is told it has in common with the server may
        // still be on its way to the disk (another connection's update): wait for it too.
        gate?.push(lastStore.get(document) ?? Promise.resolve(true));
        return;
      }
      const ctx = connection.context;
      const judge = () => {
        const verdict = ctx.rights
          ? judgeUpdate(document, payload, ctx.rights, documentSchema())
          : { ok: false as const, reason: "read-only" };
        if (verdict.ok) return;
        console.warn(`collab: update refused (user ${ctx.userId}, paper ${ctx.paperId}): ${verdict.reason}`);
        // A plain object: Hocuspocus closes the document connection with this reason.
        throw { code: 4409, reason: UPDATE_REFUSED };
      };
      judge();
      if (gate) {
        Y.applyUpdate(document, payload, { source: "connection", connection } satisfies ConnectionTransactionOrigin);
        const stored = storeApplied(connection, document, payload);
        lastStore.set(document, stored);
        gate.push(stored);
        return;
      }
      for (let attempt = 0; attempt < 3; attempt++) {
        let result: AppendResult;
        try {
          result = await updateLog.append(ctx.paperId, payload, ctx.status);
        } catch (error) {
          // Not stored, so not applied nor acknowledged: drop the socket; the provider
          // reconnects and sends the update again in its sync step 2.
          console.error("collab: storing an update failed", error);
          dropShadow(document);
          connection.webSocket.close(1011, "storage unavailable");
          throw error;
        }
        if (result.stored) return;
        dropShadow(document); // not applied: the guard's shadow is ahead of the document
        const access = result.status ? reconsider(connection, result.status) : null;
        if (!access) expel(connection);
        if (!access?.rights) return;
        judge();
      }
      connection.webSocket.close(1011, "retry");
      throw new Error("collab: paper status kept changing while storing an update");
    },

    // Presence is bound to the authenticated user: the identity fields are rewritten from the
    // database, and a client may not write presence for a Yjs client id another connection owns.
    async beforeHandleAwareness({ connection, document, states }) {
      if (!connection) return; // from Redis: already checked by the instance that received it
      const { presence } = connection.context;
      const others = document.getConnections().filter((c) => c !== connection);
      for (const [clientId, state] of states) {
        if (others.some((c) => document.getClients(c).has(clientId))) {
          states.delete(clientId);
          continue;
        }
        const claimed = (state as { user?: { color?: unknown } }).user;
        const color =
          typeof claimed?.color === "string" && COLOR.test(claimed.color) ? claimed.color : colorFor(presence.id);
        state.user = { ...presence, color };
      }
    },

    async onStoreDocument({ documentName }) {
      await compactPaper(await getDb(), documentName);
    },
  });

  const ws = nodeAdapter({
    hooks: {
      // Cross-site WebSocket hijacking: a browser sends the cookie to us from any page that opens
      // a socket here, but always with that page's Origin. Clients without Origin (Node) are fine.
      upgrade(request) {
        const origin = request.headers.get("origin");
        if (!origin) return;
        const allowed = new Set([request.headers.get("host")]);
        if (process.env.AUTH_URL) allowed.add(new URL(process.env.AUTH_URL).host);
        let originHost: string | null = null;
        try {
          originHost = new URL(origin).host;
        } catch {}
        if (!originHost || !allowed.has(originHost)) return new Response("Forbidden", { status: 403 });
      },
      open(peer) {
        const client = hocuspocus.handleConnection(peer.websocket as unknown as WebSocket, peer.request as Request);
        (peer as unknown as { _hocuspocus?: typeof client })._hocuspocus = client;
      },
      message(peer, message) {
        (
          peer as unknown as { _hocuspocus?: ReturnType<typeof hocuspocus.handleConnection> }
        )._hocuspocus?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        (peer as unknown as { _hocuspocus?: ReturnType<typeof hocuspocus.handleConnection> })._hocuspocus?.handleClose({
          code: event.code ?? 1000,
          reason: event.reason ?? "",
        });
      },
      error(_peer, error) {
        console.error("collab: socket error", error);
      },
    },
  });

  function connectionsWhere(filter: (ctx: CollabContext) => boolean): Connection<CollabContext>[] {
    const found: Connection<CollabContext>[] = [];
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.getConnections() as Connection<CollabContext>[]) {
        if (connection.context && filter(connection.context)) found.push(connection);
      }
    }
    return found;
  }

  /** Takes the policy decision again for each connection, on fresh data (session, account, memberships, status). */
  async function revalidate(targets: Connection<CollabContext>[]) {
    if (targets.length === 0) return;
    const db = await getDb();
    const paperIds = [...new Set(targets.map((c) => c.context.paperId))];
    const userIds = [...new Set(targets.map((c) => c.context.userId))];
    const sessionIds = [...new Set(targets.map((c) => c.context.sessionId))];
    const [paperRows, liveSessions, actors] = await Promise.all([
      db
        .select({ id: papers.id, dialogueId: papers.dialogueId, status: papers.status })
        .from(papers)
        .where(inArray(papers.id, paperIds)),
      db
        .select({ id: authSessions.id })
        .from(authSessions)
        .where(and(inArray(authSessions.id, sessionIds), gt(authSessions.expiresAt, new Date()))),
      // One query for every user: the sweep re-checks all connections at once.
      loadActors(db, userIds),
    ]);
    const paperById = new Map(paperRows.map((p) => [p.id, p]));
    const live = new Set(liveSessions.map((s) => s.id));
    const actorById = actors;
    for (const connection of targets) {
      const ctx = connection.context;
      const paper = paperById.get(ctx.paperId);
      const actor = actorById.get(ctx.userId);
      if (!paper || !actor || !live.has(ctx.sessionId) || !can(actor, "paper.view", paper)) {
        expel(connection);
        continue;
      }
      ctx.actor = actor;
      ctx.status = paper.status;
      setRights(connection, writeRightsFor(actor, paper));
    }
  }

  let sweeping = false;
  let sweepCount = 0;
  const sweepMs = options.sweepIntervalMs ?? 5_000;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweepCount += 1;
    const compactEvery = Math.max(1, Math.round(30_000 / sweepMs));
    (async () => {
      for (const paperId of diverged) {
        const document = hocuspocus.documents.get(paperId);
        if (!document) diverged.delete(paperId);
        else if (document.getConnectionsCount() === 0) await hocuspocus.unloadDocument(document);
      }
      await revalidate(connectionsWhere(() => true));
      // Updates nobody compacted (a crash, a store skipped because another instance held the lock).
      if (sweepCount % compactEvery === 0) {
        const db = await getDb();
        for (const paperId of await papersWithStaleUpdates(db, 30_000)) await compactPaper(db, paperId);
      }
    })()
      .catch((error: unknown) => console.error("collab: sweep failed", error))
      .finally(() => {
        sweeping = false;
      });
  }, sweepMs);
  sweep.unref();

  let closing: Promise<void> | undefined;
  const server: CollaborationServer = {
    hocuspocus,
    handleUpgrade(req, socket, head) {
      ws.handleUpgrade(req, socket, head).catch((error: unknown) => {
        console.error("collab: upgrade failed", error);
        socket.destroy();
      });
    },
    revalidatePaper: (paperId) => revalidate(connectionsWhere((ctx) => ctx.paperId === paperId)),
    revalidateUser: (userId) => revalidate(connectionsWhere((ctx) => ctx.userId === userId)),
    revalidateAll: () => revalidate(connectionsWhere(() => true)),
    async broadcast(paperId, payload) {
      hocuspocus.documents.get(paperId)?.broadcastStateless(payload);
    },
    async applyStoredUpdate(paperId, update) {
      const document = hocuspocus.documents.get(paperId);
      if (document) Y.applyUpdate(document, update, { source: "local" });
    },
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        unregisterCollaborationServer(server);
        // Closing the connections stores (compacts) each document as its last connection leaves.
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
        await Promise.race([unloaded, new Promise((r) => setTimeout(r, 5_000).unref())]);
        ws.closeAll(1001, "server shutting down", true);
        await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
      })();
      return closing;
    },
  };
  registerCollaborationServer(server);
  return server;
}
