// The embedded database of a running app (a PGlite folder) runs on a worker thread behind
// PGlite's own interface (db/pglite-thread.ts). Here: the same answers as PGlite in this
// thread, transactions that commit or roll back, Postgres errors with their fields, and the
// point of it all: a long statement leaves the event loop free.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { partners } from "@/db/schema";
import { isUniqueViolation } from "@/server/errors";

let dir: string;
let threaded: DatabaseHandle;
let inProcess: DatabaseHandle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "accord-embedded-"));
  threaded = await openDatabase({ dataDir: path.join(dir, "pglite") });
  inProcess = await openDatabase({ memory: true });
  await Promise.all([threaded.migrate(), inProcess.migrate()]);
});

afterAll(async () => {
  await threaded?.close();
  await inProcess?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database on its own thread", () => {
  it("answers as PGlite does in process: rows, bytes, dates, numbers", async () => {
    const statement = sql`
      select 1::int as one, 2::bigint as big, 'é'::text as word, '\\x00ff10'::bytea as bytes,
             timestamptz '2013-10-03 10:00:00+00' as at, date '2013-10-03' as day,
             interval '1 day' as span, array[1, 2]::int[] as list, null::text as nothing`;
    const [a, b] = await Promise.all([threaded.db.execute(statement), inProcess.db.execute(statement)]);
    expect((a as unknown as { rows: unknown[] }).rows).toEqual((b as unknown as { rows: unknown[] }).rows);
    expect((a as unknown as { rows: { bytes: Uint8Array }[] }).rows[0]?.bytes).toEqual(new Uint8Array([0, 255, 16]));

    // Through drizzle's query builder (array rows, its own date parsing).
    for (const handle of [threaded, inProcess]) {
      await handle.db
        .insert(partners)
        .values({ kind: "organisation", name: "International Centre for Migration Policy Development" });
    }
    const select = (handle: DatabaseHandle) =>
      handle.db
        .select({ name: partners.name, createdAt: partners.createdAt })
        .from(partners)
        .where(eq(partners.name, "International Centre for Migration Policy Development"));
    const [x, y] = await Promise.all([select(threaded), select(inProcess)]);
    expect(x).toHaveLength(1);
    expect(x[0]?.createdAt).toBeInstanceOf(Date);
    expect(Object.keys(x[0] ?? {})).toEqual(Object.keys(y[0] ?? {}));
  });

  it("stores and reads bytea parameters byte for byte (db/pglite-codecs.mjs)", async () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, i) => i);
    const large = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256);
    // A view into a larger buffer: only the viewed bytes are stored.
    const view = new Uint8Array(everyByte.buffer, 10, 5);
    for (const bytes of [everyByte, large, new Uint8Array(0), view]) {
      for (const handle of [threaded, inProcess]) {
        const result = await handle.db.execute(
          sql`select ${bytes}::bytea as stored, octet_length(${bytes}::bytea) as length,
                     encode(sha256(${bytes}::bytea), 'hex') as digest`,
        );
        const [row] = (result as unknown as { rows: { stored: Uint8Array; length: number; digest: string }[] }).rows;
        expect(row?.length).toBe(bytes.length);
        expect(row?.digest).toBe(createHash("sha256").update(bytes).digest("hex"));
        expect(row?.stored).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(row?.stored ?? []).equals(Buffer.from(bytes))).toBe(true);
      }
    }
    await expect(threaded.db.execute(sql`select ${"not bytes" as unknown as Uint8Array}::bytea`)).rejects.toThrow();
  });

  it("commits a transaction that completes and rolls back one that throws", async () => {
    await threaded.db.transaction(async (tx) => {
      await tx.insert(partners).values({ kind: "organisation", name: "Committed organisation" });
    });
    await expect(
      threaded.db.transaction(async (tx) => {
        await tx.insert(partners).values({ kind: "organisation", name: "Rolled back organisation" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const names = (await threaded.db.select({ name: partners.name }).from(partners)).map((r) => r.name);
    expect(names).toContain("Committed organisation");
    expect(names).not.toContain("Rolled back organisation");
  });

  it("makes a statement outside a transaction wait for it, as one session does", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = threaded.db.transaction(async (tx) => {
      await tx.insert(partners).values({ kind: "organisation", name: "Seen only once committed" });
      await held;
    });
    let outsideAnswered = false;
    const outside = threaded.db
      .select({ name: partners.name })
      .from(partners)
      .then((rows) => {
        outsideAnswered = true;
        return rows;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Still waiting: run at once, it would have run inside the open transaction's session.
    expect(outsideAnswered).toBe(false);
    release();
    await transaction;
    expect((await outside).map((r) => r.name)).toContain("Seen only once committed");
  });

  it("reports Postgres errors with their code and constraint", async () => {
    await threaded.db.insert(partners).values({ kind: "organisation", name: "Unique name" });
    const error = await threaded.db
      .insert(partners)
      .values({ kind: "organisation", name: "Unique name" })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    await expect(threaded.db.execute(sql`select * from no_such_table`)).rejects.toMatchObject({
      cause: { code: "42P01" },
    });
  });

  it("leaves the event loop free while a statement runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    try {
      await threaded.db.execute(sql`select pg_sleep(0.5)`);
    } finally {
      clearInterval(timer);
    }
    // In this thread PGlite would hold the loop for the whole statement: no tick at all.
    expect(ticks).toBeGreaterThan(20);
  });
});
