// Two collaboration server instances sharing one Redis: users on different instances edit the
// same paper together. Uses a redis-server of its own (skipped where none is installed).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paperUpdates } from "@/db/schema";
import { useTestDatabase } from "../helpers/database";
import { makeDialogueWithRoles, makePaperInStatus, reloadPaper } from "../helpers/factories";
import {
  appendParagraph,
  connectClient,
  type RunningCollab,
  sessionCookie,
  startCollab,
  type TestClient,
  waitFor,
} from "./helpers";
import { type Child, hasRedisServer, spawnRedis } from "./process";

const testDb = useTestDatabase();
let redis: Child | undefined;
const instances: RunningCollab[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  if (!hasRedisServer) return;
  redis = await spawnRedis();
  const redisUrl = `redis://127.0.0.1:${redis.port}`;
  for (let i = 0; i < 2; i++)
    instances.push(await startCollab(async () => testDb.db(), { redisUrl, storeDebounceMs: 300 }));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const instance of instances) await instance.stop();
  await redis?.kill();
});

describe.skipIf(!hasRedisServer)("two instances sharing Redis", () => {
  it("converge: edits and presence made on one instance reach users of the other", async () => {
    const world = await makeDialogueWithRoles(testDb.db());
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
    const [one, two] = instances as [RunningCollab, RunningCollab];
    const a = connectClient(one.url, paper.id, (await sessionCookie(testDb.db(), world.emails.chair)).cookie);
    const b = connectClient(two.url, paper.id, (await sessionCookie(testDb.db(), world.emails.delegate)).cookie);
    clients.push(a, b);
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
      id: world.actors.chair.id,
      partner: "Senegal",
    });

    // Both instances stored their own clients' updates; compaction (from the database) sees them all.
    await waitFor(
      async () => {
        const stored = await reloadPaper(testDb.db(), paper.id);
        return stored.contentText.includes("via one 9") && stored.contentText.includes("via two 9");
      },
      15_000,
      "snapshot",
    );
    await waitFor(
      async () =>
        (await testDb.db().select().from(paperUpdates).where(eq(paperUpdates.paperId, paper.id))).length === 0,
      15_000,
      "compaction",
    );
  });
});
