"use client";
// The life of one Hocuspocus connection to a paper (same origin, session cookie sent with the
// upgrade): its Y.Doc, who is present, the connection state, and what the server says through
// the wire contract (lib/collab/wire.ts). A refused or oversized update, or withdrawn write
// rights, start a new generation: a fresh Y.Doc from the server's copy.
import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import {
  CLOSE,
  COLLAB_PATH,
  decodeStateless,
  PRESENCE_FIELD,
  REFUSAL,
  UNAVAILABLE_RETRY_MS,
  UPDATE_REFUSED,
} from "@/lib/collab/wire";
import { isPresenceUser, type PresenceUser } from "@/lib/editor/presence";
import { UnsavedTyping } from "@/lib/editor/unsaved-typing";
import type { Connection, Peer, Rights, Session } from "./session";

/** Refused updates within this window count towards giving up (ms). */
const REFUSAL_WINDOW_MS = 60_000;
/** After this many refusals in the window, the editor stops and asks for a reload. */
const MAX_REFUSALS = 3;

type AwarenessStates = { clientId: number; [key: string]: unknown }[];

function collectPeers(states: AwarenessStates, selfId: string): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const state of states) {
    const user = state[PRESENCE_FIELD];
    if (!isPresenceUser(user)) continue;
    // The same person in two tabs is one presence.
    if (!byUser.has(user.id)) byUser.set(user.id, { ...user, self: user.id === selfId });
  }
  return [...byUser.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/**
 * Why the server ended a connection, when the person should know: `refused` (an update the
 * guard refused), `tooLarge` (a change above the frame limit: it can never be sent), `tooFast`
 * (the socket spent its budget; the provider reconnects and sends everything at once).
 */
export type ServerNotice = "refused" | "tooLarge" | "tooFast";

/**
 * What the person typed that the server did not take, kept for copying, and why: `refused` (the
 * server refused a change), `suggestOnly` (the same, on a page that may only suggest), `tooLarge`
 * (above the size limit), `readOnly` (the text was frozen or the rights changed first),
 * `blocked` (suggest mode could not record it).
 */
export type KeptTyping = { cause: "refused" | "suggestOnly" | "tooLarge" | "readOnly" | "blocked"; text: string };

export type CollabSession = {
  session: Session | null;
  /** Counts fresh starts; the editor is keyed on it. */
  generation: number;
  connection: Connection;
  /** The first sync has happened (this generation). */
  loaded: boolean;
  synced: boolean;
  /** Local changes the server has not acknowledged yet. */
  unsynced: number;
  /** The server opened the text read-only for this connection. */
  serverReadOnly: boolean;
  /** The server refused this page for good (until a reload). */
  refused: boolean;
  peers: Peer[];
  rights: Rights;
  /** Typing the server did not take, until the person dismisses it. */
  kept: KeptTyping | null;
  setKept: (kept: KeptTyping | null) => void;
};

export function useCollabSession({
  paperId,
  user,
  initialRights,
  onCommentsChanged,
  onServerNotice,
}: {
  paperId: string;
  user: PresenceUser;
  initialRights: Rights;
  /** Another connection changed the paper's comment threads. */
  onCommentsChanged: () => void;
  /** The server refused one of this page's changes, or ended the connection for its pace. */
  onServerNotice: (notice: ServerNotice) => void;
}): CollabSession {
  const [rights, setRights] = useState(initialRights);
  const rightsNow = useRef(rights);
  rightsNow.current = rights;
  const [kept, setKept] = useState<KeptTyping | null>(null);
  const refusals = useRef<number[]>([]);
  const commentsChanged = useRef(onCommentsChanged);
  commentsChanged.current = onCommentsChanged;
  const serverNotice = useRef(onServerNotice);
  serverNotice.current = onServerNotice;
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<Session | null>(null);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [loaded, setLoaded] = useState(false);
  const [synced, setSynced] = useState(false);
  const [unsynced, setUnsynced] = useState(0);
  const [serverReadOnly, setServerReadOnly] = useState(false);
  const [refused, setRefused] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const { id: userId, name: userName, partner: userPartner, iso3: userIso3, color: userColor } = user;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation starts a fresh session on purpose.
  useEffect(() => {
    const doc = new Y.Doc();
    const self: PresenceUser = { id: userId, name: userName, partner: userPartner, iso3: userIso3, color: userColor };
    // The editor's Collaboration extension writes the text into the fragment "default".
    const typing = new UnsavedTyping(doc.getXmlFragment("default"));
    /** Before this copy is dropped: what the server never took is kept for the person. */
    const keepTyping = (cause: KeptTyping["cause"]) => {
      const text = typing.text();
      if (text) setKept({ cause, text });
    };
    let wasWritable = false;
    let destroyed = false;
    const provider = new HocuspocusProvider({
      url: `${window.location.origin.replace(/^http/, "ws")}${COLLAB_PATH}`,
      name: paperId,
      // The session cookie travels with the upgrade request; nothing secret goes in the URL.
      token: "cookie",
      document: doc,
    });
    const teardown = () => {
      if (destroyed) return;
      destroyed = true;
      typing.destroy();
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
    provider.on("close", ({ event }: { event?: { code?: number; reason?: string } }) => {
      setSynced(false);
      if (event?.code === CLOSE.tooFast.code) serverNotice.current("tooFast");
      // A change above the frame limit (the socket's 1009) or with too many items (the guard
      // closes the document with the same reason) would be sent again on every reconnection.
      const tooLarge = event?.code === CLOSE.tooLarge.code || event?.reason === CLOSE.tooLarge.reason;
      if (event?.reason === UPDATE_REFUSED || tooLarge) {
        // The server refused one of this page's changes: this copy has diverged from the
        // server's. Start again from the server's copy — but not in a loop: after a few
        // refusals in a row, stop and ask for a reload.
        const now = Date.now();
        refusals.current = [...refusals.current.filter((at) => now - at < REFUSAL_WINDOW_MS), now];
        serverNotice.current(tooLarge ? "tooLarge" : "refused");
        keepTyping(tooLarge ? "tooLarge" : rightsNow.current.suggestOnly ? "suggestOnly" : "refused");
        teardown();
        if (refusals.current.length >= MAX_REFUSALS) setRefused(true);
        else setGeneration((g) => g + 1);
      }
    });
    provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = decodeStateless(payload);
      if (message?.type === "comments") commentsChanged.current();
      if (message?.type === "rights") {
        setRights({ suggestOnly: message.suggestOnly, commentOnly: message.commentOnly });
      }
    });
    provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      setUnsynced(number);
      if (number === 0) typing.confirmed();
    });
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
        keepTyping("readOnly");
        teardown();
        setGeneration((g) => g + 1);
      }
    });
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
      const socket = provider.configuration.websocketProvider;
      socket.disconnect();
      if (reason === REFUSAL.unavailable) {
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
    provider.on("awarenessChange", ({ states }: { states: AwarenessStates }) => setPeers(collectPeers(states, userId)));
    // After the listener: our own entry is part of the list from the start.
    provider.setAwarenessField(PRESENCE_FIELD, self);
    setSession({ doc, provider });
    return () => {
      teardown();
      setSession(null);
      setLoaded(false);
      setSynced(false);
      setUnsynced(0);
      setPeers([]);
    };
  }, [paperId, userId, userName, userPartner, userIso3, userColor, generation]);

  return {
    session,
    generation,
    connection,
    loaded,
    synced,
    unsynced,
    serverReadOnly,
    refused,
    peers,
    rights,
    kept,
    setKept,
  };
}
