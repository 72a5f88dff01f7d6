// A fresh, migrated database for one test file, installed as the process database.
// With DATABASE_URL (PostgreSQL) each file gets its own `accord_t_<random>` database on that
// server, dropped afterwards; without it, an in-memory PGlite, or a PGlite folder (removed
// afterwards) when child processes must open the database too.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import {
  closeDatabase,
  type DatabaseHandle,
  type DatabaseTarget,
  type Db,
  installDatabase,
  openDatabase,
} from "@/db/client";

export type TestDatabase = {
  /** The database of this file; only valid inside tests and hooks. */
  db: () => Db;
  handle: () => DatabaseHandle;
  driver: () => "postgres" | "pglite";
  /** Where another process opens this database (with `forChildProcesses`). */
  target: () => DatabaseTarget;
  /**
   * Lets another process have the database: a PGlite folder is open in one process at a time, so
   * its handle is closed (db() fails) until `reopen`. PostgreSQL stays open.
   */
  release(): Promise<void>;
  reopen(): Promise<void>;
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

/**
 * Opens a fresh database for the current test file (before all) and closes / drops it (after all).
 * `forChildProcesses`: without DATABASE_URL, a PGlite folder that a child process can open.
 */
export function useTestDatabase({ forChildProcesses = false } = {}): TestDatabase {
  let target: DatabaseTarget | undefined;
  let handle: DatabaseHandle | undefined;
  let removeDatabase: (() => Promise<void>) | undefined;

  const open = async () => {
    handle = await openDatabase(ready(target));
    installDatabase(handle);
    return handle;
  };

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (url) {
      const name = `accord_t_${randomBytes(6).toString("hex")}`;
      await onServer(url, `CREATE DATABASE "${name}"`);
      removeDatabase = () => onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      const database = new URL(url);
      database.pathname = `/${name}`;
      target = { url: database.toString() };
    } else if (forChildProcesses) {
      const dir = mkdtempSync(path.join(tmpdir(), "accord-test-"));
      removeDatabase = async () => rmSync(dir, { recursive: true, force: true });
      target = { dataDir: path.join(dir, "pglite") };
    } else {
      target = { memory: true };
    }
    await (await open()).migrate();
  });

  afterAll(async () => {
    // closeDatabase closes the installed handle (ours) and forgets it.
    if (handle) await closeDatabase();
    handle = undefined;
    await removeDatabase?.();
  });

  const release = async () => {
    if (!handle || handle.driver === "postgres") return;
    handle = undefined;
    await closeDatabase();
  };
  const reopen = async () => {
    if (!handle) await open();
  };
  const current = () => ready(handle);
  return {
    db: () => current().db,
    handle: current,
    driver: () => current().driver,
    target: () => ready(target),
    release,
    reopen,
  };
}

function ready<T>(value: T | undefined): T {
  if (!value) throw new Error("test database not open: use it inside a test or hook, and not while released");
  return value;
}
