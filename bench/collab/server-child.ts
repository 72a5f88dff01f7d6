// One collaboration server in its own process, driven over IPC by bench/collab/run.ts, so that its
// CPU and memory are its own. BENCH_SERVER_MODE:
//   bare   — Hocuspocus 4.7 with no auth and no persistence, behind the same crossws adapter as
//            Accord's; each document starts from the bench paper's Yjs state (in memory), with
//            BENCH_PARAGRAPHS paragraphs (default 12).
//   accord — Accord's createCollaborationServer with its default options (as server/main.ts), on
//            the database of COLLAB_DB_URL (PostgreSQL) or COLLAB_PGLITE_DIR (PGlite).
//   accord-nosweep — the same with the periodic policy sweep moved out of the run (diagnostic).
// Instrumentation only observes: two extra beforeSync hooks around the server's own, a wrapper
// timing db.transaction, and (PGlite) timing of statements. Prints nothing; answers on IPC.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { type Extension, Hocuspocus } from "@hocuspocus/server";
import nodeAdapter from "crossws/adapters/node";
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { digest, type FromServer, type ServerStats, summarize, type ToServer } from "./shared";

type Timing = Record<string, { count: number; totalMs: number; maxMs: number }>;

const mode = process.env.BENCH_SERVER_MODE ?? "bare";
const send = (message: FromServer) => process.send?.(message);

// ---- measurements -------------------------------------------------------------------------------
let cpuBase = process.cpuUsage();
let eluBase = performance.eventLoopUtilization();
let timeBase = performance.now();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let peakRss = 0;
let peakHeapUsed = 0;
let beforeSyncMs: number[] = [];
/** The same times, split by what the update did: changed text only, or added a block. */
let beforeSyncTextMs: number[] = [];
let beforeSyncBlockMs: number[] = [];
let transactions: Timing = {};
let queries: Timing = {};
let engine = { syncMs: 0, syncCalls: 0, fsMs: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
}, 250);
sampler.unref();

function addTiming(table: Timing, key: string, ms: number) {
  const entry = table[key] ?? { count: 0, totalMs: 0, maxMs: 0 };
  entry.count += 1;
  entry.totalMs += ms;
  entry.maxMs = Math.max(entry.maxMs, ms);
  table[key] = entry;
}

/** A short, stable label for a SQL statement: verb and main table. */
function sqlKind(sql: string): string {
  const s = sql.replace(/\s+/g, " ").trim();
  const verb = (/^\w+/.exec(s)?.[0] ?? "?").toLowerCase();
  const table =
    verb === "insert"
      ? /insert into "?(\w+)"?/i.exec(s)?.[1]
      : verb === "update"
        ? /update "?(\w+)"?/i.exec(s)?.[1]
        : /from "?(\w+)"?/i.exec(s)?.[1];
  const lock = / for (key share|share|update|no key update)/i.exec(s)?.[1];
  return `${verb} ${table ?? ""}${lock ? ` for ${lock.toLowerCase()}` : ""}`.trim();
}

/** Whether an update creates a shared type (a new block with its text) rather than only changing text. */
function addsBlock(update: Uint8Array): boolean {
  try {
    return Y.decodeUpdate(update).structs.some((s) => s instanceof Y.Item && s.content instanceof Y.ContentType);
  } catch {
    return false;
  }
}

/** beforeSync hooks placed first and last around the server's own: their gap is the server's awaited work. */
function timingExtensions(): { first: Extension; last: Extension } {
  const started = new WeakMap<object, number>();
  return {
    first: {
      priority: 10_000,
      async beforeSync(payload) {
        if (payload.type === 2) started.set(payload, performance.now());
      },
    },
    last: {
      async beforeSync(payload) {
        const t = started.get(payload);
        if (t === undefined) return;
        const ms = performance.now() - t;
        beforeSyncMs.push(ms);
        // Told apart after the clock stopped: decoding is not part of the server's work.
        (addsBlock(payload.payload) ? beforeSyncBlockMs : beforeSyncTextMs).push(ms);
      },
    },
  };
}

function stats(connections: number): ServerStats {
  const cpu = process.cpuUsage(cpuBase);
  const m = process.memoryUsage();
  const ms = (ns: number) => ns / 1e6;
  return {
    pid: process.pid,
    elapsedMs: performance.now() - timeBase,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    elu: performance.eventLoopUtilization(eluBase).utilization,
    loopDelay: {
      p50: ms(loopDelay.percentile(50)),
      p99: ms(loopDelay.percentile(99)),
      max: ms(loopDelay.max),
    },
    rss: m.rss,
    heapUsed: m.heapUsed,
    peakRss: Math.max(peakRss, m.rss),
    peakHeapUsed: Math.max(peakHeapUsed, m.heapUsed),
    connections,
    beforeSync: summarize(beforeSyncMs),
    beforeSyncText: summarize(beforeSyncTextMs),
    beforeSyncBlock: summarize(beforeSyncBlockMs),
    transactions,
    queries,
    engine,
  };
}

function reset() {
  cpuBase = process.cpuUsage();
  eluBase = performance.eventLoopUtilization();
  timeBase = performance.now();
  loopDelay.reset();
  const m = process.memoryUsage();
  peakRss = m.rss;
  peakHeapUsed = m.heapUsed;
  beforeSyncMs = [];
  beforeSyncTextMs = [];
  beforeSyncBlockMs = [];
  transactions = {};
  queries = {};
  engine = { syncMs: 0, syncCalls: 0, fsMs: 0 };
}

// ---- database instrumentation (accord) ------------------------------------------------------------

type QueryFn = (sql: string, ...rest: unknown[]) => Promise<unknown>;
type PgliteLike = {
  /** Absent when PGlite runs on its own thread (db/pglite-thread.ts): nothing then blocks this one. */
  execProtocolRawSync?: (message: Uint8Array) => unknown;
  syncToFs?: () => Promise<void>;
  query: QueryFn;
  exec: (sql: string, ...rest: unknown[]) => Promise<unknown>;
  transaction: (fn: (tx: { query: QueryFn }) => Promise<unknown>) => Promise<unknown>;
};

/**
 * Times every PGlite statement outside transactions (including waits for PGlite's lock), labels
 * each transaction by its first statement, and sums the time PGlite's WebAssembly engine runs
 * synchronously on this thread (execProtocolRawSync: the event loop is blocked meanwhile) and
 * spends flushing its files (syncToFs).
 */
function instrumentPglite(client: PgliteLike) {
  if (client.execProtocolRawSync && client.syncToFs) {
    const raw = client.execProtocolRawSync.bind(client);
    client.execProtocolRawSync = (message) => {
      const t = performance.now();
      try {
        return raw(message);
      } finally {
        engine.syncMs += performance.now() - t;
        engine.syncCalls += 1;
      }
    };
    const syncToFs = client.syncToFs.bind(client);
    client.syncToFs = async () => {
      const t = performance.now();
      try {
        await syncToFs();
      } finally {
        engine.fsMs += performance.now() - t;
      }
    };
  }
  const query = client.query.bind(client);
  client.query = async (sql, ...rest) => {
    const t = performance.now();
    try {
      return await query(sql, ...rest);
    } finally {
      addTiming(queries, sqlKind(sql), performance.now() - t);
    }
  };
  const transaction = client.transaction.bind(client);
  client.transaction = (fn) => {
    const t = performance.now();
    let label = "";
    return transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = (sql, ...rest) => {
        if (!label) label = sqlKind(sql);
        return txQuery(sql, ...rest);
      };
      return fn(tx);
    }).finally(() => addTiming(transactions, `tx: ${label || "?"}`, performance.now() - t));
  };
}

/** On PostgreSQL (no statement hook): time drizzle's db.transaction as a whole. */
function instrumentDrizzleTransactions(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== "transaction" || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          addTiming(transactions, "tx", performance.now() - t);
        }
      };
    },
  });
}

// ---- the servers ------------------------------------------------------------------------------

type Running = {
  hocuspocus: Hocuspocus;
  handleUpgrade: (req: Parameters<Server["emit"]>[1], socket: unknown, head: unknown) => void;
  close(): Promise<void>;
};

async function startBare(): Promise<Running> {
  const { ydocStateFromContent } = await import("@/server/collab/paper-state");
  const { benchDoc } = await import("./shared");
  const seed = ydocStateFromContent(benchDoc(Number(process.env.BENCH_PARAGRAPHS ?? 12)));
  const timing = timingExtensions();
  const hocuspocus = new Hocuspocus({
    name: "bare",
    quiet: true,
    extensions: [timing.first],
    async onLoadDocument({ document }) {
      Y.applyUpdate(document, seed);
    },
  });
  hocuspocus.configuration.extensions.push(timing.last);
  type Client = ReturnType<typeof hocuspocus.handleConnection>;
  const ws = nodeAdapter({
    hooks: {
      open(peer) {
        const client = hocuspocus.handleConnection(peer.websocket as unknown as WebSocket, peer.request as Request);
        (peer as unknown as { _hocuspocus?: Client })._hocuspocus = client;
      },
      message(peer, message) {
        (peer as unknown as { _hocuspocus?: Client })._hocuspocus?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        (peer as unknown as { _hocuspocus?: Client })._hocuspocus?.handleClose({
          code: event.code ?? 1000,
          reason: event.reason ?? "",
        });
      },
    },
  });
  return {
    hocuspocus,
    handleUpgrade(req, socket, head) {
      void ws.handleUpgrade(req as never, socket as never, head as never);
    },
    async close() {
      hocuspocus.closeConnections();
      ws.closeAll(1001, "bench done", true);
    },
  };
}

async function startAccord(): Promise<Running> {
  const { openDatabase } = await import("@/db/client");
  const { createCollaborationServer } = await import("@/server/collab/server");
  const handle = await openDatabase(
    process.env.COLLAB_DB_URL ? { url: process.env.COLLAB_DB_URL } : { dataDir: process.env.COLLAB_PGLITE_DIR ?? "" },
  );
  let db = handle.db;
  if (handle.driver === "pglite") instrumentPglite((db as unknown as { $client: PgliteLike }).$client);
  else db = instrumentDrizzleTransactions(db);
  // Production options (server/main.ts passes none but getDb and redisUrl).
  const collab = createCollaborationServer({
    getDb: async () => db,
    ...(mode === "accord-nosweep" ? { sweepIntervalMs: 3_600_000 } : {}),
  });
  const timing = timingExtensions();
  const extensions = collab.hocuspocus.configuration.extensions;
  extensions.unshift(timing.first);
  extensions.push(timing.last);
  return {
    hocuspocus: collab.hocuspocus as unknown as Hocuspocus,
    handleUpgrade: (req, socket, head) => collab.handleUpgrade(req as never, socket as never, head as never),
    async close() {
      await collab.close();
      await handle.close();
    },
  };
}

const running = mode.startsWith("accord") ? await startAccord() : await startBare();
const http = createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
http.on("upgrade", (req, socket, head) => {
  if (req.url?.startsWith("/collab")) running.handleUpgrade(req, socket, head);
  else socket.destroy();
});
http.listen(0, "127.0.0.1", () => send({ ev: "ready", port: (http.address() as AddressInfo).port }));

const connectionCount = () => {
  let n = 0;
  for (const d of running.hocuspocus.documents.values()) n += d.getConnectionsCount();
  return n;
};

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  const force = setTimeout(() => process.exit(code), 15_000);
  force.unref();
  try {
    await running.close();
  } catch (error) {
    console.error("bench server: close failed", error);
  }
  http.closeAllConnections();
  http.close();
  process.exit(code);
}

process.on("message", (message: ToServer) => {
  try {
    switch (message.cmd) {
      case "reset":
        reset();
        break;
      case "stats":
        send({ ev: "stats", stats: stats(connectionCount()) });
        break;
      case "doc": {
        const doc = running.hocuspocus.documents.get(message.name);
        send({ ev: "doc", digest: doc ? digest(doc) : null });
        break;
      }
      case "shutdown":
        void shutdown(0);
        break;
    }
  } catch (error) {
    send({ ev: "error", message: String(error) });
  }
});
// The orchestrator went away (crash, Ctrl-C): do not outlive it.
process.on("disconnect", () => void shutdown(1));
process.on("SIGTERM", () => void shutdown(0));
