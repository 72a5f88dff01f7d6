// The contract between the editor (HocuspocusProvider in the browser) and the collaboration
// server (server/collab/): close codes and reasons, refusal reasons, stateless messages and the
// awareness field. Both sides import it; neither spells these values again.

/** The path the collaboration socket is served on, on the app's own origin. */
export const COLLAB_PATH = "/collab";

/**
 * Why a connection was refused at authentication; the provider receives it as
 * `authenticationFailed` with this reason. `unavailable` is temporary: the server is reloading
 * the paper from storage, and the editor retries.
 */
export const REFUSAL = {
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  unavailable: "unavailable",
} as const;
export type RefusalReason = (typeof REFUSAL)[keyof typeof REFUSAL];

/** How long the editor waits before coming back after an `unavailable` refusal (ms). */
export const UNAVAILABLE_RETRY_MS = 2_000;

/**
 * The largest WebSocket frame the server reads (compressed or not): a larger one closes the
 * socket with CLOSE.tooLarge before it is parsed. A 30-page paper pasted at once is a few
 * hundred KB.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** Before its first authentication, a socket may send frames of this size at most (a sync step 1 is a few bytes). */
export const PRE_AUTH_MAX_FRAME_BYTES = 16 * 1024;

/** Close codes and reasons the server ends a document connection with (application range 4000–4999). */
export const CLOSE = {
  /** The connection lost its access to the paper while open: its provider reconnects and is refused. */
  lostAccess: { code: 4403, reason: REFUSAL.forbidden },
  /**
   * The guard refused one of the connection's updates, or an applied update will never be
   * stored: the client's copy has diverged from the server's and must start again from a fresh Y.Doc.
   */
  updateRefused: { code: 4409, reason: "update-refused" },
  /** The database could not store an update: the client keeps its copy and sends it again. */
  storageUnavailable: { code: 1011, reason: "storage unavailable" },
  /** The paper's status kept changing while an update was being stored: the client sends it again. */
  retry: { code: 1011, reason: "retry" },
  /** A frame above MAX_FRAME_BYTES (the WebSocket "message too big" code; sent by the socket layer). */
  tooLarge: { code: 1009, reason: "Max payload size exceeded" },
  /** The socket did not authenticate in time (AUTH_DEADLINE_MS on the server). */
  authDeadline: { code: 4408, reason: "authentication timeout" },
  /**
   * The socket sent more bytes or messages than its budget allows (SOCKET_LIMITS on the server):
   * the provider reconnects and sends what it holds in one sync.
   */
  tooFast: { code: 4429, reason: "sending too fast" },
  /** Too many sockets from one address waiting to authenticate, or too many documents on one socket. */
  tooMany: { code: 1008, reason: "too many connections" },
  /** The server is shutting down. */
  shuttingDown: { code: 1001, reason: "server shutting down" },
} as const;

/** Kept as a name of its own: tests and the editor compare close reasons with it. */
export const UPDATE_REFUSED = CLOSE.updateRefused.reason;

/** Stateless message telling one connection its write rights changed (suggest-only or not). */
export type RightsMessage = { type: "rights"; suggestOnly: boolean; commentOnly: boolean };
/** Stateless message to every connection to a paper: its comment threads changed. */
export type CommentsChangedMessage = { type: "comments" };
/**
 * Stateless message from the server (to a connection as it opens, and to every connection to a
 * paper when the lead changes): who leads the session (`leaderId`, null: nobody) and whether the
 * chair handed the lead to them. On receiving it, editors publish their presence again to be
 * re-stamped. Stateless messages come only from the server, so a page may trust it about itself.
 */
export type LeadChangedMessage = { type: "lead" } & SessionLead;
/** Who leads a paper's live session (null: nobody), and whether the chair handed the lead to them. */
export type SessionLead = { leaderId: string | null; handed: boolean };
export type StatelessMessage = RightsMessage | CommentsChangedMessage | LeadChangedMessage;

export function encodeStateless(message: StatelessMessage): string {
  return JSON.stringify(message);
}

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a stateless payload from the server; null for anything that is not one of ours. */
export function decodeStateless(payload: string): StatelessMessage | null {
  let message: unknown;
  try {
    message = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof message !== "object" || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type === "comments") return { type: "comments" };
  if (m.type === "lead") {
    const leaderId = typeof m.leaderId === "string" && USER_ID.test(m.leaderId) ? m.leaderId : null;
    return { type: "lead", leaderId, handed: leaderId !== null && m.handed === true };
  }
  if (m.type === "rights") {
    return { type: "rights", suggestOnly: Boolean(m.suggestOnly), commentOnly: Boolean(m.commentOnly) };
  }
  return null;
}

/**
 * The awareness field that carries who a caret belongs to. The server rewrites it from the
 * database (only the colour is the client's choice), so nobody can appear as someone else.
 */
export const PRESENCE_FIELD = "user";

/** The awareness field y-tiptap's caret plugin writes the selection to (relative positions). */
export const CURSOR_FIELD = "cursor";

/**
 * The awareness field of "Follow the chair": `place` is the top-level block index of the
 * client's selection (0 ≤ place < MAX_PLACE, else dropped by the server); `leading` is stamped by
 * the server on the session leader's state only (a client's own claim is dropped).
 */
export const LEAD_FIELD = "lead";
export type LeadState = { leading?: true; place?: number };
/** Above any real paper's number of top-level blocks. */
export const MAX_PLACE = 100_000;

/** A `place` a client may publish: an integer block index in range, else null. */
export function boundedPlace(value: unknown): number | null {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) < MAX_PLACE
    ? (value as number)
    : null;
}
