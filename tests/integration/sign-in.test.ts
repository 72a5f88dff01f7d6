// Signing in against a real database: password checks, throttling, sessions, deactivation.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, authSessions, users } from "@/db/schema";
import { type ActorProfile, loadSessionActor } from "@/server/actor";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password-policy";
import {
  endSession,
  FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS,
  SESSION_MAX_AGE_SECONDS,
  sessionUserId,
  signInWithPassword,
} from "@/server/auth/sign-in";
import { setPasswordByLink } from "@/server/domain/account-links";
import { addMember } from "@/server/domain/memberships";
import { createAccount, setAccountActive } from "@/server/domain/users";
import { AppError } from "@/server/errors";
import { waitFor } from "../collab/helpers";
import { useTestDatabase } from "../helpers/database";
import {
  ensureAdmin,
  loadActor,
  makeAccount,
  makeDialogue,
  makeMember,
  TEST_PASSWORD,
  uniqueToken,
} from "../helpers/factories";
import { resetMailer, type SmtpSink, startSmtpSink } from "../helpers/smtp";

const testDb = useTestDatabase();
let admin: ActorProfile;
let sink: SmtpSink;
const savedSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  admin = await ensureAdmin(testDb.db());
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  resetMailer();
});

afterAll(async () => {
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  resetMailer();
  await sink.stop();
});

/** A client address of its own (documentation range): each test starts with whole allowances. */
let addresses = 0;
const anAddress = () => `203.0.113.${++addresses}`;

async function userRow(id: string) {
  const [row] = await testDb.db().select().from(users).where(eq(users.id, id));
  if (!row) throw new Error("user vanished");
  return row;
}

async function sessionCount(userId: string) {
  const [row] = await testDb.db().select({ n: count() }).from(authSessions).where(eq(authSessions.userId, userId));
  return Number(row?.n ?? 0);
}

async function auditCount(action: string, targetId: string) {
  const [row] = await testDb
    .db()
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
  return Number(row?.n ?? 0);
}

describe("signInWithPassword", () => {
  it("signs in with the right password and records a server-side session", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const now = new Date();
    const result = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, now);
    expect(result).toMatchObject({ ok: true, userId: user.id });
    if (!result.ok) throw new Error("unreachable");

    const [session] = await db.select().from(authSessions).where(eq(authSessions.id, result.sessionId));
    expect(session?.userId).toBe(user.id);
    expect(session?.expiresAt.getTime()).toBe(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    expect(await sessionUserId(db, result.sessionId, now)).toBe(user.id);
    expect(await auditCount("user.signed_in", user.id)).toBe(1);
  });

  it("ignores case and surrounding spaces in the email", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const result = await signInWithPassword(db, { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD });
    expect(result).toMatchObject({ ok: true, userId: user.id });
  });

  it("refuses a wrong password as invalid, opening nothing", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const result = await signInWithPassword(db, {
      email: user.email,
      password: "not-the-password",
      address: anAddress(),
    });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("refuses an unknown email as invalid, exactly like a wrong password", async () => {
    const db = testDb.db();
    const [before] = await db.select({ n: count() }).from(authSessions);
    const result = await signInWithPassword(db, {
      email: `nobody.${uniqueToken()}@test.accord`,
      password: TEST_PASSWORD,
      address: anAddress(),
    });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    const [after] = await db.select({ n: count() }).from(authSessions);
    expect(Number(after?.n)).toBe(Number(before?.n));
  });

  it("slows a known and an unknown email alike from one address, never locks the owner out, and tells them", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const unknown = `nobody.${uniqueToken()}@test.accord`;
    const stranger = anAddress();
    const { limit } = FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS;
    for (let i = 1; i <= limit; i++) {
      expect(await signInWithPassword(db, { email: user.email, password: `wrong-${i}`, address: stranger })).toEqual({
        ok: false,
        reason: "invalid",
      });
      expect(await signInWithPassword(db, { email: unknown, password: `wrong-${i}`, address: stranger })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // From the stranger's address both now wait, the same time, even with the right password.
    const known = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: stranger });
    const other = await signInWithPassword(db, { email: unknown, password: TEST_PASSWORD, address: stranger });
    expect(known).toMatchObject({ ok: false, reason: "throttled" });
    expect(other).toEqual(known);
    expect(await sessionCount(user.id)).toBe(0);
    // The owner, from their own address, is not affected.
    expect(
      await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: anAddress() }),
    ).toMatchObject({
      ok: true,
      userId: user.id,
    });
    // They are told once, by email, and the audit log has it; an unknown email tells nobody.
    const warnings = () => sink.to(user.email).filter((m) => m.subject === "Failed sign-ins to your Accord account");
    await waitFor(() => warnings().length > 0, 10_000, "the owner's email");
    const [mail] = warnings();
    expect(warnings()).toHaveLength(1);
    expect(mail?.text).toContain(`${limit} failed attempts`);
    expect(mail?.text).toContain(stranger);
    await waitFor(async () => (await auditCount("user.sign_in_failed", user.id)) === 1, 5_000, "the audit row");
    expect(sink.to(unknown)).toEqual([]);
  });
});

describe("sessions", () => {
  it("loadSessionActor reads a live session's user with every membership, and nobody for a dead one", async () => {
    const db = testDb.db();
    const { dialogue, partnerIds } = await makeDialogue(db, admin, [{ kind: "state", iso3: "SEN" }]);
    const { dialogue: other, partnerIds: otherPartners } = await makeDialogue(db, admin, [
      { kind: "state", iso3: "MAR" },
    ]);
    const member = await makeMember(db, admin, {
      dialogueId: dialogue.id,
      partnerId: partnerIds.get("SEN") ?? "",
      role: "delegate",
    });
    const memberSelf = await loadActor(db, member.userId);
    const now = new Date();
    const session = await signInWithPassword(db, { email: member.email, password: TEST_PASSWORD }, now);
    if (!session.ok) throw new Error("sign-in failed");
    // A second membership, so that the one query must fold several rows into one actor.
    await addMember(db, admin, {
      dialogueId: other.id,
      email: member.email,
      role: "observer",
      partnerId: otherPartners.get("MAR") ?? "",
    });

    const actor = await loadSessionActor(db, session.sessionId, now);
    expect(actor).toMatchObject({ id: member.userId, email: member.email, name: memberSelf.name, globalRole: null });
    expect(Object.fromEntries(actor?.memberships ?? [])).toEqual({
      [dialogue.id]: { role: "delegate", partnerId: partnerIds.get("SEN") },
      [other.id]: { role: "observer", partnerId: otherPartners.get("MAR") },
    });
    // Past its expiry, ended, or its account deactivated: nobody.
    const afterExpiry = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + 1000);
    expect(await loadSessionActor(db, session.sessionId, afterExpiry)).toBeNull();
    const second = await signInWithPassword(db, { email: member.email, password: TEST_PASSWORD });
    if (!second.ok) throw new Error("sign-in failed");
    await endSession(db, session.sessionId);
    expect(await loadSessionActor(db, session.sessionId)).toBeNull();
    expect((await loadSessionActor(db, second.sessionId))?.id).toBe(member.userId);
    await setAccountActive(db, admin, { userId: member.userId, active: false });
    expect(await loadSessionActor(db, second.sessionId)).toBeNull();
  });

  it("endSession ends the session: sessionUserId returns null and the row is gone", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const result = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: anAddress() });
    if (!result.ok) throw new Error("sign-in failed");
    expect(await sessionUserId(db, result.sessionId)).toBe(user.id);

    await endSession(db, result.sessionId);
    expect(await sessionUserId(db, result.sessionId)).toBeNull();
    expect(await sessionCount(user.id)).toBe(0);
    expect(await auditCount("user.signed_out", user.id)).toBe(1);
    // Ending it twice is harmless and writes nothing more.
    await endSession(db, result.sessionId);
    expect(await auditCount("user.signed_out", user.id)).toBe(1);
  });

  it("an expired session names nobody", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const now = new Date();
    const result = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD }, now);
    if (!result.ok) throw new Error("sign-in failed");
    const afterExpiry = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + 1000);
    expect(await sessionUserId(db, result.sessionId, afterExpiry)).toBeNull();
  });

  it("deactivating an account ends its sessions and refuses sign-in; reactivating lets it back in", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const first = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: anAddress() });
    const second = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: anAddress() });
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    expect(await sessionCount(user.id)).toBe(2);

    await setAccountActive(db, admin, { userId: user.id, active: false });
    expect((await userRow(user.id)).deactivatedAt).toBeInstanceOf(Date);
    expect(await sessionCount(user.id)).toBe(0);
    expect(await sessionUserId(db, first.sessionId)).toBeNull();
    expect(await sessionUserId(db, second.sessionId)).toBeNull();
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: anAddress() })).toEqual({
      ok: false,
      reason: "deactivated",
    });
    expect(await sessionCount(user.id)).toBe(0);
    expect(await auditCount("user.deactivated", user.id)).toBe(1);

    await setAccountActive(db, admin, { userId: user.id, active: true });
    expect(
      await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: anAddress() }),
    ).toMatchObject({
      ok: true,
      userId: user.id,
    });
    expect(await auditCount("user.reactivated", user.id)).toBe(1);
  });

  it("only an administrator deactivates, and never themselves", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const other = await makeAccount(db, admin);
    const actor = await loadActor(db, other.id);
    await expect(setAccountActive(db, actor, { userId: user.id, active: false })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(setAccountActive(db, admin, { userId: admin.id, active: false })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect((await userRow(user.id)).deactivatedAt).toBeNull();
    expect((await userRow(admin.id)).deactivatedAt).toBeNull();
  });
});

describe("password storage", () => {
  it("stores argon2id hashes, never the password", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const row = await userRow(user.id);
    expect(row.passwordHash?.startsWith("$argon2id$")).toBe(true);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    // Two accounts with the same password get different (salted) hashes.
    const twin = await userRow((await makeAccount(db, admin)).id);
    expect(twin.passwordHash).not.toBe(row.passwordHash);
  });

  /** An invited account: its owner sets the password through the invitation link. */
  async function invited(db: ReturnType<typeof testDb.db>, local: string) {
    const account = await createAccount(db, admin, { email: `${local}.${uniqueToken()}@test.accord`, name: "Invitee" });
    const choose = (password: string) =>
      setPasswordByLink(db, { token: account.invitation.token, purpose: "invitation", password });
    return { account, choose };
  }

  it(`refuses passwords shorter than ${MIN_PASSWORD_LENGTH} characters and sets nothing`, async () => {
    const db = testDb.db();
    const { account, choose } = await invited(db, "short");
    const attempt = choose("x".repeat(MIN_PASSWORD_LENGTH - 1));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "invalid_input", messageKey: "errors.passwordTooShort" });
    expect((await userRow(account.id)).passwordHash).toBeNull();
  });

  it("refuses a common password, or one built on the email, with the reason, and sets nothing", async () => {
    const db = testDb.db();
    const { account, choose } = await invited(db, "claire");
    await expect(choose("Password2024!")).rejects.toMatchObject({
      code: "invalid_input",
      messageKey: "errors.passwordCommon",
    });
    await expect(choose(`${account.email.split("@")[0]} is me`)).rejects.toMatchObject({
      code: "invalid_input",
      messageKey: "errors.passwordPersonal",
    });
    expect((await userRow(account.id)).passwordHash).toBeNull();
    // The link still works for a good password.
    await choose(TEST_PASSWORD);
    expect((await userRow(account.id)).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("refuses a second account with the same email (any case) as a conflict", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    await expect(createAccount(db, admin, { email: user.email.toUpperCase(), name: "Twin" })).rejects.toMatchObject({
      code: "conflict",
    });
    const rows = await db.select().from(users).where(eq(users.email, user.email));
    expect(rows).toHaveLength(1);
  });
});
