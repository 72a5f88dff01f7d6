// "Follow the chair" on the real collaboration server with real Node clients: the server alone
// says who leads (from the database), and a client's `place` passes only when it is in range.
import { describe, expect, it } from "vitest";
import { decodeStateless, LEAD_FIELD, type LeadChangedMessage, type LeadState } from "@/lib/collab/wire";
import { handLead } from "@/server/domain/live-session";
import { useCollabHarness } from "./harness";
import { type TestClient, waitFor } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000 });

/** The lead field of `client`'s presence as `watcher` sees it (undefined: not there). */
const leadOf = (watcher: TestClient, client: TestClient): LeadState | undefined =>
  watcher.provider.awareness?.getStates().get(client.doc.clientID)?.[LEAD_FIELD];
/** Has `watcher` received `client`'s presence at all? */
const seen = (watcher: TestClient, client: TestClient) =>
  watcher.provider.awareness?.getStates().get(client.doc.clientID)?.user !== undefined;

/** Publishes a lead field (with any claim) and waits until the watcher has the client's relayed presence. */
async function publish(client: TestClient, watcher: TestClient, lead: Record<string, unknown>) {
  client.provider.setAwarenessField(LEAD_FIELD, lead);
  await waitFor(() => seen(watcher, client), 10_000, "presence");
}

describe("follow the chair", () => {
  it("stamps `leading` on the chair only; a delegate's forged claim and an out-of-range place are dropped", async () => {
    const { paper } = await harness.paper("consultation");
    const chair = await harness.syncedClient("chair", paper.id);
    const delegate = await harness.syncedClient("delegate", paper.id);
    const watcher = await harness.syncedClient("penholder", paper.id);

    await publish(chair, watcher, { place: 2 });
    await waitFor(() => leadOf(watcher, chair)?.place === 2, 10_000, "chair's place");
    expect(leadOf(watcher, chair)).toEqual({ leading: true, place: 2 });

    await publish(delegate, watcher, { leading: true, place: 1 });
    await waitFor(() => leadOf(watcher, delegate)?.place === 1, 10_000, "delegate's place");
    expect(leadOf(watcher, delegate)).toEqual({ place: 1 });

    // Out of range, or not an integer: dropped, and the forged lead with it.
    for (const place of [100_000, -1, 1.5, "3"]) {
      delegate.provider.setAwarenessField(LEAD_FIELD, { place: 1 });
      await waitFor(() => leadOf(watcher, delegate)?.place === 1, 10_000, "reset place");
      delegate.provider.setAwarenessField(LEAD_FIELD, { leading: true, place });
      await waitFor(() => leadOf(watcher, delegate) === undefined, 10_000, `place ${String(place)} dropped`);
    }
    // The chair's own copy of the states agrees: nobody but the chair leads.
    await waitFor(() => chair.provider.awareness?.getStates().get(delegate.doc.clientID) !== undefined);
    expect(leadOf(chair, delegate)).toBeUndefined();
  });

  it("after the chair hands the lead to the penholder, the penholder is stamped instead, and every editor is told who leads", async () => {
    const { paper } = await harness.paper("consultation");
    const chair = await harness.syncedClient("chair", paper.id);
    const penholder = await harness.syncedClient("penholder", paper.id);
    const watcher = await harness.syncedClient("delegate", paper.id);
    // As the editor does (components/editor/FollowLead.tsx): told who leads, publish again.
    const told = new Map<TestClient, LeadChangedMessage[]>();
    for (const client of [chair, penholder, watcher]) {
      told.set(client, []);
      client.provider.on("stateless", ({ payload }: { payload: string }) => {
        const message = decodeStateless(payload);
        if (message?.type !== "lead") return;
        told.get(client)?.push(message);
        const current = client.provider.awareness?.getLocalState()?.[LEAD_FIELD] ?? {};
        client.provider.setAwarenessField(LEAD_FIELD, { ...current });
      });
    }
    const lastTold = (client: TestClient) => told.get(client)?.at(-1);
    await publish(chair, watcher, { place: 0 });
    await publish(penholder, watcher, { place: 1 });
    await waitFor(() => leadOf(watcher, chair)?.leading === true && leadOf(watcher, penholder)?.place === 1);
    expect(leadOf(watcher, penholder)).toEqual({ place: 1 });

    await handLead(harness.db(), harness.world.actors.chair, {
      paperId: paper.id,
      userId: harness.world.actors.penholder.id,
    });
    const handed = { type: "lead", leaderId: harness.world.actors.penholder.id, handed: true };
    // The penholder's own page learns it leads from the server (it never sees its own stamp).
    for (const client of [chair, penholder, watcher]) {
      await waitFor(() => lastTold(client)?.leaderId === handed.leaderId, 10_000, "lead message");
      expect(lastTold(client)).toEqual(handed);
    }
    await waitFor(() => leadOf(watcher, penholder)?.leading === true, 10_000, "penholder stamped");
    await waitFor(() => leadOf(watcher, chair)?.leading === undefined, 10_000, "chair unstamped");
    expect(leadOf(watcher, penholder)).toEqual({ leading: true, place: 1 });
    expect(leadOf(watcher, chair)).toEqual({ place: 0 });

    // A page that opens now is told as it connects.
    const late = await harness.client("chair", paper.id);
    const toldLate: unknown[] = [];
    late.provider.on("stateless", ({ payload }: { payload: string }) => toldLate.push(decodeStateless(payload)));
    await late.synced();
    await waitFor(() => toldLate.length > 0, 10_000, "lead message on connect");
    expect(toldLate).toContainEqual(handed);

    // The chair takes the lead back: told again, not handed.
    await handLead(harness.db(), harness.world.actors.chair, { paperId: paper.id, userId: null });
    const back = { type: "lead", leaderId: harness.world.actors.chair.id, handed: false };
    await waitFor(() => lastTold(penholder)?.leaderId === back.leaderId, 10_000, "lead back");
    expect(lastTold(penholder)).toEqual(back);
    await waitFor(() => leadOf(watcher, chair)?.leading === true, 10_000, "chair stamped again");
    await waitFor(() => leadOf(watcher, penholder)?.leading === undefined, 10_000, "penholder unstamped");
  });

  it("a lead message that names no user is read as nobody leading", () => {
    expect(decodeStateless(JSON.stringify({ type: "lead", leaderId: "<script>", handed: true }))).toEqual({
      type: "lead",
      leaderId: null,
      handed: false,
    });
  });
});
