// Invitations and password resets by single-use link, and focal points managing their own
// delegation (issue 17), against the real database and a real SMTP server.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountLinks, auditEvents, authSessions, memberships, users } from "@/db/schema";
import { translator } from "@/lib/i18n/translate";
import { type ActorProfile, loadSessionActor } from "@/server/actor";
import { signInWithPassword } from "@/server/auth/sign-in";
import {
  INVITATION_LIFETIME_MS,
  readAccountLink,
  requestPasswordReset,
  resendInvitation,
  setPasswordByLink,
} from "@/server/domain/account-links";
import { addMember, appointFocalPoint, removeMember, setMembershipSuspended } from "@/server/domain/memberships";
import { bootstrapAdministrator, createAccount, setAccountLocale } from "@/server/domain/users";
import { AppError } from "@/server/errors";
import { useTestDatabase } from "../helpers/database";
import {
  type DialogueWithRoles,
  ensureAdmin,
  loadActor,
  makeDialogueWithRoles,
  TEST_PASSWORD,
  uniqueToken,
} from "../helpers/factories";
import { resetMailer, type SmtpSink, startSmtpSink } from "../helpers/smtp";

const testDb = useTestDatabase();
let admin: ActorProfile;
let world: DialogueWithRoles;
let sink: SmtpSink;
const previousSmtp = process.env.SMTP_URL;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  resetMailer();
  const db = testDb.db();
  admin = await ensureAdmin(db);
  world = await makeDialogueWithRoles(db);
});

afterAll(async () => {
  process.env.SMTP_URL = previousSmtp;
  resetMailer();
  await sink.stop();
});

const tokenIn = (text: string) => text.match(/\/(?:invitation|password-reset)\/([A-Za-z0-9_-]{43})/)?.[1];

async function audits(action: string, targetId: string) {
  return testDb
    .db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action as never), eq(auditEvents.targetId, targetId)));
}

describe("invitations", () => {
  it("mails a single-use link valid 72 hours; the person sets their own password, which works once", async () => {
    const db = testDb.db();
    const email = `invitee.${uniqueToken()}@test.accord`;
    const account = await createAccount(db, admin, { email, name: "Amina Diallo" });
    // The account exists, with no password: nobody can sign in to it.
    const [row] = await db.select().from(users).where(eq(users.id, account.id));
    expect(row).toMatchObject({ passwordHash: null, activatedAt: null });

    const [mail] = sink.to(email);
    expect(mail?.subject).toBe("You are invited to Accord");
    expect(mail?.text).toContain("72 hours");
    const token = tokenIn(mail?.text ?? "");
    expect(token).toBe(account.invitation.token);
    // Only a hash is stored: the token itself is nowhere in the table.
    const stored = await db.select().from(accountLinks).where(eq(accountLinks.userId, account.id));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0]?.expiresAt.getTime()).toBeCloseTo(Date.now() + INVITATION_LIFETIME_MS, -4);

    expect(await readAccountLink(db, { token: token ?? "", purpose: "invitation" })).toEqual({
      state: "valid",
      purpose: "invitation",
      email,
      name: "Amina Diallo",
    });
    // The wrong page for the link knows nothing of it.
    expect(await readAccountLink(db, { token: token ?? "", purpose: "password_reset" })).toEqual({ state: "unknown" });

    await setPasswordByLink(db, { token: token ?? "", purpose: "invitation", password: TEST_PASSWORD });
    expect(await signInWithPassword(db, { email, password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const [after] = await db.select().from(users).where(eq(users.id, account.id));
    expect(after?.activatedAt).not.toBeNull();
    expect(await audits("user.invitation_accepted", account.id)).toHaveLength(1);

    // Used: neither readable nor usable again, and the password stays the one the person chose.
    expect(await readAccountLink(db, { token: token ?? "", purpose: "invitation" })).toEqual({ state: "used" });
    await expect(
      setPasswordByLink(db, { token: token ?? "", purpose: "invitation", password: "another-long-passphrase" }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "accountLink.used" });
    expect(await signInWithPassword(db, { email, password: TEST_PASSWORD })).toMatchObject({ ok: true });
  });

  it("writes a new person's invitation in the inviter's language, who has chosen none yet", async () => {
    const db = testDb.db();
    const chair = world.actors.chair;
    await setAccountLocale(db, chair, "fr");
    try {
      const email = `invitee.fr.${uniqueToken()}@test.accord`;
      await addMember(db, chair, {
        dialogueId: world.dialogue.id,
        email,
        role: "observer",
        partnerId: world.partners.iom,
        newAccount: { name: "Awa Ndiaye" },
      });
      const [mail] = sink.to(email);
      expect(mail?.subject).toBe("Vous êtes invité sur Accord");
      // The role and the partner in French too.
      expect(mail?.text).toContain(`en tant que ${translator("fr")("role.observer")} pour IOM`);
      // The new account itself keeps no language: the browser's is used until they choose.
      const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, email));
      expect(row?.locale).toBeNull();
    } finally {
      await setAccountLocale(db, chair, "en");
    }
  });

  it("an expired link is refused and sets nothing; a resent one replaces it", async () => {
    const db = testDb.db();
    const account = await createAccount(db, admin, { email: `late.${uniqueToken()}@test.accord`, name: "Late" });
    const later = new Date(Date.now() + INVITATION_LIFETIME_MS + 1000);
    expect(await readAccountLink(db, { token: account.invitation.token, purpose: "invitation" }, later)).toEqual({
      state: "expired",
    });
    await expect(
      setPasswordByLink(db, { token: account.invitation.token, purpose: "invitation", password: TEST_PASSWORD }, later),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "accountLink.expired" });
    const [row] = await db.select().from(users).where(eq(users.id, account.id));
    expect(row?.passwordHash).toBeNull();

    // Only the secretariat resends; the new link works and the old one no longer does.
    await expect(resendInvitation(db, world.actors.chair, { userId: account.id })).rejects.toBeInstanceOf(AppError);
    const resent = await resendInvitation(db, admin, { userId: account.id });
    expect(await readAccountLink(db, { token: account.invitation.token, purpose: "invitation" })).toEqual({
      state: "unknown",
    });
    await setPasswordByLink(db, { token: resent.token, purpose: "invitation", password: TEST_PASSWORD });
    await expect(resendInvitation(db, admin, { userId: account.id })).rejects.toMatchObject({
      messageKey: "accountLink.alreadyAccepted",
    });
  });

  it("a malformed or unknown token is refused without a query's worth of information", async () => {
    const db = testDb.db();
    for (const token of ["", "x", "a".repeat(43), `${"A".repeat(42)}!`]) {
      expect(await readAccountLink(db, { token, purpose: "invitation" })).toEqual({ state: "unknown" });
      await expect(
        setPasswordByLink(db, { token, purpose: "invitation", password: TEST_PASSWORD }),
      ).rejects.toMatchObject({ code: "invalid_input" });
    }
  });
});

describe("the first administrator", () => {
  it("is invited like everyone (no password until they choose one), and only once", async () => {
    const db = testDb.db();
    // This database has its administrator (ensureAdmin, made by the same function): a second is refused.
    const before = await db.select().from(users);
    await expect(
      bootstrapAdministrator(db, { email: `second.${uniqueToken()}@test.accord`, name: "Second" }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "errors.administratorExists" });
    expect(await db.select().from(users)).toHaveLength(before.length);
    const [first] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(first?.activatedAt).not.toBeNull();
    const invited = await audits("user.invited", admin.id);
    expect(invited.map((row) => [row.actorId, (row.details as { bootstrap?: boolean }).bootstrap])).toEqual([
      [null, true],
    ]);
  });
});

describe("password reset by link", () => {
  it("only the secretariat sends one; the owner chooses the password and every session ends", async () => {
    const db = testDb.db();
    const email = world.emails.delegate;
    const userId = world.actors.delegate.id;
    const signedIn = await signInWithPassword(db, { email, password: TEST_PASSWORD });
    if (!signedIn.ok) throw new Error("sign-in failed");

    for (const role of ["chair", "delegate", "hld_reviewer"] as const) {
      await expect(requestPasswordReset(db, world.actors[role], { userId })).rejects.toBeInstanceOf(AppError);
    }
    const link = await requestPasswordReset(db, admin, { userId });
    const mail = sink.to(email).find((m) => m.subject === "Choose a new Accord password");
    expect(tokenIn(mail?.text ?? "")).toBe(link.token);
    // The administrator's audit entry names the account, never the token.
    const [issued] = await audits("user.password_reset_issued", userId);
    expect(issued?.actorId).toBe(admin.id);
    expect(JSON.stringify(issued)).not.toContain(link.token);
    // Until used, the old password still works (a reset nobody asked for locks nobody out).
    expect(await signInWithPassword(db, { email, password: TEST_PASSWORD })).toMatchObject({ ok: true });

    const chosen = "a-new-passphrase-for-the-delegate";
    await setPasswordByLink(db, { token: link.token, purpose: "password_reset", password: chosen });
    expect(await loadSessionActor(db, signedIn.sessionId)).toBeNull();
    expect(await db.select().from(authSessions).where(eq(authSessions.userId, userId))).toEqual([]);
    expect(await signInWithPassword(db, { email, password: TEST_PASSWORD })).toMatchObject({ ok: false });
    expect(await signInWithPassword(db, { email, password: chosen })).toMatchObject({ ok: true });
    expect(await audits("user.password_reset", userId)).toHaveLength(1);
    // Back to the shared test password for the other tests, by the same route.
    const again = await requestPasswordReset(db, admin, { userId });
    await setPasswordByLink(db, { token: again.token, purpose: "password_reset", password: TEST_PASSWORD });
  });
});

describe("a focal point manages their own delegation", () => {
  it("invites at once for their state, suspends (access ends), restores and removes; never another state's", async () => {
    const db = testDb.db();
    await appointFocalPoint(db, admin, { partnerId: world.partners.france, userId: world.actors.delegate.id });
    const focalPoint = await loadActor(db, world.actors.delegate.id);

    const email = `fr.${uniqueToken()}@test.accord`;
    const added = await addMember(db, focalPoint, {
      dialogueId: world.dialogue.id,
      partnerId: world.partners.france,
      email,
      role: "delegate",
      newAccount: { name: "Claire Martin" },
    });
    // Confirmed at once (the focal point speaks for France), with an invitation by email.
    expect(added.pending).toBe(false);
    if (!added.invitation) throw new Error("expected an invitation");
    await setPasswordByLink(db, { token: added.invitation.token, purpose: "invitation", password: TEST_PASSWORD });
    const member = await signInWithPassword(db, { email, password: TEST_PASSWORD });
    if (!member.ok) throw new Error("sign-in failed");
    expect((await loadSessionActor(db, member.sessionId))?.memberships.get(world.dialogue.id)).toEqual({
      role: "delegate",
      partnerId: world.partners.france,
    });

    // Not a penholder, and never for another state.
    await expect(
      addMember(db, focalPoint, {
        dialogueId: world.dialogue.id,
        partnerId: world.partners.france,
        email: `pen.${uniqueToken()}@test.accord`,
        role: "penholder",
        newAccount: { name: "Pen" },
      }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      addMember(db, focalPoint, {
        dialogueId: world.dialogue.id,
        partnerId: world.partners.morocco,
        email: `ma.${uniqueToken()}@test.accord`,
        role: "delegate",
        newAccount: { name: "Not Mine" },
      }),
    ).rejects.toBeInstanceOf(AppError);

    await setMembershipSuspended(db, focalPoint, { membershipId: added.id, suspended: true });
    expect((await loadSessionActor(db, member.sessionId))?.memberships.has(world.dialogue.id)).toBe(false);
    const [suspended] = await db.select().from(memberships).where(eq(memberships.id, added.id));
    expect(suspended).toMatchObject({ suspendedBy: focalPoint.id });
    expect(await audits("membership.suspended", added.id)).toHaveLength(1);
    await setMembershipSuspended(db, focalPoint, { membershipId: added.id, suspended: false });
    expect((await loadSessionActor(db, member.sessionId))?.memberships.has(world.dialogue.id)).toBe(true);
    expect(await audits("membership.restored", added.id)).toHaveLength(1);

    // Another state's member: neither suspended nor removed by France's focal point.
    const penholderMembership = world.actors.penholder.memberships.get(world.dialogue.id);
    expect(penholderMembership?.partnerId).toBe(world.partners.morocco);
    const [moroccan] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, world.actors.penholder.id), eq(memberships.dialogueId, world.dialogue.id)));
    await expect(
      setMembershipSuspended(db, focalPoint, { membershipId: moroccan?.id ?? "", suspended: true }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(removeMember(db, focalPoint, { membershipId: moroccan?.id ?? "" })).rejects.toBeInstanceOf(AppError);
    const [still] = await db
      .select()
      .from(memberships)
      .where(eq(memberships.id, moroccan?.id ?? ""));
    expect(still?.suspendedAt).toBeNull();

    await removeMember(db, focalPoint, { membershipId: added.id });
    expect(await db.select().from(memberships).where(eq(memberships.id, added.id))).toEqual([]);
  });
});
