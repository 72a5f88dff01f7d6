// Real Node Hocuspocus clients against a real collaboration server on a random port.
import type { Server } from "node:http";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { UPDATE_REFUSED } from "@/lib/collab/wire";
import { signInWithPassword } from "@/server/auth/sign-in";
import { type CollaborationServer, createCollaborationServer } from "@/server/collab/server";
import { TEST_PASSWORD } from "../helpers/factories";
import { collabUrl, serveCollaboration } from "./serve";

const TEST_AUTH_SECRET = "collab-test-secret-0123456789abcdef0123456789";
process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
const SESSION_COOKIE = "authjs.session-token";

export type RunningCollab = {
  url: string;
  port: number;
  collab: CollaborationServer;
  http: Server;
  /** Closes the server; calling it again waits for the same close. */
  stop(): Promise<void>;
};

/** An HTTP server on a random port whose upgrades go to a fresh collaboration server. */
export async function startCollab(
  getDb: () => Promise<Db>,
  options: Omit<Parameters<typeof createCollaborationServer>[0], "getDb"> = {},
): Promise<RunningCollab> {
  const collab = createCollaborationServer({ getDb, ...options });
  const { http, port } = await serveCollaboration(collab);
  let stopping: Promise<void> | undefined;
  return {
    url: collabUrl(port),
    port,
    collab,
    http,
    stop() {
      stopping ??= (async () => {
        await collab.close();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return stopping;
    },
  };
}

/** Signs in as the app does and mints the Auth.js cookie the browser would send. */
export async function sessionCookie(
  db: Db,
  email: string,
  secret = process.env.AUTH_SECRET ?? TEST_AUTH_SECRET,
  password = TEST_PASSWORD,
) {
  const result = await signInWithPassword(db, { email, password });
  if (!result.ok) throw new Error(`sign-in failed for ${email}: ${result.reason}`);
  const jwt = await encode({ token: { sub: result.userId, sid: result.sessionId }, secret, salt: SESSION_COOKIE });
  return { cookie: `${SESSION_COOKIE}=${jwt}`, ...result };
}

/** A `ws` WebSocket that sends the session cookie on the upgrade, as a browser would. */
function cookieWebSocket(cookie: string | null) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { Cookie: cookie } } : {});
      // A test that ends while the provider is reconnecting closes a socket still connecting:
      // ws reports that as an error event, which is expected here.
      this.on("error", () => {});
    }
  };
}

export type TestClient = {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  text(): string;
  /** Resolves once the provider authenticated (with its scope) or was refused (with the reason). */
  outcome: Promise<{ ok: true; scope: string } | { ok: false; reason: string }>;
  /** Whether the server closed the connection because it refused one of the client's updates. */
  refused(): boolean;
  synced(): Promise<void>;
  /** Every local change acknowledged by the server. */
  acked(timeoutMs?: number): Promise<void>;
  /** Every local change acknowledged, or one of them refused. */
  settled(timeoutMs?: number): Promise<void>;
  destroy(): void;
};

export function connectClient(url: string, paperId: string, cookie: string | null, doc = new Y.Doc()): TestClient {
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: cookieWebSocket(cookie),
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  });
  let settle: (value: { ok: true; scope: string } | { ok: false; reason: string }) => void = () => {};
  let destroyed = false;
  const outcome = new Promise<{ ok: true; scope: string } | { ok: false; reason: string }>((resolve) => {
    settle = resolve;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: paperId,
    token: "cookie",
    document: doc,
    onAuthenticated: ({ scope }) => settle({ ok: true, scope }),
    onAuthenticationFailed: ({ reason }) => {
      if (reason === "unavailable") {
        // As the editor does (components/editor/useCollabSession.ts): the server is reloading the
        // paper; come back with this copy a moment later.
        socket.disconnect();
        setTimeout(() => {
          if (!destroyed) void socket.connect();
        }, 100);
        return;
      }
      settle({ ok: false, reason });
    },
  });
  let refused = false;
  provider.on("close", ({ event }: { event?: { reason?: string } }) => {
    if (event?.reason === UPDATE_REFUSED) refused = true;
  });
  provider.attach();
  return {
    provider,
    socket,
    doc,
    text: () => fragmentText(doc),
    outcome,
    refused: () => refused,
    synced: () =>
      provider.isSynced ? Promise.resolve() : new Promise<void>((resolve) => provider.on("synced", () => resolve())),
    acked: (timeoutMs = 10_000) => waitFor(() => provider.unsyncedChanges === 0, timeoutMs, "acknowledgement"),
    settled: (timeoutMs = 10_000) =>
      waitFor(() => refused || provider.unsyncedChanges === 0, timeoutMs, "acknowledgement or refusal"),
    destroy() {
      destroyed = true;
      provider.destroy();
      socket.destroy();
    },
  };
}

/** The XmlText of the n-th top-level block (of sampleDoc: 0 the heading, 1 and 2 its paragraphs). */
export function textOf(doc: Y.Doc, block: number): Y.XmlText {
  const element = doc.getXmlFragment("default").get(block) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

/** The text of the shared fragment, one line per block. */
export function fragmentText(doc: Y.Doc): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) return;
    const texts = node.toArray();
    if (texts.some((n) => n instanceof Y.XmlText)) {
      lines.push(texts.map((n) => (n instanceof Y.XmlText ? n.toString().replace(/<[^>]+>/g, "") : "")).join(""));
      return;
    }
    for (const child of texts) walk(child as Y.XmlElement);
  };
  walk(doc.getXmlFragment("default"));
  return lines.join("\n");
}

/** Appends a paragraph with `text` to the shared fragment, as an editor would. */
export function appendParagraph(doc: Y.Doc, text: string) {
  doc.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = doc.getXmlFragment("default");
    fragment.insert(fragment.length, [paragraph]);
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition") {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
