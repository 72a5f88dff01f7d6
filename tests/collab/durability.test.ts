// An acknowledged edit survives `kill -9` of the server a moment later, and reloading never
// duplicates the text. The server runs in a child process on a real database (a PGlite folder, or
// the file's PostgreSQL database when DATABASE_URL is set).
import { describe, expect, it } from "vitest";
import { compactPaper } from "@/server/collab/compaction";
import { reloadPaper } from "../helpers/factories";
import { useCollabHarness } from "./harness";
import { appendParagraph } from "./helpers";

const harness = useCollabHarness({ childProcesses: true });

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("durability", () => {
  it("keeps every acknowledged edit, exactly once, across kill -9 and a restart", { timeout: 180_000 }, async () => {
    const { paper } = await harness.paper("draft");
    // Signed in before a server runs: the database is then the server's.
    await Promise.all([harness.sessionCookie("chair"), harness.sessionCookie("delegate")]);

    const first = await harness.spawnServer();
    const a = await harness.client("chair", paper.id, { on: first });
    const b = await harness.client("delegate", paper.id, { on: first });
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

    const second = await harness.spawnServer();
    const reader = await harness.syncedClient("chair", paper.id, { on: second });
    const text = reader.text();
    for (const edit of edits) expect(count(text, edit), edit).toBe(1);
    expect(count(text, "Migration and development are interlinked.")).toBe(1);
    expect(count(text, "Recommendations")).toBe(1);
    reader.destroy();
    await second.kill("SIGTERM");

    // The log folds into ydoc_state and the readable snapshot without duplicating anything.
    await compactPaper(harness.db(), paper.id);
    const stored = await reloadPaper(harness.db(), paper.id);
    for (const edit of edits) expect(count(stored.contentText, edit), edit).toBe(1);
    expect(count(stored.contentText, "Migration and development are interlinked.")).toBe(1);
    expect(await harness.storedUpdates(paper.id)).toHaveLength(0);
  });
});
