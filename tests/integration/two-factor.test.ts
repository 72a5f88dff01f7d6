// Two-factor sign-in against a real database: set-up, sign-in with a code, a wrong or replayed
// code, recovery codes used once, turning it off, and a dialogue that requires it.
import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, authSessions, recoveryCodes, users } from "@/db/schema";
import { type ActorProfile, loadSessionActor } from "@/server/actor";
import { FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS, openSession, signInWithPassword } from "@/server/auth/sign-in";
import { totpCode } from "@/server/auth/totp";
import { setDialogueTwoFactor } from "@/server/domain/dialogues";
import {
  beginTwoFactorSetUp,
  confirmTwoFactorSetUp,
  disableTwoFactor,
  pendingTwoFactorSetUp,
  regenerateRecoveryCodes,
  resetTwoFactorByAdministrator,
} from "@/server/domain/two-factor";
import { AppError } from "@/server/errors";
import { useTestDatabase } from "../helpers/database";
import { ensureAdmin, loadActor, makeAccount, makeDialogue, makeMember, TEST_PASSWORD } from "../helpers/factories";

process.env.AUTH_SECRET ??= "two-factor-test-secret-0123456789abcdef0123";

const testDb = useTestDatabase();
let admin: ActorProfile;

beforeAll(async () => {
  admin = await ensureAdmin(testDb.db());
});

/** A client address of its own (documentation range): each test starts with whole allowances. */
let addresses = 0;
const anAddress = () => `198.51.100.${++addresses}`;

const STEP_MS = 30_000;
/** An instant in the middle of a time step, so that "a step later" is unambiguous. */
const start = new Date(Math.floor(Date.now() / STEP_MS) * STEP_MS + 15_000);
const at = (steps: number) => new Date(start.getTime() + steps * STEP_MS);

async function userRow(id: string) {
  const [row] = await testDb.db().select().from(users).where(eq(users.id, id));
  if (!row) throw new Error("user vanished");
  return row;
}

async function auditCount(action: string, targetId: string) {
  const [row] = await testDb
    .db()
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
  return Number(row?.n ?? 0);
}

async function sessionMethod(sessionId: string) {
  const [row] = await testDb
    .db()
    .select({ method: authSessions.signInMethod })
    .from(authSessions)
    .where(eq(authSessions.id, sessionId));
  return row?.method;
}

async function rejection(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** An account with two-factor sign-in confirmed at step 0: its secret and recovery codes. */
async function accountWithTwoFactor() {
  const db = testDb.db();
  const user = await makeAccount(db, admin);
  const actor = await loadActor(db, user.id);
  await beginTwoFactorSetUp(db, actor);
  const pending = await pendingTwoFactorSetUp(db, actor);
  if (!pending) throw new Error("no pending set-up");
  const { recoveryCodes: codes } = await confirmTwoFactorSetUp(
    db,
    actor,
    { code: totpCode(pending.secret, at(0)) },
    at(0),
  );
  return { user, actor, secret: pending.secret, codes };
}

describe("setting up", () => {
  it("keeps a sealed, pending secret until a code confirms it, then shows ten recovery codes stored as hashes", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const actor = await loadActor(db, user.id);
    await beginTwoFactorSetUp(db, actor);
    const pending = await pendingTwoFactorSetUp(db, actor);
    if (!pending) throw new Error("no pending set-up");
    expect(pending.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(pending.uri).toContain(`secret=${pending.secret}`);
    const row = await userRow(user.id);
    expect(row.totpSecret).not.toBeNull();
    expect(row.totpSecret).not.toContain(pending.secret);
    expect(row.totpEnabledAt).toBeNull();
    // Pending grants nothing and asks nothing: the password alone still signs in.
    expect(
      await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: anAddress() }),
    ).toMatchObject({ ok: true });

    const wrong = await rejection(confirmTwoFactorSetUp(db, actor, { code: "000000" }, at(0)));
    expect(wrong.messageKey).toBe("twoFactor.errors.wrongCode");
    expect((await userRow(user.id)).totpEnabledAt).toBeNull();

    const { recoveryCodes: codes } = await confirmTwoFactorSetUp(
      db,
      actor,
      { code: totpCode(pending.secret, at(0)) },
      at(0),
    );
    expect(codes).toHaveLength(10);
    const confirmed = await userRow(user.id);
    expect(confirmed.totpEnabledAt?.getTime()).toBe(at(0).getTime());
    expect(confirmed.totpLastStep).toBe(Math.floor(at(0).getTime() / STEP_MS));
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const code of codes) {
      expect(stored.some((s) => s.codeHash.includes(code.replace("-", "")))).toBe(false);
    }
    expect(await auditCount("user.two_factor_enabled", user.id)).toBe(1);
    // Nothing more to confirm, nothing to start again.
    expect((await rejection(beginTwoFactorSetUp(db, actor))).messageKey).toBe("twoFactor.errors.alreadyOn");
    expect(await pendingTwoFactorSetUp(db, actor)).toBeNull();
  });
});

describe("signing in with a second factor", () => {
  it("asks for a code only once the password is right, and opens a totp session with a current one", async () => {
    const db = testDb.db();
    const { user, secret } = await accountWithTwoFactor();
    const address = anAddress();
    // A wrong password reads the same as on an account without a second factor, code or not.
    expect(await signInWithPassword(db, { email: user.email, password: "wrong password!!", address }, at(1))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await signInWithPassword(
        db,
        { email: user.email, password: "wrong password!!", code: totpCode(secret, at(1)), address },
        at(1),
      ),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address }, at(1))).toEqual({
      ok: false,
      reason: "codeRequired",
    });
    const result = await signInWithPassword(
      db,
      { email: user.email, password: TEST_PASSWORD, code: totpCode(secret, at(1)), address },
      at(1),
    );
    if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
    expect(await sessionMethod(result.sessionId)).toBe("totp");
  });

  it("refuses a wrong code, a replayed code, and the code that confirmed the set-up", async () => {
    const db = testDb.db();
    const { user, secret } = await accountWithTwoFactor();
    const address = anAddress();
    const attempt = (code: string, now: Date) =>
      signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, code, address }, now);
    expect(await attempt("123456" === totpCode(secret, at(1)) ? "654321" : "123456", at(1))).toEqual({
      ok: false,
      reason: "invalidCode",
    });
    // Step 0's code confirmed the set-up: spent, even inside the window.
    expect(await attempt(totpCode(secret, at(0)), at(1))).toEqual({ ok: false, reason: "invalidCode" });
    expect(await attempt(totpCode(secret, at(1)), at(1))).toMatchObject({ ok: true });
    expect(await attempt(totpCode(secret, at(1)), at(1))).toEqual({ ok: false, reason: "invalidCode" });
    // An older code, still in the window, after a newer one was accepted.
    expect(await attempt(totpCode(secret, at(2)), at(2))).toMatchObject({ ok: true });
    expect(await attempt(totpCode(secret, at(1)), at(2))).toEqual({ ok: false, reason: "invalidCode" });
  });

  it("counts a wrong code as a failed sign-in, under the same allowance as a wrong password", async () => {
    const db = testDb.db();
    const { user, secret } = await accountWithTwoFactor();
    const address = anAddress();
    const wrong = totpCode(secret, at(10));
    for (let i = 0; i < FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS.limit; i++) {
      expect(
        await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, code: wrong, address }, at(1)),
      ).toEqual({ ok: false, reason: "invalidCode" });
    }
    expect(
      await signInWithPassword(
        db,
        { email: user.email, password: TEST_PASSWORD, code: totpCode(secret, at(1)), address },
        at(1),
      ),
    ).toMatchObject({ ok: false, reason: "throttled" });
    // Another address is not slowed down.
    expect(
      await signInWithPassword(
        db,
        { email: user.email, password: TEST_PASSWORD, code: totpCode(secret, at(1)), address: anAddress() },
        at(1),
      ),
    ).toMatchObject({ ok: true });
  });

  it("accepts each recovery code once, however it is typed, and audits its use", async () => {
    const db = testDb.db();
    const { user, codes } = await accountWithTwoFactor();
    const address = anAddress();
    const [first = "", second = ""] = codes;
    const attempt = (code: string) =>
      signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, code, address }, at(1));
    const result = await attempt(first);
    if (!result.ok) throw new Error(`recovery code refused: ${result.reason}`);
    expect(await sessionMethod(result.sessionId)).toBe("recovery_code");
    expect(await attempt(first)).toEqual({ ok: false, reason: "invalidCode" });
    expect(await attempt(second.toUpperCase().replace("-", " "))).toMatchObject({ ok: true });
    expect(await auditCount("user.recovery_code_used", user.id)).toBe(2);
    const [left] = await db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
    expect(left?.n).toBe(8);
  });
});

describe("managing the second factor", () => {
  it("makes new recovery codes given a current code; the old ones stop working", async () => {
    const db = testDb.db();
    const { user, actor, secret, codes } = await accountWithTwoFactor();
    const address = anAddress();
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(
      db,
      actor,
      { proof: totpCode(secret, at(1)), address },
      at(1),
    );
    expect(fresh).toHaveLength(10);
    expect(await auditCount("user.recovery_codes_regenerated", user.id)).toBe(1);
    const attempt = (code: string) =>
      signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, code, address }, at(2));
    expect(await attempt(codes[0] ?? "")).toEqual({ ok: false, reason: "invalidCode" });
    expect(await attempt(fresh[0] ?? "")).toMatchObject({ ok: true });
  });

  it("turns off with the password (not with a wrong one), and the password alone signs in again", async () => {
    const db = testDb.db();
    const { user, actor } = await accountWithTwoFactor();
    const address = anAddress();
    const wrong = await rejection(disableTwoFactor(db, actor, { proof: "not the password", address }, at(1)));
    expect(wrong.messageKey).toBe("twoFactor.errors.wrongProof");
    expect((await userRow(user.id)).totpEnabledAt).not.toBeNull();
    await disableTwoFactor(db, actor, { proof: TEST_PASSWORD, address }, at(1));
    const row = await userRow(user.id);
    expect([row.totpSecret, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await auditCount("user.two_factor_disabled", user.id)).toBe(1);
    const result = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address }, at(2));
    if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
    expect(await sessionMethod(result.sessionId)).toBe("password");
  });
});

describe("the secretariat removes a lost second factor", () => {
  it("only an administrator; every session ends, the owner signs in by password and may set it up again", async () => {
    const db = testDb.db();
    const { user, secret } = await accountWithTwoFactor();
    const address = anAddress();
    const before = await signInWithPassword(
      db,
      { email: user.email, password: TEST_PASSWORD, code: totpCode(secret, at(1)), address },
      at(1),
    );
    if (!before.ok) throw new Error(`sign-in refused: ${before.reason}`);
    const other = await makeAccount(db, admin);
    const rejected = await rejection(
      resetTwoFactorByAdministrator(db, await loadActor(db, other.id), { userId: user.id }),
    );
    expect(rejected.code).not.toBe("conflict");
    expect((await userRow(user.id)).totpEnabledAt).not.toBeNull();

    await resetTwoFactorByAdministrator(db, admin, { userId: user.id });
    const row = await userRow(user.id);
    expect([row.totpSecret, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await loadSessionActor(db, before.sessionId)).toBeNull();
    expect(await auditCount("user.two_factor_reset", user.id)).toBe(1);
    const after = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address }, at(2));
    expect(after).toMatchObject({ ok: true });
    // Nothing left to remove: a second attempt is a conflict and changes nothing.
    expect((await rejection(resetTwoFactorByAdministrator(db, admin, { userId: user.id }))).code).toBe("conflict");
  });
});

describe("a dialogue that requires a second factor", () => {
  it("hides its membership from a password-only session and grants it to a session with a second factor", async () => {
    const db = testDb.db();
    const { dialogue, partnerIds } = await makeDialogue(db, admin, [{ kind: "state", iso3: "SEN" }]);
    const senegal = partnerIds.get("SEN") ?? "";
    const member = await makeMember(db, admin, { dialogueId: dialogue.id, partnerId: senegal, role: "delegate" });

    // Only the secretariat decides it.
    const memberActor = await loadActor(db, member.userId);
    const refused = await rejection(setDialogueTwoFactor(db, memberActor, { dialogueId: dialogue.id, required: true }));
    expect(refused.code).toBe("forbidden");
    expect(await setDialogueTwoFactor(db, admin, { dialogueId: dialogue.id, required: true })).toEqual({
      changed: true,
    });
    expect(await auditCount("dialogue.two_factor_required", dialogue.id)).toBe(1);

    const password = await signInWithPassword(db, {
      email: member.email,
      password: TEST_PASSWORD,
      address: anAddress(),
    });
    if (!password.ok) throw new Error(`sign-in refused: ${password.reason}`);
    const withoutFactor = await loadSessionActor(db, password.sessionId);
    expect(withoutFactor?.memberships.has(dialogue.id)).toBe(false);
    expect(withoutFactor?.secondFactorNeeded).toBe(true);

    // Single sign-on counts as a second factor (the ministry's provider applies its own policy).
    const sso = await openSession(db, { userId: member.userId, method: "oidc" });
    const viaSso = await loadSessionActor(db, sso);
    expect(viaSso?.memberships.get(dialogue.id)?.role).toBe("delegate");
    expect(viaSso?.secondFactorNeeded).toBeUndefined();

    // The member sets it up (from the password session, on the page the guard sends them to)…
    if (!withoutFactor) throw new Error("no actor");
    await beginTwoFactorSetUp(db, withoutFactor);
    const pending = await pendingTwoFactorSetUp(db, withoutFactor);
    if (!pending) throw new Error("no pending set-up");
    await confirmTwoFactorSetUp(db, withoutFactor, { code: totpCode(pending.secret, at(0)) }, at(0));
    // … the session they set it up from still lacks it …
    expect((await loadSessionActor(db, password.sessionId))?.memberships.has(dialogue.id)).toBe(false);
    // … and cannot turn it off while the dialogue requires it.
    const kept = await rejection(
      disableTwoFactor(db, withoutFactor, { proof: TEST_PASSWORD, address: anAddress() }, at(1)),
    );
    expect(kept.messageKey).toBe("twoFactor.errors.requiredByDialogue");

    // Signing in again with a code grants the membership.
    const totp = await signInWithPassword(
      db,
      { email: member.email, password: TEST_PASSWORD, code: totpCode(pending.secret, at(1)), address: anAddress() },
      at(1),
    );
    if (!totp.ok) throw new Error(`sign-in refused: ${totp.reason}`);
    const withFactor = await loadSessionActor(db, totp.sessionId);
    expect(withFactor?.memberships.get(dialogue.id)?.role).toBe("delegate");
    expect(withFactor?.secondFactorNeeded).toBeUndefined();

    // Optional again: every session has the membership back, and turning it off is allowed.
    await setDialogueTwoFactor(db, admin, { dialogueId: dialogue.id, required: false });
    expect(await auditCount("dialogue.two_factor_optional", dialogue.id)).toBe(1);
    const again = await loadSessionActor(db, password.sessionId);
    expect(again?.memberships.has(dialogue.id)).toBe(true);
    expect(again?.secondFactorNeeded).toBeUndefined();
    await disableTwoFactor(db, withoutFactor, { proof: TEST_PASSWORD, address: anAddress() }, at(1));
  });
});
