// A fresh, migrated database for one test file, installed as the process database.
// With DATABASE_URL (PostgreSQL) each file gets its own `accord_t_<random>` database on that
// server, dropped afterwards; without it, an in-memory PGlite.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { closeDatabase, type DatabaseHandle, type Db, installDatabase, openDatabase } from "@/db/client";

export type TestDatabase = {
  /** The database of this file; only valid inside tests and hooks. */
  db: () => Db;
  handle: () => DatabaseHandle;
  driver: () => "postgres" | "pglite";
};

/**
 * Runs one statement on the PostgreSQL server of `url`, through the database the URL names or,
 * when that one does not exist (e.g. accord_ci not created yet), the `postgres` database.
 */
async function onServer(url: string, statement: string): Promise<void> {
  const run = async (target: string) => {
    const sql = postgres(target, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(statement);
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
  try {
    await run(url);
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
    const fallback = new URL(url);
    fallback.pathname = "/postgres";
    await run(fallback.toString());
  }
}

/** Opens a fresh database for the current test file (before all) and closes / drops it (after all). */
export function useTestDatabase(): TestDatabase {
  let handle: DatabaseHandle | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (url) {
      const name = `accord_t_${randomBytes(6).toString("hex")}`;
      await onServer(url, `CREATE DATABASE "${name}"`);
      dropDatabase = () => onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      handle = await openDatabase({ url: target.toString() });
    } else {
      handle = await openDatabase({ memory: true });
    }
    installDatabase(handle);
    await handle.migrate();
  });

  afterAll(async () => {
    // closeDatabase closes the installed handle (ours) and forgets it.
    if (handle) await closeDatabase();
    handle = undefined;
    await dropDatabase?.();
  });

  const current = () => {
    if (!handle) throw new Error("test database not open: call db() inside a test or hook");
    return handle;
  };
  return { db: () => current().db, handle: current, driver: () => current().driver };
}
