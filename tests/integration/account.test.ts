// The account page's domain against a real database and a real SMTP server: changing one's own
// password (rules, the failed sign-in allowance, other sessions ended), email choices honoured by
// every mail that is not about security, and sessions listed and ended by their owner only.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { approvalRounds, auditEvents, authSessions, notifications, users } from "@/db/schema";
import { newAnchorId } from "@/lib/editor/annotations";
import { emailKinds } from "@/lib/email-preferences";
import type { ActorProfile } from "@/server/actor";
import { FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS, signInWithPassword } from "@/server/auth/sign-in";
import {
  changePassword,
  endOtherSessions,
  endOwnSession,
  LAST_SEEN_PRECISION_MS,
  noteSessionSeen,
  setEmailPreferences,
} from "@/server/domain/account";
import { createThread } from "@/server/domain/comments";
import { addMember, appointFocalPoint } from "@/server/domain/memberships";
import { sendDueReminders } from "@/server/domain/notifications";
import { recordPosition } from "@/server/domain/workflow";
import { AppError } from "@/server/errors";
import { can } from "@/server/policy";
import { accountOf, accountSessions } from "@/server/queries/account";
import { useTestDatabase } from "../helpers/database";
import {
  type DialogueWithRoles,
  ensureAdmin,
  loadActor,
  makeAccount,
  makeDialogueWithRoles,
  makePaperInStatus,
  TEST_PASSWORD,
  uniqueToken,
} from "../helpers/factories";
import { resetMailer, type SmtpSink, startSmtpSink } from "../helpers/smtp";

const testDb = useTestDatabase();
const savedSmtpUrl = process.env.SMTP_URL;
let sink: SmtpSink;
let admin: ActorProfile;
let world: DialogueWithRoles;

const NEW_PASSWORD = "a walk along the Bou Regreg at dusk";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0";
const SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  resetMailer();
  admin = await ensureAdmin(testDb.db());
  world = await makeDialogueWithRoles(testDb.db());
});

afterAll(async () => {
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  resetMailer();
  await sink.stop();
});

beforeEach(() => sink.clear());

/** A client address of its own (documentation range): each test starts with whole allowances. */
let addresses = 0;
const anAddress = () => `198.51.100.${++addresses}`;

async function expectAppError(attempt: Promise<unknown>, code: AppError["code"], messageKey?: string) {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

/** The mails to an address after its invitation (which every test account accepted). */
const mailsTo = (address: string) => sink.to(address).filter((m) => m.subject !== "You are invited to Accord");

/** A new account with `n` sessions, opened from the given browsers. */
async function accountWithSessions(userAgents: (string | null)[]) {
  const db = testDb.db();
  const user = await makeAccount(db, admin);
  const sessionIds: string[] = [];
  for (const userAgent of userAgents) {
    const result = await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, userAgent });
    if (!result.ok) throw new Error("sign-in failed");
    sessionIds.push(result.sessionId);
  }
  return { user, actor: await loadActor(db, user.id), sessionIds };
}

async function liveSessionIds(userId: string) {
  const rows = await testDb
    .db()
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(eq(authSessions.userId, userId));
  return rows.map((r) => r.id).sort();
}

async function passwordHashOf(userId: string) {
  const [row] = await testDb.db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash;
}

async function auditOf(action: string, targetId: string) {
  return testDb
    .db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
}

describe("changing one's password", () => {
  it("changes it, ends every other session (audited) and tells the owner by email, whatever their email choices", async () => {
    const db = testDb.db();
    const { user, actor, sessionIds } = await accountWithSessions([FIREFOX, SAFARI, null]);
    const [current, ...others] = sessionIds as [string, ...string[]];
    await setEmailPreferences(db, actor, Object.fromEntries(emailKinds.map((k) => [k, false])));

    const result = await changePassword(db, actor, {
      sessionId: current,
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      newPasswordAgain: NEW_PASSWORD,
      address: anAddress(),
    });
    expect(result).toEqual({ sessionsEnded: others.length });
    expect(await liveSessionIds(user.id)).toEqual([current]);
    expect(await auditOf("user.password_changed", user.id)).toEqual([
      expect.objectContaining({ actorId: user.id, details: { sessionsEnded: 2 } }),
    ]);
    expect(await signInWithPassword(db, { email: user.email, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address: anAddress() })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const mails = mailsTo(user.email);
    expect(mails.map((m) => m.subject)).toEqual(["Your Accord password was changed"]);
    expect(mails[0]?.text).toContain("every other session of the account was signed out");
  });

  it("refuses a new password that breaks the rules, or differs from its confirmation, and keeps the old one", async () => {
    const db = testDb.db();
    const { user, actor, sessionIds } = await accountWithSessions([FIREFOX, SAFARI]);
    const before = await passwordHashOf(user.id);
    const attempt = (newPassword: string, newPasswordAgain = newPassword) =>
      changePassword(db, actor, {
        sessionId: sessionIds[0] ?? "",
        currentPassword: TEST_PASSWORD,
        newPassword,
        newPasswordAgain,
        address: anAddress(),
      });
    await expectAppError(attempt("short pass"), "invalid_input", "errors.passwordTooShort");
    await expectAppError(attempt("x".repeat(1025)), "invalid_input", "errors.passwordTooLong");
    await expectAppError(attempt("Password2024!"), "invalid_input", "errors.passwordCommon");
    await expectAppError(attempt(`my own ${user.email} address`), "invalid_input", "errors.passwordPersonal");
    await expectAppError(
      attempt(NEW_PASSWORD, `${NEW_PASSWORD}!`),
      "invalid_input",
      "account.password.errors.mismatch",
    );
    expect(await passwordHashOf(user.id)).toBe(before);
    expect(await liveSessionIds(user.id)).toEqual([...sessionIds].sort());
    expect(await auditOf("user.password_changed", user.id)).toEqual([]);
    expect(mailsTo(user.email)).toEqual([]);
  });

  it("counts a wrong current password as a failed sign-in of the account from that address", async () => {
    const db = testDb.db();
    const { user, actor, sessionIds } = await accountWithSessions([FIREFOX]);
    const address = anAddress();
    const attempt = (currentPassword: string, from = address) =>
      changePassword(db, actor, {
        sessionId: sessionIds[0] ?? "",
        currentPassword,
        newPassword: NEW_PASSWORD,
        newPasswordAgain: NEW_PASSWORD,
        address: from,
      });
    for (let i = 0; i < FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS.limit; i++) {
      await expectAppError(attempt(`guess number ${i}`), "invalid_input", "account.password.errors.wrongCurrent");
    }
    // The allowance is spent: even the right password waits, here and on the sign-in form.
    await expectAppError(attempt(TEST_PASSWORD), "rate_limited", "account.password.errors.throttled");
    expect(await signInWithPassword(db, { email: user.email, password: TEST_PASSWORD, address })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    // The owner was told, as for failed sign-ins.
    await expect
      .poll(() => mailsTo(user.email).map((m) => m.subject))
      .toEqual(["Failed sign-ins to your Accord account"]);
    expect(await auditOf("user.sign_in_failed", user.id)).toHaveLength(1);
    expect(await auditOf("user.password_changed", user.id)).toEqual([]);
    // From the owner's own address, the change goes through.
    await attempt(TEST_PASSWORD, anAddress());
    expect(await signInWithPassword(db, { email: user.email, password: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it("has no password to change for an account that signs in through single sign-on only", async () => {
    const db = testDb.db();
    const { user, actor, sessionIds } = await accountWithSessions([FIREFOX]);
    await db.update(users).set({ passwordHash: null }).where(eq(users.id, user.id));
    expect(await accountOf(db, actor)).toMatchObject({ hasPassword: false });
    await expectAppError(
      changePassword(db, actor, {
        sessionId: sessionIds[0] ?? "",
        currentPassword: "anything at all",
        newPassword: NEW_PASSWORD,
        newPasswordAgain: NEW_PASSWORD,
      }),
      "invalid_input",
      "account.password.errors.noPassword",
    );
    expect(await passwordHashOf(user.id)).toBeNull();
  });

  it("is refused without an actor", async () => {
    await expectAppError(
      changePassword(testDb.db(), null, {
        sessionId: "00000000-0000-4000-8000-000000000000",
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
        newPasswordAgain: NEW_PASSWORD,
      }),
      "not_found",
    );
  });
});

describe("email choices", () => {
  const preferencesOf = async (userId: string) => {
    const [row] = await testDb.db().select({ p: users.emailPreferences }).from(users).where(eq(users.id, userId));
    return row?.p;
  };
  const inApp = async (userId: string, kind: string, paperId: string) => {
    const [row] = await testDb
      .db()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind), eq(notifications.paperId, paperId)));
    return Number(row?.n ?? 0);
  };
  const setWanted = (actor: ActorProfile, wanted: Parameters<typeof setEmailPreferences>[2]) =>
    setEmailPreferences(testDb.db(), actor, wanted);

  it("stores known kinds only, keeps the kinds not named, and audits the change", async () => {
    const { actor } = await accountWithSessions([]);
    await setWanted(actor, { "round.opened": false, "comment.mention": true });
    await setWanted(actor, { "round.reminder": false, ...({ "something.else": false } as object) });
    expect(await preferencesOf(actor.id)).toEqual({
      "round.opened": false,
      "round.reminder": false,
      "comment.mention": true,
    });
    expect(await auditOf("user.email_preferences_changed", actor.id)).toHaveLength(2);
  });

  it("round opened, reminder and closed: no email of a kind turned off, the in-app notification still written", async () => {
    const db = testDb.db();
    const { chair, penholder, delegate } = world.actors;
    await setWanted(chair, { "round.opened": false });
    await setWanted(penholder, { "round.reminder": false });
    await setWanted(delegate, { "round.closed": false });
    try {
      const { paper } = await makePaperInStatus(db, "approval", world);
      expect(sink.to(world.emails.chair)).toEqual([]);
      expect(sink.to(world.emails.penholder)).toHaveLength(1);
      expect(sink.to(world.emails.delegate)).toHaveLength(1);
      expect(await inApp(chair.id, "round.opened", paper.id)).toBe(1);

      sink.clear();
      const [round] = await db.select().from(approvalRounds).where(eq(approvalRounds.paperId, paper.id));
      if (!round) throw new Error("no round");
      await sendDueReminders(db, new Date(round.deadline.getTime() - 3600_000));
      expect(sink.to(world.emails.penholder)).toEqual([]);
      expect(sink.to(world.emails.chair)).toHaveLength(1);
      expect(sink.to(world.emails.delegate)).toHaveLength(1);
      expect(await inApp(penholder.id, "round.reminder", paper.id)).toBe(1);

      sink.clear();
      await recordPosition(db, penholder, {
        paperId: paper.id,
        partnerId: world.partnerOf.penholder,
        value: "object",
        reason: "Not yet.",
      });
      expect(sink.to(world.emails.delegate)).toEqual([]);
      expect(sink.to(world.emails.chair)).toHaveLength(1);
      expect(await inApp(delegate.id, "round.closed", paper.id)).toBe(1);
    } finally {
      for (const actor of [chair, penholder, delegate]) {
        await setWanted(actor, Object.fromEntries(emailKinds.map((k) => [k, true])));
      }
    }
  });

  it("mentions: no email to someone who turned them off, the mention still notified in the app", async () => {
    const db = testDb.db();
    const { penholder, chair, delegate } = world.actors;
    await setWanted(penholder, { "comment.mention": false });
    try {
      const { paper } = await makePaperInStatus(db, "consultation", world);
      sink.clear();
      await createThread(db, delegate, {
        paperId: paper.id,
        anchorId: newAnchorId(delegate.id),
        quote: "Migration and development",
        body: `@${penholder.name} and @${chair.name}, could we say "mobility" here?`,
      });
      expect(sink.to(world.emails.penholder)).toEqual([]);
      expect(sink.to(world.emails.chair)).toHaveLength(1);
      expect(await inApp(penholder.id, "mention", paper.id)).toBe(1);
    } finally {
      await setWanted(penholder, { "comment.mention": true });
    }
  });

  it("membership requests: only the focal points who want the email get it", async () => {
    const db = testDb.db();
    const quiet = await makeAccount(db, admin);
    const keen = await makeAccount(db, admin);
    for (const focalPoint of [quiet, keen]) {
      await appointFocalPoint(db, admin, { partnerId: world.partners.france, userId: focalPoint.id });
    }
    await setWanted(await loadActor(db, quiet.id), { "membership.request": false });
    sink.clear();
    const added = await addMember(db, world.actors.chair, {
      dialogueId: world.dialogue.id,
      email: `speaker.${uniqueToken()}@test.accord`,
      role: "delegate",
      partnerId: world.partners.france,
      newAccount: { name: "Would Speak" },
    });
    expect(added.pending).toBe(true);
    expect(sink.to(keen.email)).toHaveLength(1);
    expect(sink.to(quiet.email)).toEqual([]);
  });
});

describe("sessions", () => {
  it("lists the account's own live sessions only, with device and sign-in method", async () => {
    const db = testDb.db();
    const { actor, sessionIds } = await accountWithSessions([FIREFOX, SAFARI]);
    const someoneElse = await accountWithSessions([FIREFOX]);
    const expired = await accountWithSessions([FIREFOX]);
    await db
      .update(authSessions)
      .set({ userId: actor.id, expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.id, expired.sessionIds[0] ?? ""));
    const listed = await accountSessions(db, actor);
    expect(listed.map((s) => s.id).sort()).toEqual([...sessionIds].sort());
    expect(listed.map((s) => s.userAgent).sort()).toEqual([FIREFOX, SAFARI].sort());
    expect(listed.every((s) => s.signInMethod === "password")).toBe(true);
    expect(listed.map((s) => s.id)).not.toContain(someoneElse.sessionIds[0]);
  });

  it("lets the owner end one of their sessions, and nobody else, not even the secretariat", async () => {
    const db = testDb.db();
    const owner = await accountWithSessions([FIREFOX, SAFARI]);
    const [kept, ended] = owner.sessionIds as [string, string];
    const other = await accountWithSessions([FIREFOX]);
    for (const stranger of [other.actor, admin, world.actors.chair]) {
      expect(can(stranger, "account.manage", { userId: owner.user.id })).toBe(false);
      await expectAppError(endOwnSession(db, stranger, { sessionId: ended }), "not_found");
    }
    await expectAppError(endOwnSession(db, null, { sessionId: ended }), "not_found");
    await expectAppError(endOwnSession(db, owner.actor, { sessionId: other.sessionIds[0] ?? "" }), "not_found");
    expect(await liveSessionIds(owner.user.id)).toEqual([kept, ended].sort());
    expect(await liveSessionIds(other.user.id)).toEqual(other.sessionIds);

    await endOwnSession(db, owner.actor, { sessionId: ended });
    expect(await liveSessionIds(owner.user.id)).toEqual([kept]);
    expect(await auditOf("user.signed_out", owner.user.id)).toHaveLength(1);
    // Gone: a second attempt finds nothing.
    await expectAppError(endOwnSession(db, owner.actor, { sessionId: ended }), "not_found");
  });

  it("signs out everywhere else, keeping the session it is asked from", async () => {
    const db = testDb.db();
    const { user, actor, sessionIds } = await accountWithSessions([FIREFOX, SAFARI, null]);
    const other = await accountWithSessions([FIREFOX]);
    expect(await endOtherSessions(db, actor, { keepSessionId: sessionIds[1] ?? "" })).toBe(2);
    expect(await liveSessionIds(user.id)).toEqual([sessionIds[1]]);
    expect(await liveSessionIds(other.user.id)).toEqual(other.sessionIds);
    expect(await auditOf("user.signed_out", user.id)).toHaveLength(2);
  });
});

describe("last seen", () => {
  it("is written at most once a minute per session, and only forwards", async () => {
    const db = testDb.db();
    const { sessionIds } = await accountWithSessions([FIREFOX]);
    const sessionId = sessionIds[0] ?? "";
    const lastSeen = async () => {
      const [row] = await db
        .select({ at: authSessions.lastSeenAt })
        .from(authSessions)
        .where(eq(authSessions.id, sessionId));
      return row?.at.getTime();
    };
    const opened = (await lastSeen()) ?? 0;
    await noteSessionSeen(db, sessionId, new Date(opened + 30_000));
    expect(await lastSeen()).toBe(opened);
    const aMinuteLater = opened + LAST_SEEN_PRECISION_MS + 1000;
    await noteSessionSeen(db, sessionId, new Date(aMinuteLater));
    expect(await lastSeen()).toBe(aMinuteLater);
    await noteSessionSeen(db, sessionId, new Date(aMinuteLater + 20_000));
    expect(await lastSeen()).toBe(aMinuteLater);
    await noteSessionSeen(db, sessionId, new Date(aMinuteLater + LAST_SEEN_PRECISION_MS + 1000));
    expect(await lastSeen()).toBe(aMinuteLater + LAST_SEEN_PRECISION_MS + 1000);
  });
});
