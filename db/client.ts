// One database handle per process, shared by the custom server, Next's bundled server code,
// scripts and tests. PGlite must never be opened twice on one folder, so the handle is a
// process singleton (Next's bundle has its own copy of this module).
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { processSingleton } from "@/lib/process-singleton";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  driver: "postgres" | "pglite";
  /** Human-readable location, for logs (never includes a password). */
  describe: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

/** PGlite in this thread, or on a worker thread behind the same interface (db/pglite-thread.ts). */
type PGliteClient = import("@electric-sql/pglite").PGlite | import("./pglite-thread").PGliteThread;

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ("url" in target) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzle(client, { schema }) as unknown as Db;
    const u = new URL(target.url);
    return {
      db,
      driver: "postgres",
      describe: `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`,
      async migrate() {
        const { migrate } = await import("drizzle-orm/postgres-js/migrator");
        await migrate(drizzle(client, { schema }), { migrationsFolder });
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { drizzle } = await import("drizzle-orm/pglite");
  let dataDir: string | undefined;
  let client: PGliteClient;
  if ("dataDir" in target) {
    dataDir = path.resolve(target.dataDir);
    // PGlite creates only the last folder of its path.
    mkdirSync(path.dirname(dataDir), { recursive: true });
    // The database of a running app: on its own thread, off the event loop.
    const { PGliteThread } = await import("./pglite-thread");
    client = new PGliteThread(dataDir);
  } else {
    // In memory (tests): in process, one copy cloned per test file is cheap.
    const { PGlite } = await import("@electric-sql/pglite");
    const { byteaCodecs } = await import("./pglite-codecs.mjs");
    client = new PGlite(byteaCodecs);
  }
  await client.waitReady;
  // drizzle's PGlite driver calls only query, exec and transaction, which both clients offer.
  const db = drizzle(client as never, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    describe: dataDir ? `embedded PGlite at ${dataDir}` : "embedded PGlite in memory",
    async migrate() {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(drizzle(client as never, { schema }), { migrationsFolder });
    },
    close: () => client.close(),
  };
}

/** Where this process's database is, from the environment. */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.ACCORD_DATA_DIR ? path.join(env.ACCORD_DATA_DIR, "pglite") : ".data/pglite" };
}

const processDb = processSingleton("database", (): { handle?: Promise<DatabaseHandle> } => ({}));

/** The process-wide handle, opened on first use from the environment. */
export function databaseHandle(): Promise<DatabaseHandle> {
  processDb.handle ??= openDatabase(databaseTargetFromEnv());
  return processDb.handle;
}

export async function getDb(): Promise<Db> {
  return (await databaseHandle()).db;
}

/** Make `handle` the process-wide database (tests, scripts). */
export function installDatabase(handle: DatabaseHandle): void {
  processDb.handle = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const pending = processDb.handle;
  processDb.handle = undefined;
  if (pending) await (await pending).close();
}

export { schema };
