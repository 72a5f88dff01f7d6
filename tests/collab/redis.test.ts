// Two collaboration server instances sharing one Redis: users on different instances edit the
// same paper together. Uses a redis-server of its own (skipped where none is installed).
import { describe, expect, it } from "vitest";
import { reloadPaper } from "../helpers/factories";
import { useCollabHarness } from "./harness";
import { appendParagraph, waitFor } from "./helpers";
import { hasRedisServer } from "./process";

describe.skipIf(!hasRedisServer)("two instances sharing Redis", () => {
  const harness = useCollabHarness({ redis: true, storeDebounceMs: 300 });

  it("converge: edits and presence made on one instance reach users of the other", async () => {
    const { paper } = await harness.paper("draft");
    const two = await harness.startServer();
    const a = await harness.client("chair", paper.id);
    const b = await harness.client("delegate", paper.id, { on: two });
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 10; i++) {
      appendParagraph(a.doc, `via one ${i}`);
      appendParagraph(b.doc, `via two ${i}`);
    }
    await Promise.all([a.acked(), b.acked()]);
    await waitFor(
      () => a.text() === b.text() && a.text().includes("via two 9") && b.text().includes("via one 9"),
      10_000,
      "convergence",
    );
    expect(a.text().split("Migration and development").length - 1).toBe(1);

    a.provider.setAwarenessField("user", { color: "#aa0000" });
    await waitFor(() => b.provider.awareness?.getStates().get(a.doc.clientID)?.user !== undefined, 10_000, "presence");
    expect(b.provider.awareness?.getStates().get(a.doc.clientID)?.user).toMatchObject({
      id: harness.world.actors.chair.id,
      partner: "Senegal",
    });

    // Both instances stored their own clients' updates; compaction (from the database) sees them all.
    await waitFor(
      async () => {
        const stored = await reloadPaper(harness.db(), paper.id);
        return stored.contentText.includes("via one 9") && stored.contentText.includes("via two 9");
      },
      15_000,
      "snapshot",
    );
    await waitFor(async () => (await harness.storedUpdates(paper.id)).length === 0, 15_000, "compaction");
  });
});
