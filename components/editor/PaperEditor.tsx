"use client";
// The live, shared text of a paper: one Hocuspocus connection (same origin, session cookie sent
// with the upgrade), its Y.Doc, who is present, and the connection state. Until the first sync
// the server-rendered text (children) stays on screen, so the page is readable without
// JavaScript and an editor is never mounted on an empty Y.Doc (which would write an empty
// paragraph into the shared document).
import { HocuspocusProvider } from "@hocuspocus/provider";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import { listThreadsAction } from "@/app/actions/comments";
import type { CommentLabels } from "@/components/comments/types";
import { isPresenceUser, type PresenceUser } from "@/lib/editor/presence";
import type { MemberView, ThreadView } from "@/server/queries/comments";
import { EditorSurface } from "./EditorSurface";
import { fill } from "@/components/fill";
import type { EditorLabels } from "./labels";

/** Must match server/collab/server.ts (UPDATE_REFUSED); not imported, the server module is Node-only. */
const UPDATE_REFUSED = "update-refused";
/** The server's refusal while it reloads a paper from storage (server/collab/server.ts): retry. */
const UNAVAILABLE = "unavailable";
const UNAVAILABLE_RETRY_MS = 2_000;

export type CommentsSetup = {
  threads: ThreadView[];
  members: MemberView[];
  canComment: boolean;
  canDecide: boolean;
  labels: CommentLabels;
  locale: string;
};

type Props = {
  paperId: string;
  title: string;
  user: PresenceUser;
  /** What the policy allowed when the page was rendered. */
  canEdit: boolean;
  /** Whether the policy lets this user mark paragraphs [bracketed] or ad ref. */
  canMarkAgreement?: boolean;
  /** Whether the policy lets this user suggest changes (`paper.suggest`). */
  canSuggest?: boolean;
  /** Suggesting is all this user may do (delegate in consultation). */
  suggestOnly?: boolean;
  /** The partner the user speaks for in this dialogue (part of their suggestion ids). */
  partnerId?: string | null;
  /** Comment threads and suggestions beside the text; none when absent. */
  comments?: CommentsSetup;
  /** Why the text is read-only for this user, already translated (null when editable). */
  readOnlyReason: string | null;
  labels: EditorLabels;
  /** The stored text, rendered on the server, shown until the live text has loaded. */
  children: ReactNode;
};

export type Session = { doc: Y.Doc; provider: HocuspocusProvider };
type Connection = "connecting" | "connected" | "disconnected";
type Peer = PresenceUser & { self: boolean };

function collectPeers(states: { clientId: number; [key: string]: unknown }[], selfId: string): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const state of states) {
    if (!isPresenceUser(state.user)) continue;
    // The same person in two tabs is one presence.
    if (!byUser.has(state.user.id)) byUser.set(state.user.id, { ...state.user, self: state.user.id === selfId });
  }
  return [...byUser.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

export function PaperEditor({
  paperId,
  title,
  user,
  canEdit,
  canMarkAgreement = false,
  canSuggest = false,
  suggestOnly = false,
  partnerId = null,
  comments,
  readOnlyReason,
  labels,
  children,
}: Props) {
  const [rights, setRights] = useState({ suggestOnly, commentOnly: !canEdit && !canSuggest });
  const [suggestToggle, setSuggestToggle] = useState(false);
  const [threads, setThreads] = useState<ThreadView[]>(comments?.threads ?? []);
  const [active, setActive] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refreshThreads = useCallback(() => {
    listThreadsAction(paperId)
      .then(setThreads)
      .catch(() => {});
  }, [paperId]);
  const refusals = useRef<number[]>([]);
  const refresh = useRef(refreshThreads);
  refresh.current = refreshThreads;
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<Session | null>(null);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [loaded, setLoaded] = useState(false);
  const [synced, setSynced] = useState(false);
  const [unsynced, setUnsynced] = useState(0);
  const [serverReadOnly, setServerReadOnly] = useState(false);
  const [refused, setRefused] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const { id: userId, name: userName, partner: userPartner, color: userColor } = user;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation starts a fresh session on purpose.
  useEffect(() => {
    const doc = new Y.Doc();
    const self: PresenceUser = { id: userId, name: userName, partner: userPartner, color: userColor };
    let wasWritable = false;
    let destroyed = false;
    const provider = new HocuspocusProvider({
      url: `${window.location.origin.replace(/^http/, "ws")}/collab`,
      name: paperId,
      // The session cookie travels with the upgrade request; nothing secret goes in the URL.
      token: "cookie",
      document: doc,
    });
    const teardown = () => {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      doc.destroy();
    };
    provider.on("status", ({ status }: { status: Connection }) => {
      setConnection(status);
    });
    provider.on("synced", ({ state }: { state: boolean }) => {
      setSynced(state);
      if (state) setLoaded(true);
    });
    // Whatever the reason a connection ends, the provider reconnects; a refusal then arrives as
    // authenticationFailed.
    provider.on("close", ({ event }: { event?: { reason?: string } }) => {
      setSynced(false);
      if (event?.reason === UPDATE_REFUSED) {
        // The server refused one of this page's changes: this copy has diverged from the
        // server's. Start again from the server's copy — but not in a loop: after a few
        // refusals in a row, stop and ask for a reload.
        const now = Date.now();
        refusals.current = [...refusals.current.filter((at) => now - at < 60_000), now];
        setNotice("refused");
        teardown();
        if (refusals.current.length >= 3) setRefused(true);
        else setGeneration((g) => g + 1);
      }
    });
    provider.on("stateless", ({ payload }: { payload: string }) => {
      let message: { type?: string; suggestOnly?: boolean; commentOnly?: boolean };
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if (message.type === "comments") refresh.current();
      if (message.type === "rights") {
        setRights({ suggestOnly: Boolean(message.suggestOnly), commentOnly: Boolean(message.commentOnly) });
      }
    });
    provider.on("unsyncedChanges", ({ number }: { number: number }) => setUnsynced(number));
    provider.on("authenticated", ({ scope }: { scope: string }) => {
      if (scope !== "readonly") {
        wasWritable = true;
        setServerReadOnly(false);
        return;
      }
      setServerReadOnly(true);
      if (wasWritable) {
        // Rights were withdrawn while this page could write: local edits the server never took
        // would be refused on every sync. Start again from the server's copy, before this
        // connection sends anything more.
        teardown();
        setGeneration((g) => g + 1);
      }
    });
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
      const socket = provider.configuration.websocketProvider;
      socket.disconnect();
      if (reason === UNAVAILABLE) {
        // The server is reloading the paper from storage: come back with this copy, whose
        // unacknowledged edits the server then asks for.
        setTimeout(() => {
          if (!destroyed) socket.connect();
        }, UNAVAILABLE_RETRY_MS);
        return;
      }
      // Retrying would be refused again; the user reloads once the cause is fixed.
      setRefused(true);
    });
    provider.on("awarenessChange", ({ states }: { states: { clientId: number; [key: string]: unknown }[] }) =>
      setPeers(collectPeers(states, userId)),
    );
    // After the listener: our own entry is part of the list from the start.
    provider.setAwarenessField("user", self);
    setSession({ doc, provider });
    return () => {
      teardown();
      setSession(null);
      setLoaded(false);
      setSynced(false);
      setUnsynced(0);
      setPeers([]);
    };
  }, [paperId, userId, userName, userPartner, userColor, generation]);

  const writable = (canEdit || canSuggest) && !rights.commentOnly;
  const editable = writable && !serverReadOnly && !refused;
  const suggestMode = editable && (rights.suggestOnly || suggestToggle);
  const openThreads = useMemo(
    () => new Set(threads.filter((t) => t.resolvedAt === null).map((t) => t.anchorId)),
    [threads],
  );
  const activeAnchor = threads.find((t) => t.id === active)?.anchorId ?? null;
  const onSuggestBlocked = useCallback(() => setNotice("blocked"), []);
  const commentLabels = comments?.labels;
  const countLabel = useCallback(
    (t: number, s: number) => (commentLabels ? fill(commentLabels.paragraphCount, { threads: t, suggestions: s }) : ""),
    [commentLabels],
  );

  // Leaving with edits the server has not acknowledged asks first.
  const pending = useRef(false);
  pending.current = editable && unsynced > 0;
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!pending.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const reload = useCallback(() => window.location.reload(), []);

  let status: string;
  let statusKind: "offline" | "syncing" | "saved" | "connecting";
  if (connection !== "connected" || refused) {
    status = loaded ? labels.status.offline : labels.status.connecting;
    statusKind = loaded ? "offline" : "connecting";
  } else if (!synced) {
    status = loaded ? labels.status.syncing : labels.status.connecting;
    statusKind = loaded ? "syncing" : "connecting";
  } else if (!editable) {
    status = labels.status.readOnly;
    statusKind = "saved";
  } else if (unsynced > 0) {
    status = labels.status.syncing;
    statusKind = "syncing";
  } else {
    status = labels.status.saved;
    statusKind = "saved";
  }

  const reason = refused
    ? null
    : serverReadOnly && writable
      ? labels.readOnly.server
      : writable
        ? null
        : readOnlyReason;

  return (
    <div className="paper-editor flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className={`connection-status connection-${statusKind}`} data-state={statusKind}>
          <span className="connection-dot" aria-hidden="true" />
          {status}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <span className="muted" id="presence-label">
            {labels.presence}:
          </span>
          <ul className="presence-list" aria-labelledby="presence-label">
            {peers.map((peer) => (
              <li key={peer.id} className="presence-entry" data-user-id={peer.id}>
                <span className="presence-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
                {fill(labels.presenceEntry, { name: peer.name, partner: peer.partner })}
                {peer.self && <span className="muted"> ({labels.you})</span>}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {reason && (
        <p className="read-only-reason" data-testid="read-only-reason">
          <strong>{labels.readOnly.title}:</strong> {reason}
        </p>
      )}
      {refused && (
        <div role="alert" className="editor-alert">
          <p>{labels.refused}</p>
          <button type="button" className="btn btn-secondary mt-2" onClick={reload}>
            {labels.reload}
          </button>
        </div>
      )}
      {commentLabels && editable && (canSuggest || rights.suggestOnly) && (
        <div className="suggest-bar flex flex-wrap items-center gap-3">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-pressed={suggestMode}
            disabled={rights.suggestOnly}
            onClick={() => setSuggestToggle((on) => !on)}
          >
            {commentLabels.suggestions.mode}
          </button>
          <span className="text-sm" data-testid="suggest-status">
            {rights.suggestOnly
              ? commentLabels.suggestions.suggestOnly
              : suggestMode
                ? commentLabels.suggestions.modeOn
                : ""}
          </span>
        </div>
      )}
      {notice && commentLabels && (
        <p role="status" className="editor-notice text-sm" data-testid="editor-notice">
          {notice === "refused" ? commentLabels.suggestions.refused : commentLabels.suggestions.blocked}
        </p>
      )}
      {session && loaded ? (
        <EditorSurface
          key={generation}
          session={session}
          user={user}
          editable={editable}
          canMarkAgreement={canMarkAgreement}
          labels={labels}
          title={title}
          suggestMode={suggestMode}
          partnerId={partnerId}
          onSuggestBlocked={onSuggestBlocked}
          openThreads={openThreads}
          activeAnchor={activeAnchor}
          countLabel={countLabel}
          panel={
            comments && commentLabels
              ? {
                  paperId,
                  userId,
                  threads,
                  members: comments.members,
                  labels: commentLabels,
                  locale: comments.locale,
                  canComment: comments.canComment,
                  canDecide: comments.canDecide,
                  canAnchor: !refused && !serverReadOnly && connection === "connected",
                  active,
                  onActivate: setActive,
                  onChanged: refreshThreads,
                }
              : null
          }
        />
      ) : (
        <div aria-busy="true">
          <p className="muted mb-3">{labels.loading}</p>
          {children}
        </div>
      )}
    </div>
  );
}
