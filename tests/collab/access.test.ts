// The collaboration socket against the real policy: who may open it, who may write, presence
// bound to the signed-in user, and policy changes reaching open connections.
import { eq } from "drizzle-orm";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { papers } from "@/db/schema";
import { decodeStateless } from "@/lib/collab/wire";
import { isPresenceUser } from "@/lib/editor/presence";
import { endSession } from "@/server/auth/sign-in";
import { appointFocalPoint, removeMember, setMembershipSuspended } from "@/server/domain/memberships";
import { changeStage, freezeAndOpenRound } from "@/server/domain/workflow";
import { loadActor, makeMember, reloadPaper, sampleDoc } from "../helpers/factories";
import { useCollabHarness } from "./harness";
import { appendParagraph, sessionCookie, waitFor } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000, storeDebounceMs: 200 });

describe("opening the socket", () => {
  it("refuses a connection without a session cookie", async () => {
    const { paper } = await harness.paper("draft");
    const c = await harness.client({ cookie: null }, paper.id);
    expect(await c.outcome).toEqual({ ok: false, reason: "unauthenticated" });
    expect(c.provider.isSynced).toBe(false);
  });

  it("refuses a forged or ended session", async () => {
    const { paper } = await harness.paper("draft");
    const forged = await harness.client({ cookie: "authjs.session-token=not-a-jwt" }, paper.id);
    expect(await forged.outcome).toEqual({ ok: false, reason: "unauthenticated" });
    const session = await harness.signIn("delegate");
    await endSession(harness.db(), session.sessionId);
    const ended = await harness.client(session, paper.id);
    expect(await ended.outcome).toEqual({ ok: false, reason: "unauthenticated" });
  });

  it("refuses a user of another dialogue, and a document name that is no paper", async () => {
    const { paper } = await harness.paper("draft");
    const outsider = await harness.client("outsider", paper.id);
    expect(await outsider.outcome).toEqual({ ok: false, reason: "forbidden" });
    const bogus = await harness.client("chair", "../../etc/passwd");
    expect(await bogus.outcome).toEqual({ ok: false, reason: "forbidden" });
  });

  it("loads the stored text once, without duplicating it", async () => {
    const { paper } = await harness.paper("draft");
    const a = await harness.client("chair", paper.id);
    await a.synced();
    expect(a.text()).toBe(
      "Recommendations\nMigration and development are interlinked.\nPartners commit to mobility partnerships.",
    );
  });
});

describe("read-only connections", () => {
  it("gives an observer a comment-only socket whose raw updates to the text change nothing, in memory or in the database", async () => {
    const { paper } = await harness.paper("draft");
    const observer = await harness.client("observer", paper.id);
    // Writable only for the observer's own comment anchors (server/collab/guard.ts): any change
    // to the text is refused before it is stored or applied.
    expect(await observer.outcome).toEqual({ ok: true, scope: "read-write" });
    await observer.synced();
    // A refused update closes the observer's document connection: someone keeps the document open.
    const keeper = await harness.client("penholder", paper.id);
    await keeper.synced();
    const before = Y.encodeStateAsUpdate(harness.liveDoc(paper.id) as Y.Doc);

    // A modified client writing straight to its document: the provider sends the update.
    appendParagraph(observer.doc, "Observer was here");
    // And raw protocol messages (sync step 2, then update) written straight to the socket.
    const rogue = new Y.Doc();
    Y.applyUpdate(rogue, before);
    appendParagraph(rogue, "Injected by a rogue client");
    const diff = Y.encodeStateAsUpdate(rogue, Y.encodeStateVectorFromUpdate(before));
    for (const write of [syncProtocol.writeSyncStep2, syncProtocol.writeUpdate] as const) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, paper.id);
      encoding.writeVarUint(encoder, 0); // MessageType.Sync
      if (write === syncProtocol.writeSyncStep2) syncProtocol.writeSyncStep2(encoder, rogue);
      else syncProtocol.writeUpdate(encoder, diff);
      observer.socket.send(encoding.toUint8Array(encoder));
    }
    await new Promise((r) => setTimeout(r, 500));

    const live = harness.liveDoc(paper.id);
    expect(live).toBeDefined();
    expect(Buffer.from(Y.encodeStateAsUpdate(live as Y.Doc))).toEqual(Buffer.from(before));
    expect(await harness.storedUpdates(paper.id)).toHaveLength(0);
    const stored = await reloadPaper(harness.db(), paper.id);
    expect(stored.contentText).not.toContain("Observer");
    expect(stored.contentText).not.toContain("Injected");
    // A fresh editor sees none of it.
    const chair = await harness.client("chair", paper.id);
    await chair.synced();
    expect(chair.text()).not.toMatch(/Observer|Injected/);
  });

  it("makes every socket read-only once the paper is in approval", async () => {
    const { paper } = await harness.paper("approval");
    const chair = await harness.client("chair", paper.id);
    expect(await chair.outcome).toEqual({ ok: true, scope: "readonly" });
  });
});

describe("editing together", () => {
  it("converges two editors, stores their edits before acknowledging them, and keeps the snapshot current", async () => {
    const { paper } = await harness.paper("draft");
    const a = await harness.client("chair", paper.id);
    const b = await harness.client("delegate", paper.id);
    expect(await a.outcome).toEqual({ ok: true, scope: "read-write" });
    expect(await b.outcome).toEqual({ ok: true, scope: "read-write" });
    await Promise.all([a.synced(), b.synced()]);
    appendParagraph(a.doc, "From the chair");
    appendParagraph(b.doc, "From France");
    await Promise.all([a.acked(), b.acked()]);
    await waitFor(
      () => a.text() === b.text() && a.text().includes("From France") && b.text().includes("From the chair"),
    );
    // Compaction (debounced) folds the updates into ydoc_state and refreshes the readable text.
    await waitFor(
      async () => (await reloadPaper(harness.db(), paper.id)).contentText.includes("From France"),
      10_000,
      "snapshot",
    );
    await waitFor(async () => (await harness.storedUpdates(paper.id)).length === 0, 10_000, "compaction");
    const stored = await reloadPaper(harness.db(), paper.id);
    expect(stored.contentText).toContain("From the chair");
    expect(stored.contentText.match(/Migration and development/g)).toHaveLength(1);
  });

  it("binds presence to the signed-in user: a client cannot present itself as someone else", async () => {
    const { paper } = await harness.paper("draft");
    const liar = await harness.client("delegate", paper.id);
    const watcher = await harness.client("chair", paper.id);
    await Promise.all([liar.synced(), watcher.synced()]);
    liar.provider.setAwarenessField("user", {
      id: harness.world.actors.chair.id,
      name: "The Chair",
      partner: "Senegal",
      iso3: "SEN",
      color: "#123456",
    });
    await waitFor(() => watcher.provider.awareness?.getStates().get(liar.doc.clientID)?.user !== undefined);
    const seen = watcher.provider.awareness?.getStates().get(liar.doc.clientID)?.user;
    // The state's code comes from the database too: each viewer names it in their own language.
    expect(seen).toEqual({
      id: harness.world.actors.delegate.id,
      name: harness.world.actors.delegate.name,
      partner: "France",
      iso3: "FRA",
      color: "#123456",
    });
    expect(isPresenceUser(seen)).toBe(true);

    // An organisation has no code: its name is shown as it is.
    const observer = await harness.client("observer", paper.id);
    await observer.synced();
    observer.provider.setAwarenessField("user", { iso3: "FRA", color: "#654321" });
    await waitFor(() => watcher.provider.awareness?.getStates().get(observer.doc.clientID)?.user !== undefined);
    expect(watcher.provider.awareness?.getStates().get(observer.doc.clientID)?.user).toEqual({
      id: harness.world.actors.observer.id,
      name: harness.world.actors.observer.name,
      partner: "IOM",
      iso3: null,
      color: "#654321",
    });
  });
});

describe("policy changes reach open connections", () => {
  it("turns an editing socket read-only within seconds of the paper moving to approval, and stores nothing after", async () => {
    const { paper } = await harness.paper("consultation");
    const chair = await harness.client("chair", paper.id);
    expect(await chair.outcome).toEqual({ ok: true, scope: "read-write" });
    await chair.synced();
    appendParagraph(chair.doc, "Last words before the freeze");
    await chair.acked();

    const scope = new Promise<string>((resolve) =>
      chair.provider.on("authenticated", ({ scope }: { scope: string }) => resolve(scope)),
    );
    const { revision } = await freezeAndOpenRound(harness.db(), harness.world.actors.chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: new Date(Date.now() + 3600_000),
    });
    // The frozen revision holds every acknowledged edit, even before the debounced snapshot ran.
    expect(JSON.stringify(revision.contentJson)).toContain("Last words before the freeze");
    const started = Date.now();
    expect(await scope).toBe("readonly");
    expect(Date.now() - started).toBeLessThan(3_000);

    appendParagraph(chair.doc, "Sneaked in after the freeze");
    await new Promise((r) => setTimeout(r, 500));
    const live = harness.liveDoc(paper.id);
    expect(live ? JSON.stringify(live.getXmlFragment("default").toJSON()) : "").not.toContain("Sneaked");
    expect(await harness.storedUpdates(paper.id)).toHaveLength(0);
    const [row] = await harness.db().select({ text: papers.contentText }).from(papers).where(eq(papers.id, paper.id));
    expect(row?.text).not.toContain("Sneaked");
  });

  it("keeps a chair editing across draft → consultation but turns a delegate suggest-only", async () => {
    const { paper } = await harness.paper("draft");
    const chair = await harness.client("chair", paper.id);
    const delegate = await harness.client("delegate", paper.id);
    await Promise.all([chair.synced(), delegate.synced()]);
    // Other messages (who leads the session) may come first: wait for the rights.
    const delegateRights = new Promise<string>((resolve) =>
      delegate.provider.on("stateless", ({ payload }: { payload: string }) => {
        if (decodeStateless(payload)?.type === "rights") resolve(payload);
      }),
    );
    await changeStage(harness.db(), harness.world.actors.penholder, { paperId: paper.id, to: "consultation" });
    expect(JSON.parse(await delegateRights)).toEqual({ type: "rights", suggestOnly: true, commentOnly: false });
    expect(delegate.provider.authorizedScope).toBe("read-write");
    expect(chair.provider.authorizedScope).toBe("read-write");
    appendParagraph(chair.doc, "Chair keeps drafting");
    await chair.acked();
    await waitFor(() => delegate.text().includes("Chair keeps drafting"));
  });

  it("closes the socket of a member removed from the dialogue, and refuses them on reconnect", async () => {
    const { paper } = await harness.paper("draft");
    const member = await makeMember(harness.db(), harness.world.actors.admin, {
      dialogueId: harness.world.dialogue.id,
      partnerId: harness.world.partners.france,
      role: "delegate",
      label: "leaving",
    });
    const leaving = await harness.client(await sessionCookie(harness.db(), member.email), paper.id);
    expect(await leaving.outcome).toEqual({ ok: true, scope: "read-write" });
    await leaving.synced();
    const refused = new Promise<string>((resolve) =>
      leaving.provider.on("authenticationFailed", ({ reason }: { reason: string }) => resolve(reason)),
    );
    await removeMember(harness.db(), harness.world.actors.admin, { membershipId: member.membershipId });
    expect(await refused).toBe("forbidden");
    expect(harness.liveDoc(paper.id)?.getConnectionsCount() ?? 0).toBe(0);
  });

  it("closes the socket of a member their state's focal point suspends, and lets them back once restored", async () => {
    const { paper } = await harness.paper("draft");
    const member = await makeMember(harness.db(), harness.world.actors.admin, {
      dialogueId: harness.world.dialogue.id,
      partnerId: harness.world.partners.france,
      role: "delegate",
      label: "suspended",
    });
    await appointFocalPoint(harness.db(), harness.world.actors.admin, {
      partnerId: harness.world.partners.france,
      userId: harness.world.actors.delegate.id,
    });
    const focalPoint = await loadActor(harness.db(), harness.world.actors.delegate.id);
    const cookie = await sessionCookie(harness.db(), member.email);
    const suspended = await harness.client(cookie, paper.id);
    await suspended.synced();
    const refused = new Promise<string>((resolve) =>
      suspended.provider.on("authenticationFailed", ({ reason }: { reason: string }) => resolve(reason)),
    );
    const started = Date.now();
    await setMembershipSuspended(harness.db(), focalPoint, { membershipId: member.membershipId, suspended: true });
    // Within seconds: the sweep runs only every minute here, the notice closes it at once.
    expect(await refused).toBe("forbidden");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await (await harness.client(cookie, paper.id)).outcome).toEqual({ ok: false, reason: "forbidden" });

    await setMembershipSuspended(harness.db(), focalPoint, { membershipId: member.membershipId, suspended: false });
    const back = await harness.client(cookie, paper.id);
    expect(await back.outcome).toEqual({ ok: true, scope: "read-write" });
  });

  it("re-checks open connections periodically, e.g. after signing out elsewhere", async () => {
    const sweeping = await harness.startServer({ sweepIntervalMs: 300 });
    try {
      const { paper } = await harness.paper("draft", { content: sampleDoc("Sweep") });
      const session = await harness.signIn("penholder");
      const c = await harness.client(session, paper.id, { on: sweeping });
      await c.synced();
      const refused = new Promise<string>((resolve) =>
        c.provider.on("authenticationFailed", ({ reason }: { reason: string }) => resolve(reason)),
      );
      await endSession(harness.db(), session.sessionId);
      expect(await refused).toBe("unauthenticated");
    } finally {
      await sweeping.stop();
    }
  });
});
