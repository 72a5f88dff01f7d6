// On one instance the collaboration server applies and broadcasts an update before it is
// committed (other clients do not wait for the disk), and acknowledges it only once committed.
// These tests force the two ways such an update can fail to be stored, with real faults in the
// real database, and check that the server's copy never stays ahead of the database.
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { papers } from "@/db/schema";
import { UPDATE_REFUSED } from "@/lib/collab/wire";
import { loadPaperState } from "@/server/collab/paper-state";
import { UPDATE_BATCH_MAX_BYTES, UpdateLog } from "@/server/collab/update-log";
import { useCollabHarness } from "./harness";
import { appendParagraph, fragmentText, sleep, waitFor } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000, storeDebounceMs: 200, storeRetryDelaysMs: [50] });

/** The paper as stored: compacted state plus every pending update. */
async function storedText(paperId: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of await loadPaperState(harness.db(), paperId)) Y.applyUpdate(doc, update);
  return fragmentText(doc);
}

/** A real fault in the real database: every insert of an update carrying `marker` fails. */
async function failAppendsCarrying(marker: string) {
  await harness.db().execute(sql`
    create or replace function accord_test_fail_append() returns trigger language plpgsql as $$
    begin
      if position(convert_to(${sql.raw(`'${marker}'`)}, 'UTF8') in new.update) > 0 then
        raise exception 'injected storage failure';
      end if;
      return new;
    end $$`);
  await harness.db().execute(sql`
    create trigger accord_test_fail_append before insert on paper_updates
    for each row execute function accord_test_fail_append()`);
}

/** The chair as an update's author. */
const chairWrites = () => ({ userId: harness.world.actors.chair.id, partnerId: harness.world.partnerOf.chair });

function updateWithParagraph(text: string): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, text);
  return Y.encodeStateAsUpdate(doc);
}

afterEach(async () => {
  await harness.db().execute(sql`drop trigger if exists accord_test_fail_append on paper_updates`);
});

afterAll(async () => {
  await harness.db().execute(sql`drop function if exists accord_test_fail_append()`);
});

describe("the update log", () => {
  it("never stores an update queued behind one that could not be stored (it may build on it)", async () => {
    const { paper } = await harness.paper("draft");
    await failAppendsCarrying("UNSTORABLE");
    const log = new UpdateLog(async () => harness.db(), { retryDelaysMs: [10] });
    const first = log.append(paper.id, updateWithParagraph("UNSTORABLE first"), "draft", chairWrites());
    const second = log.append(paper.id, updateWithParagraph("second, built on the first"), "draft", chairWrites());
    await expect(first).rejects.toThrow();
    await expect(second).rejects.toThrow();
    expect(await harness.storedUpdates(paper.id)).toHaveLength(0);

    // Once the database takes writes again, the log does too, in one statement for a batch.
    await harness.db().execute(sql`drop trigger accord_test_fail_append on paper_updates`);
    const results = await Promise.all([
      log.append(paper.id, updateWithParagraph("third"), "draft", chairWrites()),
      log.append(paper.id, updateWithParagraph("fourth"), "draft", chairWrites()),
      log.append(paper.id, updateWithParagraph("fifth"), "approval", chairWrites()),
    ]);
    expect(results).toEqual([{ stored: true }, { stored: true }, { stored: false, status: "draft" }]);
    expect(await storedText(paper.id)).toMatch(/third\n?.*fourth|fourth\n?.*third/s);
  });

  it("writes a burst of large updates in statements of at most UPDATE_BATCH_MAX_BYTES, in order", async () => {
    const { paper } = await harness.paper("draft");
    const log = new UpdateLog(async () => harness.db(), { batchWindowMs: 20 });
    const updates = [1, 2, 3, 4, 5, 6].map((n) => updateWithParagraph(`${n} `.padEnd(100 * 1024, "x")));
    const pasted = await Promise.all(updates.map((update) => log.append(paper.id, update, "draft", chairWrites())));
    expect(pasted.every((result) => result.stored)).toBe(true);
    // Rows written by one statement share its transaction id (xmin).
    const rows = (await harness.db().execute(sql`
      select xmin::text as tx, update from paper_updates where paper_id = ${paper.id} order by seq`)) as unknown as
      | { tx: string; update: Uint8Array }[]
      | { rows: { tx: string; update: Uint8Array }[] };
    const stored = Array.isArray(rows) ? rows : rows.rows;
    // Every update, in the order it was appended.
    expect(stored.map((row) => Buffer.from(row.update).toString("base64"))).toEqual(
      updates.map((update) => Buffer.from(update).toString("base64")),
    );
    const bytesPerStatement = new Map<string, number>();
    for (const row of stored) bytesPerStatement.set(row.tx, (bytesPerStatement.get(row.tx) ?? 0) + row.update.length);
    expect(bytesPerStatement.size).toBeGreaterThanOrEqual(3);
    for (const bytes of bytesPerStatement.values()) expect(bytes).toBeLessThanOrEqual(UPDATE_BATCH_MAX_BYTES);

    // Small updates arriving together still share one statement.
    const typed = await Promise.all(
      ["a", "b", "c"].map((word) => log.append(paper.id, updateWithParagraph(word), "draft", chairWrites())),
    );
    expect(typed.every((result) => result.stored)).toBe(true);
    const after = (await harness.db().execute(sql`
      select count(distinct xmin::text)::int as statements from paper_updates
      where paper_id = ${paper.id} and octet_length(update) < 1024`)) as unknown as
      | { statements: number }[]
      | { rows: { statements: number }[] };
    expect((Array.isArray(after) ? after : after.rows)[0]?.statements).toBe(1);
  });
});

describe("an update broadcast before it is stored", () => {
  it("is stored after a database failure: the copy in memory is reloaded and the author sends it again", async () => {
    const { paper } = await harness.paper("draft");
    const author = await harness.client("chair", paper.id);
    const reader = await harness.client("penholder", paper.id);
    await Promise.all([author.synced(), reader.synced()]);

    await failAppendsCarrying("UNSTORABLE");
    appendParagraph(author.doc, "UNSTORABLE edit");
    // Broadcast at once, before any write: the reader has it while the database refuses it.
    await waitFor(() => reader.text().includes("UNSTORABLE edit"), 5_000, "the broadcast");
    // Never acknowledged, and the server's copy that got ahead of the database is let go of.
    await waitFor(() => harness.liveDoc(paper.id) === undefined, 10_000, "the document to be unloaded");
    expect(author.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(await storedText(paper.id)).not.toContain("UNSTORABLE");

    // The database recovers: the author's copy comes back and the server asks it for what it lacks.
    await harness.db().execute(sql`drop trigger accord_test_fail_append on paper_updates`);
    await author.acked(15_000);
    const stored = await storedText(paper.id);
    expect(stored.match(/UNSTORABLE edit/g)).toHaveLength(1);
    await waitFor(() => reader.text() === stored, 10_000, "the reader to converge");
    expect(author.text()).toBe(stored);
  });

  it("is acknowledged to its author coming back only once committed, though the author brings nothing new", async () => {
    // A server that retries a failed append after 2 s: the window in which the update is
    // applied in memory and not yet stored.
    const patient = await harness.startServer({ sweepIntervalMs: 60_000, storeRetryDelaysMs: [2_000] });
    try {
      const { paper } = await harness.paper("draft");
      const author = await harness.syncedClient("chair", paper.id, { on: patient });
      // Keeps the document loaded while the author is away.
      await harness.syncedClient("penholder", paper.id, { on: patient });

      await failAppendsCarrying("COMMITTED LATER");
      appendParagraph(author.doc, "COMMITTED LATER edit");
      const inMemory = () => harness.liveDoc(paper.id, patient)?.getXmlFragment("default").toString() ?? "";
      await waitFor(() => inMemory().includes("COMMITTED LATER"), 5_000, "the edit to be applied");

      // The author's connection drops and comes back: the server already has the edit in
      // memory, so the author's sync step 2 brings nothing new. That must not pass for saved.
      author.socket.disconnect();
      await waitFor(() => author.socket.status === "disconnected", 5_000, "the author to be away");
      const back = new Promise<void>((resolve) => author.provider.on("synced", () => resolve()));
      await author.socket.connect();
      await back;
      await sleep(300);
      expect(author.provider.unsyncedChanges).toBeGreaterThan(0);
      expect(await storedText(paper.id)).not.toContain("COMMITTED LATER");

      await harness.db().execute(sql`drop trigger accord_test_fail_append on paper_updates`);
      await author.acked(10_000);
      expect(await storedText(paper.id)).toContain("COMMITTED LATER edit");
    } finally {
      await patient.stop();
    }
  });

  it("is taken back from everyone when the paper left its editable status before it was stored", async () => {
    const { paper } = await harness.paper("draft");
    const author = await harness.client("chair", paper.id);
    const reader = await harness.client("observer", paper.id);
    await Promise.all([author.synced(), reader.synced()]);
    const before = author.text();
    const readerCloseReasons: string[] = [];
    reader.provider.on("close", ({ event }: { event: { reason?: string } }) =>
      readerCloseReasons.push(event.reason ?? ""),
    );

    // The status moves under the open connections, with no notice to the collaboration server
    // (as when another instance froze the paper a moment ago): its next append finds it.
    await harness.db().update(papers).set({ status: "approval" }).where(eq(papers.id, paper.id));
    appendParagraph(author.doc, "Typed as the paper was frozen");

    await waitFor(() => harness.liveDoc(paper.id) === undefined, 10_000, "the document to be unloaded");
    expect(await storedText(paper.id)).toBe(before);
    // The reader saw the edit: its connection is closed with the reason that makes the editor
    // start again from the server's copy (components/editor/useCollabSession.ts).
    await waitFor(() => readerCloseReasons.includes(UPDATE_REFUSED), 5_000, "the reader to be told");

    // Everyone who opens the paper now gets the stored text, without the edit.
    const late = await harness.syncedClient("penholder", paper.id);
    expect(late.text()).toBe(before);
    expect(harness.liveDoc(paper.id)?.getXmlFragment("default").toString()).not.toContain("frozen");
  });
});
