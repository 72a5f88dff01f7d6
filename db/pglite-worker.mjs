// The embedded PGlite database on its own thread (see db/pglite-thread.ts). PGlite runs
// Postgres synchronously inside WebAssembly: on the server's own thread every statement would
// stall every socket and request for its whole duration. Plain JavaScript, so Node loads it as is.
import { existsSync } from "node:fs";
import path from "node:path";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";
import { byteaCodecs } from "./pglite-codecs.mjs";

// The first open of a new folder runs initdb, which leaves ~600 MB of WebAssembly memory behind
// that this thread would hold for the life of the server: a thread of its own initialises the
// folder and ends, which gives that memory back; this one then opens the folder as on any later
// start. Requests that arrive meanwhile wait in the port until the listener below is attached.
if (workerData.initialiseOnly) {
  const fresh = new PGlite(workerData.dataDir);
  await fresh.waitReady;
  await fresh.close();
  process.exit(0);
}
if (!existsSync(path.join(workerData.dataDir, "PG_VERSION"))) {
  await new Promise((resolve, reject) => {
    const initialiser = new Worker(new URL(import.meta.url), { workerData: { ...workerData, initialiseOnly: true } });
    initialiser.once("error", reject);
    initialiser.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`initialising the embedded database failed (exit code ${code})`)),
    );
  });
}

const db = new PGlite(workerData.dataDir, byteaCodecs);

// drizzle keeps dates, times and intervals as the text Postgres sends (its own parsers are
// functions, which cannot cross threads: the client asks for these by name).
const keepText = Object.fromEntries(
  [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [
    oid,
    (value) => value,
  ]),
);

/** Open transactions: PGlite's transaction object, and how to end it. */
const transactions = new Map();
let nextTransaction = 1;
const ROLLBACK = Symbol("rollback");

const ERROR_FIELDS = [
  "code",
  "detail",
  "hint",
  "constraint",
  "table",
  "column",
  "schema",
  "severity",
  "where",
  "position",
];
function errorOf(error) {
  const shape = { message: String(error?.message ?? error), name: error?.name ?? "Error" };
  for (const field of ERROR_FIELDS) if (error?.[field] !== undefined) shape[field] = error[field];
  return shape;
}

function answer(id, work) {
  Promise.resolve()
    .then(work)
    .then(
      (result) => parentPort.postMessage({ id, ok: true, result }),
      (error) => parentPort.postMessage({ id, ok: false, error: errorOf(error) }),
    );
}

function targetOf(message) {
  if (!message.tx) return db;
  const open = transactions.get(message.tx);
  if (!open) throw new Error("the transaction has already ended");
  return open.tx;
}

parentPort.on("message", (message) => {
  switch (message.op) {
    case "ready":
      return answer(message.id, async () => {
        await db.waitReady;
        return null;
      });
    case "query":
      return answer(message.id, () =>
        targetOf(message).query(message.sql, message.params, {
          ...(message.rowMode ? { rowMode: message.rowMode } : {}),
          ...(message.keepDatesAsText ? { parsers: keepText } : {}),
        }),
      );
    case "exec":
      return answer(message.id, () => targetOf(message).exec(message.sql));
    case "begin": {
      const tx = nextTransaction++;
      let began = false;
      let finish;
      const finished = new Promise((resolve, reject) => {
        finish = { resolve, reject };
      });
      const done = db.transaction(async (pgliteTx) => {
        began = true;
        transactions.set(tx, { tx: pgliteTx, finish, done });
        parentPort.postMessage({ id: message.id, ok: true, result: tx });
        await finished;
      });
      done.catch((error) => {
        if (!began) parentPort.postMessage({ id: message.id, ok: false, error: errorOf(error) });
      });
      return;
    }
    case "end": {
      const open = transactions.get(message.tx);
      if (!open) return answer(message.id, () => Promise.reject(new Error("the transaction has already ended")));
      if (message.commit) open.finish.resolve();
      else open.finish.reject(ROLLBACK);
      return answer(message.id, () =>
        open.done
          .then(
            () => null,
            (error) => {
              if (error !== ROLLBACK) throw error;
              return null;
            },
          )
          .finally(() => transactions.delete(message.tx)),
      );
    }
    case "close":
      return answer(message.id, () => db.close());
    default:
      return answer(message.id, () => Promise.reject(new Error(`unknown operation ${message.op}`)));
  }
});
