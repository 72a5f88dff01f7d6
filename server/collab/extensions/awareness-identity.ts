// Presence is bound to the authenticated user and costs little: the identity fields of the
// awareness state are rewritten from the database (only the colour is the client's choice), a
// client may not write presence for a Yjs client id another connection owns, only the fields the
// editor uses survive (each checked for shape, so a state's size is bounded), and a connection's
// awareness updates beyond a rate are dropped rather than relayed to everyone.
// "Follow the chair": the server alone stamps `leading` on the session leader's state (read from
// the database when a connection opens and when told the lead changed) and tells each connection
// who leads (a stateless message, as it opens and on every change: a client never sees its own
// stamp); a client's `place` passes only as a bounded block index.
import type {
  afterUnloadDocumentPayload,
  beforeHandleAwarenessPayload,
  connectedPayload,
  Document,
  Extension,
} from "@hocuspocus/server";
import {
  boundedPlace,
  CURSOR_FIELD,
  encodeStateless,
  LEAD_FIELD,
  type LeadState,
  PRESENCE_FIELD,
  type SessionLead,
} from "@/lib/collab/wire";
import { userColor } from "@/lib/editor/presence";
import { sessionLead } from "../../domain/live-session";
import { createRateLimiter } from "../../rate-limit";
import type { CollabContext, GetDb } from "../context";

const COLOR = /^#[0-9a-f]{6}$/i;
/** Awareness updates one connection may send: a burst of 40, then 20 a second (typing moves the caret). */
export const AWARENESS_RATE = { limit: 40, windowMs: 2_000 };

type Id = { client: number; clock: number };
const isId = (value: unknown): value is Id =>
  typeof value === "object" &&
  value !== null &&
  Number.isSafeInteger((value as Id).client) &&
  Number.isSafeInteger((value as Id).clock);

/** A Yjs relative position as JSON (Y.relativePositionToJSON), with nothing else in it. */
function relativePosition(value: unknown): object | null {
  if (typeof value !== "object" || value === null) return null;
  const { type, tname, item, assoc } = value as Record<string, unknown>;
  if (type !== undefined && type !== null && !isId(type)) return null;
  if (item !== undefined && item !== null && !isId(item)) return null;
  if (tname !== undefined && tname !== null && (typeof tname !== "string" || tname.length > 64)) return null;
  if (assoc !== undefined && !Number.isSafeInteger(assoc)) return null;
  const id = (x: Id | null | undefined) => (x ? { client: x.client, clock: x.clock } : x);
  return { type: id(type as Id | null | undefined), tname, item: id(item as Id | null | undefined), assoc };
}

function cursor(value: unknown): object | null {
  if (typeof value !== "object" || value === null) return null;
  const anchor = relativePosition((value as { anchor?: unknown }).anchor);
  const head = relativePosition((value as { head?: unknown }).head);
  return anchor && head ? { anchor, head } : null;
}

export class AwarenessIdentity implements Extension {
  extensionName = "AwarenessIdentity";
  private readonly rate = createRateLimiter(AWARENESS_RATE);
  /** Paper id → who leads its session, while the paper is loaded. */
  private readonly leaders = new Map<string, Promise<SessionLead>>();

  constructor(private readonly getDb: GetDb) {}

  /** Reads who leads; null when the read failed (nobody is stamped meanwhile, nobody is told; the next read retries). */
  private readLeader(paperId: string): Promise<SessionLead | null> {
    const lead = this.getDb().then((db) => sessionLead(db, paperId));
    this.leaders.set(paperId, lead);
    lead.catch(() => this.leaders.delete(paperId));
    return lead.catch(() => null);
  }

  private async leaderOf(paperId: string): Promise<string | null> {
    const lead = await (this.leaders.get(paperId) ?? this.readLeader(paperId)).catch(() => null);
    return lead?.leaderId ?? null;
  }

  async connected({ context, connection }: connectedPayload<CollabContext>) {
    const lead = await this.readLeader(context.paperId);
    if (lead) connection.sendStateless(encodeStateless({ type: "lead", ...lead }));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
    this.leaders.delete(documentName);
  }

  /** The paper's lead may have changed (after the commit): re-read it and tell its editors, who publish their presence again to be re-stamped. */
  async reloadLeader(paperId: string, document: Document | undefined) {
    if (!document && !this.leaders.has(paperId)) return;
    const lead = await this.readLeader(paperId);
    if (lead) document?.broadcastStateless(encodeStateless({ type: "lead", ...lead }));
  }

  async beforeHandleAwareness({ connection, document, states }: beforeHandleAwarenessPayload<CollabContext>) {
    if (!connection) return; // from Redis: already checked by the instance that received it
    const { presence } = connection.context;
    if (!this.rate.take(connection.socketId).allowed) {
      states.clear();
      return;
    }
    const leading = (await this.leaderOf(connection.context.paperId)) === presence.id;
    const others = document.getConnections().filter((c) => c !== connection);
    for (const [clientId, state] of states) {
      if (others.some((c) => document.getClients(c).has(clientId))) {
        states.delete(clientId);
        continue;
      }
      const claimed = (state as { [PRESENCE_FIELD]?: { color?: unknown } })[PRESENCE_FIELD];
      const color =
        typeof claimed?.color === "string" && COLOR.test(claimed.color) ? claimed.color : userColor(presence.id);
      const caret = cursor(state[CURSOR_FIELD]);
      const claimedLead = state[LEAD_FIELD];
      const place = boundedPlace(
        typeof claimedLead === "object" && claimedLead ? (claimedLead as LeadState).place : null,
      );
      for (const field of Object.keys(state)) delete state[field];
      state[PRESENCE_FIELD] = { ...presence, color };
      if (caret) state[CURSOR_FIELD] = caret;
      const lead: LeadState = { ...(leading ? { leading: true as const } : {}), ...(place !== null ? { place } : {}) };
      if (Object.keys(lead).length > 0) state[LEAD_FIELD] = lead;
    }
  }
}
