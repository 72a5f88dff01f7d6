// Every stored update stays traceable to the account that sent it (issue 15, finding 10): two
// people edit through real sockets, the log is compacted (paper_updates emptied), and
// paper_update_authors still names, for each update, its author, the partner they spoke for, its
// size and its hash. The author log is append-only at the database, like the audit log.
import { createHash } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { paperUpdateAuthors } from "@/db/schema";
import { newSuggestionId } from "@/lib/editor/annotations";
import { compactPaper } from "@/server/collab/compaction";
import { decideSuggestions } from "@/server/domain/suggestions";
import { useCollabHarness } from "./harness";
import { appendParagraph, type TestClient } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000 });

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** What a client sends: each local change of its document, as the provider sends it. */
function sentUpdates(client: TestClient): Uint8Array[] {
  const sent: Uint8Array[] = [];
  client.doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider) sent.push(update);
  });
  return sent;
}

async function authorRows(paperId: string) {
  const rows = await harness
    .db()
    .select()
    .from(paperUpdateAuthors)
    .where(eq(paperUpdateAuthors.paperId, paperId))
    .orderBy(asc(paperUpdateAuthors.seq));
  return rows.map((row) => ({
    userId: row.userId,
    partnerId: row.partnerId,
    byteSize: row.byteSize,
    sha256: hex(row.sha256),
  }));
}

async function answerTo(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
    return "accepted";
  } catch (error) {
    const { cause, message } = error as Error & { cause?: Error };
    return cause?.message ?? message;
  }
}

describe("the author of each stored update", () => {
  it("is recorded with the update and kept when the log is compacted", async () => {
    const { paper } = await harness.paper("draft");
    const chair = await harness.syncedClient("chair", paper.id);
    const penholder = await harness.syncedClient("penholder", paper.id);
    const sentByChair = sentUpdates(chair);
    const sentByPenholder = sentUpdates(penholder);

    for (let i = 0; i < 3; i++) {
      appendParagraph(chair.doc, `chair's paragraph ${i}`);
      appendParagraph(penholder.doc, `penholder's paragraph ${i} ${"x".repeat(40 * i)}`);
    }
    await Promise.all([chair.acked(), penholder.acked()]);
    expect(sentByChair).toHaveLength(3);
    expect(sentByPenholder).toHaveLength(3);

    await compactPaper(harness.db(), paper.id);
    expect(await harness.storedUpdates(paper.id)).toHaveLength(0);

    const { world } = harness;
    const expected = (sent: Uint8Array[], role: "chair" | "penholder") =>
      sent.map((update) => ({
        userId: world.actors[role].id,
        partnerId: world.partnerOf[role],
        byteSize: update.byteLength,
        sha256: sha256(update),
      }));
    const rows = await authorRows(paper.id);
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.userId === world.actors.chair.id)).toEqual(expected(sentByChair, "chair"));
    expect(rows.filter((r) => r.userId === world.actors.penholder.id)).toEqual(expected(sentByPenholder, "penholder"));
  });

  it("is recorded for a suggestion decision, which the server writes for the chair", async () => {
    const { paper } = await harness.paper("consultation");
    const { world } = harness;
    const delegate = await harness.syncedClient("delegate", paper.id);
    const sentByDelegate = sentUpdates(delegate);
    const paragraph = delegate.doc.getXmlFragment("default").get(1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, "Proposed. ", {
      suggestionInsert: { id: newSuggestionId(world.actors.delegate.id, world.partnerOf.delegate) },
    });
    await delegate.acked();

    const decided = await decideSuggestions(harness.db(), world.actors.chair, {
      paperId: paper.id,
      decision: "accept",
      scope: { kind: "all" },
    });
    expect(decided).toHaveLength(1);
    await compactPaper(harness.db(), paper.id);

    const rows = await authorRows(paper.id);
    expect(rows.map((r) => [r.userId, r.partnerId])).toEqual([
      [world.actors.delegate.id, world.partnerOf.delegate],
      [world.actors.chair.id, world.partnerOf.chair],
    ]);
    expect(rows[0]).toMatchObject({
      byteSize: sentByDelegate[0]?.byteLength,
      sha256: sha256(sentByDelegate[0] as Uint8Array),
    });
  });

  it("cannot be changed, deleted or truncated by the application's database role", async () => {
    const { paper } = await harness.paper("draft");
    const chair = await harness.syncedClient("chair", paper.id);
    appendParagraph(chair.doc, "evidence");
    await chair.acked();
    const before = await authorRows(paper.id);
    expect(before.length).toBeGreaterThan(0);

    const refusal = /paper_update_authors is append-only/;
    const db = harness.db();
    const someoneElse = harness.world.actors.penholder.id;
    expect(
      await answerTo(
        db.update(paperUpdateAuthors).set({ userId: someoneElse }).where(eq(paperUpdateAuthors.paperId, paper.id)),
      ),
    ).toMatch(refusal);
    expect(await answerTo(db.delete(paperUpdateAuthors).where(eq(paperUpdateAuthors.paperId, paper.id)))).toMatch(
      refusal,
    );
    expect(await answerTo(db.execute(sql`truncate paper_update_authors`))).toMatch(refusal);
    expect(await authorRows(paper.id)).toEqual(before);
  });
});
