// An acknowledged edit survives `kill -9` of the server a moment later, and reloading never
// duplicates the text. The server runs in a child process on a real database (a PGlite folder, or
// a fresh PostgreSQL database when DATABASE_URL is set).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from "@/db/client";
import { paperUpdates } from "@/db/schema";
import { compactPaper } from "@/server/collab/compaction";
import { makeDialogueWithRoles, makePaperInStatus, reloadPaper } from "../helpers/factories";
import { appendParagraph, connectClient, sessionCookie, TEST_AUTH_SECRET, type TestClient } from "./helpers";
import { type Child, createPostgresDatabase, spawnCollabServer } from "./process";

let target: DatabaseTarget;
let childEnv: Record<string, string>;
let cleanup: () => Promise<void> = async () => {};
const children: Child[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const database = await createPostgresDatabase(process.env.DATABASE_URL);
    target = { url: database.url };
    childEnv = { COLLAB_DB_URL: database.url };
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "accord-collab-"));
    target = { dataDir: path.join(dir, "pglite") };
    childEnv = { COLLAB_PGLITE_DIR: target.dataDir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  childEnv.AUTH_SECRET = process.env.AUTH_SECRET ?? TEST_AUTH_SECRET;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const child of children) await child.kill();
  await cleanup();
});

/** PGlite may be open in one process only: the test opens the folder only while no child runs. */
async function withDatabase<T>(run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(target);
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("durability", () => {
  it("keeps every acknowledged edit, exactly once, across kill -9 and a restart", { timeout: 180_000 }, async () => {
    const setup = await withDatabase(async ({ db, migrate }) => {
      await migrate();
      const world = await makeDialogueWithRoles(db);
      const { paper } = await makePaperInStatus(db, "draft", world);
      return {
        paperId: paper.id,
        chair: (await sessionCookie(db, world.emails.chair, childEnv.AUTH_SECRET)).cookie,
        delegate: (await sessionCookie(db, world.emails.delegate, childEnv.AUTH_SECRET)).cookie,
      };
    });

    const first = await spawnCollabServer(childEnv);
    children.push(first);
    const url = `ws://127.0.0.1:${first.port}/collab`;
    const a = connectClient(url, setup.paperId, setup.chair);
    const b = connectClient(url, setup.paperId, setup.delegate);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    const edits: string[] = [];
    for (let i = 0; i < 25; i++) {
      edits.push(`chair edit ${i}.`, `delegate edit ${i}.`);
      appendParagraph(a.doc, `chair edit ${i}.`);
      appendParagraph(b.doc, `delegate edit ${i}.`);
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 10));
    }
    await Promise.all([a.acked(), b.acked()]);
    // Acknowledged: kill the server at once, before any debounced store could run.
    await first.kill("SIGKILL");
    a.destroy();
    b.destroy();

    const second = await spawnCollabServer(childEnv);
    children.push(second);
    const reader = connectClient(`ws://127.0.0.1:${second.port}/collab`, setup.paperId, setup.chair);
    clients.push(reader);
    await reader.synced();
    const text = reader.text();
    for (const edit of edits) expect(count(text, edit), edit).toBe(1);
    expect(count(text, "Migration and development are interlinked.")).toBe(1);
    expect(count(text, "Recommendations")).toBe(1);
    reader.destroy();
    await second.kill("SIGTERM");

    // The log folds into ydoc_state and the readable snapshot without duplicating anything.
    await withDatabase(async ({ db }) => {
      await compactPaper(db, setup.paperId);
      const paper = await reloadPaper(db, setup.paperId);
      for (const edit of edits) expect(count(paper.contentText, edit), edit).toBe(1);
      expect(count(paper.contentText, "Migration and development are interlinked.")).toBe(1);
      expect(await db.select().from(paperUpdates).where(eq(paperUpdates.paperId, setup.paperId))).toHaveLength(0);
    });
  });
});
