// Ending a session from the account page closes the sockets opened with it, through the real
// collaboration server, at once: not at the next sweep (set to a minute here). Sockets of the
// account's other sessions, and of the session kept, stay open.
import { describe, expect, it } from "vitest";
import { changePassword, endOtherSessions, endOwnSession } from "@/server/domain/account";
import { DEMO_PASSWORD } from "../helpers/demo";
import { sampleDoc } from "../helpers/factories";
import { useCollabHarness } from "./harness";
import { type TestClient, waitFor } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000 });

/** Resolves with the reason when the server refuses the client's session (closing its document). */
function refusal(client: TestClient): Promise<string> {
  return new Promise((resolve) =>
    client.provider.on("authenticationFailed", ({ reason }: { reason: string }) => resolve(reason)),
  );
}

/** Fails unless `promise` settles within `ms`: "within seconds", well before the sweep. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
  ]);
}

describe("ending a session from the account page", () => {
  it("closes that session's socket within seconds, and leaves the account's other session connected", async () => {
    const { paper } = await harness.paper("draft", { content: sampleDoc("Sessions") });
    const phone = await harness.signIn("delegate");
    const laptop = await harness.signIn("delegate");
    const onPhone = await harness.syncedClient(phone, paper.id);
    const onLaptop = await harness.syncedClient(laptop, paper.id);
    const phoneClosed = refusal(onPhone);
    let laptopRefused = false;
    onLaptop.provider.on("authenticationFailed", () => {
      laptopRefused = true;
    });

    await endOwnSession(harness.db(), harness.world.actors.delegate, { sessionId: phone.sessionId });
    expect(await within(phoneClosed, 3_000, "socket closed")).toBe("unauthenticated");
    await waitFor(() => (harness.liveDoc(paper.id)?.getConnectionsCount() ?? 0) === 1, 3_000, "one connection left");
    expect(laptopRefused).toBe(false);
    expect(onLaptop.provider.isSynced).toBe(true);
  });

  it("another user cannot end it: the socket stays open", async () => {
    const { paper } = await harness.paper("draft", { content: sampleDoc("Strangers") });
    const session = await harness.signIn("penholder");
    const client = await harness.syncedClient(session, paper.id);
    let refused = false;
    client.provider.on("authenticationFailed", () => {
      refused = true;
    });
    await expect(
      endOwnSession(harness.db(), harness.world.actors.chair, { sessionId: session.sessionId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(refused).toBe(false);
    expect(harness.liveDoc(paper.id)?.getConnectionsCount()).toBe(1);
  });

  it("signing out everywhere else, or changing the password, closes every other session's socket", async () => {
    const { paper } = await harness.paper("draft", { content: sampleDoc("Everywhere") });
    const kept = await harness.signIn("observer");
    const others = [await harness.signIn("observer"), await harness.signIn("observer")];
    const keptClient = await harness.syncedClient(kept, paper.id);
    const otherClients = await Promise.all(others.map((s) => harness.syncedClient(s, paper.id)));
    let keptRefused = false;
    keptClient.provider.on("authenticationFailed", () => {
      keptRefused = true;
    });
    const closed = otherClients.map(refusal);
    await endOtherSessions(harness.db(), harness.world.actors.observer, { keepSessionId: kept.sessionId });
    expect(await within(Promise.all(closed), 3_000, "sockets closed")).toEqual(["unauthenticated", "unauthenticated"]);
    expect(keptRefused).toBe(false);

    // A new session elsewhere; the password changed from the kept one closes it too.
    const later = await harness.signIn("observer");
    const laterClient = await harness.syncedClient(later, paper.id);
    const laterClosed = refusal(laterClient);
    await changePassword(harness.db(), harness.world.actors.observer, {
      sessionId: kept.sessionId,
      currentPassword: DEMO_PASSWORD,
      newPassword: "a fresh phrase for the watcher at the table",
      newPasswordAgain: "a fresh phrase for the watcher at the table",
    });
    expect(await within(laterClosed, 3_000, "socket closed after the password change")).toBe("unauthenticated");
    expect(keptRefused).toBe(false);
  });
});
