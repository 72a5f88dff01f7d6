// The collaboration socket follows a dialogue's two-factor requirement as pages do: a session
// opened with a password alone is refused (and an open socket of one is closed when the
// requirement is set); a session that proved a second factor keeps its access.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { openSession } from "@/server/auth/sign-in";
import { setDialogueTwoFactor } from "@/server/domain/dialogues";
import { useCollabHarness } from "./harness";
import { waitFor } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000, storeDebounceMs: 200 });

/** The cookie of a session opened by `method` (as the sign-in with a code or SSO opens one). */
async function cookieOf(userId: string, method: "totp" | "oidc") {
  const sid = await openSession(harness.db(), { userId, method });
  const secret = process.env.AUTH_SECRET ?? "";
  const jwt = await encode({ token: { sub: userId, sid }, secret, salt: "authjs.session-token" });
  return `authjs.session-token=${jwt}`;
}

describe("a dialogue that requires a second factor", () => {
  it("closes a password-only socket, refuses new ones, and keeps totp and SSO sessions", async () => {
    const { paper } = await harness.paper("draft");
    const { dialogue, actors } = harness.world;
    const open = await harness.syncedClient("delegate", paper.id);
    let closed = false;
    open.provider.on("close", () => {
      closed = true;
    });

    await setDialogueTwoFactor(harness.db(), actors.admin, { dialogueId: dialogue.id, required: true });
    try {
      // Notified at once, not at the next sweep (a minute here).
      await waitFor(() => closed, 5_000, "the password-only socket closed");
      const again = await harness.client("delegate", paper.id);
      expect(await again.outcome).toEqual({ ok: false, reason: "forbidden" });

      for (const method of ["totp", "oidc"] as const) {
        const client = await harness.client({ cookie: await cookieOf(actors.delegate.id, method) }, paper.id);
        expect(await client.outcome).toEqual({ ok: true, scope: "read-write" });
        await client.synced();
      }
    } finally {
      await setDialogueTwoFactor(harness.db(), actors.admin, { dialogueId: dialogue.id, required: false });
    }
    const back = await harness.client("delegate", paper.id);
    expect(await back.outcome).toEqual({ ok: true, scope: "read-write" });
  });
});
