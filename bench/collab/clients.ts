// A client worker: a share of the benchmark's Node HocuspocusProvider clients, each on its own
// WebSocket (a `ws` subclass that sends the session cookie, as a browser would), driven over IPC by
// bench/collab/run.ts. Typists insert small tokens at word boundaries of random paragraphs, as a
// Tiptap editor does (text into a paragraph's Y.XmlText), or add paragraphs holding a token
// (--edit, see EditMode in shared.ts). Every client records, for each remote
// transaction, when each author's clock advanced: since Yjs integrates one author's items strictly
// in clock order, an edit has arrived when the receiver's state for its author reaches the
// author's clock after the edit.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import {
  type ClientSpec,
  checkTokens,
  digest,
  type EditMode,
  FIELD,
  type FromWorker,
  now,
  type SentEdit,
  type ToWorker,
  tokenFor,
  type WorkerReport,
} from "./shared";

type Client = {
  spec: ClientSpec;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** author client id → flat [clock, time, clock, time, …] of remote advances. */
  arrivals: Map<number, number[]>;
  seq: number;
  nextDue: number;
  /** Send times of edits not yet acknowledged, oldest first. */
  unacked: number[];
  ackLatencies: number[];
  lastUnsynced: number;
};

const send = (message: FromWorker) => process.send?.(message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const clients: Client[] = [];
const edits: SentEdit[] = [];
let recording = false;

function cookieWebSocket(cookie: string | null) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { Cookie: cookie } } : {});
    }
  };
}

function connectOne(url: string, documentName: string, spec: ClientSpec): Promise<Client | string> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: cookieWebSocket(spec.cookie),
    delay: 200,
    minDelay: 200,
    maxDelay: 2000,
  });
  return new Promise((resolve) => {
    let provider: HocuspocusProvider | undefined;
    const client = (): Client => ({
      spec,
      doc,
      provider: provider as HocuspocusProvider,
      socket,
      arrivals: new Map(),
      seq: 0,
      nextDue: 0,
      unacked: [],
      ackLatencies: [],
      lastUnsynced: 0,
    });
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      token: "cookie",
      document: doc,
      onAuthenticationFailed: ({ reason }) => resolve(`refused: ${reason}`),
      onSynced: () => resolve(client()),
    });
    // What a Tiptap editor with CollaborationCaret announces (Accord rewrites the identity).
    provider.awareness?.setLocalStateField("user", { name: `Bench ${spec.index}`, color: "#1d4ed8" });
    provider.attach();
  });
}

function observe(client: Client) {
  client.doc.on("afterTransaction", (tr: Y.Transaction) => {
    if (!recording || tr.local) return;
    const t = now();
    for (const [author, clock] of tr.afterState) {
      if (clock === (tr.beforeState.get(author) ?? 0)) continue;
      let list = client.arrivals.get(author);
      if (!list) {
        list = [];
        client.arrivals.set(author, list);
      }
      list.push(clock, t);
    }
  });
  client.lastUnsynced = client.provider.unsyncedChanges;
  client.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    if (number < client.lastUnsynced) {
      const t = now();
      for (let k = number; k < client.lastUnsynced; k++) {
        const sentAt = client.unacked.shift();
        if (sentAt !== undefined) client.ackLatencies.push(t - sentAt);
      }
    }
    client.lastUnsynced = number;
  });
}

/** The paper's paragraphs, with their index among the fragment's children. */
function paragraphsOf(fragment: Y.XmlFragment): { element: Y.XmlElement; index: number }[] {
  const found: { element: Y.XmlElement; index: number }[] = [];
  fragment.toArray().forEach((node, index) => {
    if (node instanceof Y.XmlElement && node.nodeName === "paragraph") found.push({ element: node, index });
  });
  return found;
}

/** One edit, as Tiptap would write it: a small insert at a word boundary of a random paragraph, or a new paragraph after one. */
function edit(client: Client, mode: EditMode) {
  const fragment = client.doc.getXmlFragment(FIELD);
  const paragraphs = paragraphsOf(fragment);
  const picked = paragraphs[Math.floor(Math.random() * paragraphs.length)];
  if (!picked) return;
  // mixed: a typist's edits alternate, typing first.
  const addParagraph = mode === "paragraphs" || (mode === "mixed" && client.seq % 2 === 1);
  const token = tokenFor(client.spec.index, client.seq);
  if (addParagraph) {
    const sentAt = now();
    client.unacked.push(sentAt);
    client.doc.transact(() => {
      // y-prosemirror builds the block with its text, then inserts it into the fragment.
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.insert(picked.index + 1, [paragraph]);
      text.insert(0, token);
    });
    record(client, token, sentAt);
    return;
  }
  const text = picked.element.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText);
  if (!text) return;
  const s = text.toString();
  // A random word boundary: the start, or just after a space.
  const from = Math.floor(Math.random() * (s.length + 1));
  const space = s.indexOf(" ", from);
  const position = space === -1 ? 0 : space + 1;
  const sentAt = now();
  client.unacked.push(sentAt);
  client.doc.transact(() => text.insert(position, token));
  record(client, token, sentAt);
}

function record(client: Client, token: string, sentAt: number) {
  client.seq += 1;
  edits.push({
    author: client.doc.clientID,
    endClock: Y.getState(client.doc.store, client.doc.clientID),
    sentAt,
    token,
  });
}

async function connect(message: Extract<ToWorker, { cmd: "connect" }>) {
  const started = performance.now();
  const failed: { index: number; reason: string }[] = [];
  for (let i = 0; i < message.clients.length; i += message.batch) {
    const batch = message.clients.slice(i, i + message.batch);
    const results = await Promise.all(
      batch.map((spec) =>
        Promise.race([
          connectOne(message.url, message.documentName, spec),
          sleep(message.timeoutMs).then(() => "timed out"),
        ]),
      ),
    );
    results.forEach((result, k) => {
      const spec = batch[k] as ClientSpec;
      if (typeof result === "string") failed.push({ index: spec.index, reason: result });
      else {
        observe(result);
        clients.push(result);
      }
    });
  }
  send({ ev: "connected", ok: clients.length, failed, ms: performance.now() - started });
}

async function type(message: Extract<ToWorker, { cmd: "type" }>) {
  const typists = clients.filter((c) => c.spec.typist);
  const period = 1000 / message.editsPerSecond;
  const wait = message.startAt - now();
  if (wait > 0) await sleep(wait);
  recording = true;
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = now();
  const end = t0 + message.durationMs;
  for (const t of typists) t.nextDue = t0 + Math.random() * period;
  let lateTicks = 0;
  while (now() < end) {
    const t = now();
    for (const typist of typists) {
      if (typist.nextDue > t || typist.nextDue >= end) continue;
      edit(typist, message.edit);
      typist.nextDue += period;
      // Fell more than two periods behind (client process saturated): skip instead of bursting.
      if (t - typist.nextDue > 2 * period) {
        typist.nextDue = t + period;
        lateTicks += 1;
      }
    }
    await sleep(2);
  }
  const used = process.cpuUsage(cpu);
  loop.disable();
  send({
    ev: "typed",
    edits,
    finalClocks: typists.map((c) => [c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID)]),
    cpuUserMs: used.user / 1000,
    cpuSystemMs: used.system / 1000,
    elapsedMs: now() - t0,
    elu: performance.eventLoopUtilization(elu).utilization,
    loopDelay: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    lateTicks,
  });
}

async function settle(message: Extract<ToWorker, { cmd: "settle" }>) {
  const started = performance.now();
  const behind = () =>
    clients.filter((c) => message.target.some(([author, clock]) => Y.getState(c.doc.store, author) < clock)).length;
  const unacked = () => clients.some((c) => c.provider.unsyncedChanges > 0);
  while (performance.now() - started < message.timeoutMs && (behind() > 0 || unacked())) await sleep(25);
  const left = behind();
  send({ ev: "settled", reached: left === 0, acked: !unacked(), ms: performance.now() - started, behind: left });
}

function report(message: Extract<ToWorker, { cmd: "report" }>) {
  recording = false;
  // Per author, its edits in clock order with their index in message.edits.
  const byAuthor = new Map<number, { endClock: number; sentAt: number; index: number }[]>();
  message.edits.forEach((e, index) => {
    const list = byAuthor.get(e.author) ?? [];
    list.push({ endClock: e.endClock, sentAt: e.sentAt, index });
    byAuthor.set(e.author, list);
  });
  for (const list of byAuthor.values()) list.sort((x, y) => x.endClock - y.endClock);
  const latencies: number[] = [];
  const fanMax = new Float64Array(message.edits.length);
  const fanCount = new Int32Array(message.edits.length);
  for (const client of clients) {
    for (const [author, list] of byAuthor) {
      if (author === client.doc.clientID) continue;
      const arrivals = client.arrivals.get(author) ?? [];
      let j = 0;
      for (let k = 0; k < arrivals.length && j < list.length; k += 2) {
        const clock = arrivals[k] as number;
        const t = arrivals[k + 1] as number;
        for (let e = list[j]; e && e.endClock <= clock; e = list[++j]) {
          const latency = t - e.sentAt;
          latencies.push(latency);
          fanMax[e.index] = Math.max(fanMax[e.index] ?? 0, latency);
          fanCount[e.index] = (fanCount[e.index] ?? 0) + 1;
        }
      }
    }
  }
  const expected = message.edits.map((e) => e.token);
  const result: WorkerReport = {
    latencies: Float64Array.from(latencies),
    fanMax,
    fanCount,
    ackLatencies: Float64Array.from(clients.flatMap((c) => c.ackLatencies)),
    clients: clients.map((c) => {
      const { tokens, ...rest } = digest(c.doc);
      const check = checkTokens(tokens, expected);
      return {
        index: c.spec.index,
        digest: rest,
        missing: check.missing,
        duplicated: check.duplicated,
      };
    }),
  };
  send({ ev: "report", report: result });
}

function closeAll() {
  for (const c of clients) {
    c.provider.destroy();
    c.socket.destroy();
  }
  setTimeout(() => process.exit(0), 200).unref();
}

process.on("message", (message: ToWorker) => {
  const run = async () => {
    switch (message.cmd) {
      case "connect":
        return connect(message);
      case "type":
        return type(message);
      case "settle":
        return settle(message);
      case "report":
        return report(message);
      case "close":
        return closeAll();
    }
  };
  run().catch((error: unknown) =>
    send({ ev: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on("disconnect", () => process.exit(1));
