// What a user does to their own account: change their password, choose which emails they get,
// and end their own sessions (each closes that session's collaboration sockets at once).
import { and, eq, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { type EmailKind, emailKinds } from "@/lib/email-preferences";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { processSingleton } from "@/lib/process-singleton";
import { recordAudit } from "../audit";
import { hashPassword, verifyPassword } from "../auth/password";
import { checkNewPassword } from "../auth/password-policy";
import {
  addressRetryAfterSeconds,
  endSession,
  passwordRetryAfterSeconds,
  recordAddressFailure,
  recordWrongPassword,
} from "../auth/sign-in";
import { notifyUserAccessChanged } from "../collab/notify";
import { invalidInput, notFound, rateLimited } from "../errors";
import { sendMail } from "../mail";
import { type Actor, authorize, can } from "../policy";

export type PasswordChange = {
  /** The session the change is made from: it stays open, every other one ends. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  newPasswordAgain: string;
  /** The client's address (rateLimitKey), for the failed sign-in allowance; "local" without one. */
  address?: string;
};

/**
 * Changes the actor's password. A wrong current password counts as a failed sign-in on this
 * account from this address (same allowance, same warning to the owner), so the page cannot be
 * used to guess. On success every other session of the account ends and its sockets close, and
 * the owner is told by email.
 */
export async function changePassword(db: Db, actor: Actor | null, input: PasswordChange, now: Date = new Date()) {
  if (!actor) throw notFound("user");
  authorize(actor, "account.manage", { userId: actor.id });
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw notFound("user");
  if (!user.passwordHash) throw invalidInput("account has no password", "account.password.errors.noPassword");
  const address = input.address ?? "local";
  if ((await passwordRetryAfterSeconds(address, user.email)) > 0 || (await addressRetryAfterSeconds(address)) > 0) {
    throw rateLimited("too many wrong passwords", "account.password.errors.throttled");
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordWrongPassword(db, { email: user.email, user }, address, now);
    await recordAddressFailure(address);
    throw invalidInput("wrong current password", "account.password.errors.wrongCurrent");
  }
  if (input.newPassword !== input.newPasswordAgain) {
    throw invalidInput("new passwords differ", "account.password.errors.mismatch");
  }
  checkNewPassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    const others = await tx
      .delete(authSessions)
      .where(and(eq(authSessions.userId, user.id), ne(authSessions.id, input.sessionId)))
      .returning({ id: authSessions.id });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.password_changed",
      targetType: "user",
      targetId: user.id,
      details: { sessionsEnded: others.length },
    });
    return others.length;
  });
  // Sockets opened with the ended sessions close now, not at the next sweep.
  if (ended > 0) await notifyUserAccessChanged(user.id);
  const t = translator(isLocale(user.locale) ? user.locale : "en");
  const time = `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  await sendMail([
    { to: user.email, subject: t("account.password.mail.subject"), text: t("account.password.mail.text", { time }) },
  ]);
  return { sessionsEnded: ended };
}

/** Which emails the actor wants, kind by kind; kinds not named keep their setting. */
export async function setEmailPreferences(
  db: Db,
  actor: Actor | null,
  wanted: Partial<Record<EmailKind, boolean>>,
): Promise<void> {
  if (!actor) throw notFound("user");
  authorize(actor, "account.manage", { userId: actor.id });
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ emailPreferences: users.emailPreferences })
      .from(users)
      .where(eq(users.id, actor.id))
      .for("update");
    if (!user) throw notFound("user");
    const preferences: Record<string, boolean> = {};
    // Only known kinds are kept: nothing else a client sends lands in the column.
    for (const kind of emailKinds) {
      const value = wanted[kind] ?? user.emailPreferences[kind];
      if (typeof value === "boolean") preferences[kind] = value;
    }
    await tx.update(users).set({ emailPreferences: preferences }).where(eq(users.id, actor.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.email_preferences_changed",
      targetType: "user",
      targetId: actor.id,
      details: { preferences },
    });
  });
}

/**
 * Ends one of the actor's own sessions. Another account's session, or none, answers not found
 * alike: a session id says nothing about whose it is.
 */
export async function endOwnSession(db: Db, actor: Actor | null, input: { sessionId: string }): Promise<void> {
  if (!actor) throw notFound("session");
  const [session] = await db
    .select({ userId: authSessions.userId })
    .from(authSessions)
    .where(eq(authSessions.id, input.sessionId));
  if (!session || !can(actor, "account.manage", { userId: session.userId })) throw notFound("session");
  await endSession(db, input.sessionId);
}

/** Ends every session of the actor but the one named (the one they act from); returns how many. */
export async function endOtherSessions(db: Db, actor: Actor | null, input: { keepSessionId: string }) {
  if (!actor) throw notFound("user");
  authorize(actor, "account.manage", { userId: actor.id });
  const others = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(eq(authSessions.userId, actor.id), ne(authSessions.id, input.keepSessionId)));
  for (const other of others) await endSession(db, other.id);
  return others.length;
}

/** How stale a session's "last seen" may be: it is written at most once a minute per session. */
export const LAST_SEEN_PRECISION_MS = 60_000;
/**
 * When this process may next write each session's "last seen", so that most requests write
 * nothing at all (bounded: forgetting only costs one more conditional UPDATE).
 */
const lastSeenNextWrite = processSingleton("session last seen", () => new Map<string, number>());
const LAST_SEEN_MEMORY = 5000;

/**
 * Notes that a session was used: a conditional UPDATE, skipped altogether while this process
 * knows it is fresh; the WHERE keeps several instances to one write a minute too.
 */
export async function noteSessionSeen(db: Db, sessionId: string, now: Date = new Date()): Promise<void> {
  const next = lastSeenNextWrite.get(sessionId);
  if (next !== undefined && now.getTime() < next) return;
  if (lastSeenNextWrite.size >= LAST_SEEN_MEMORY) lastSeenNextWrite.clear();
  // Claimed before the write, so concurrent requests of the session do not all write.
  lastSeenNextWrite.set(sessionId, now.getTime() + LAST_SEEN_PRECISION_MS);
  const written = await db
    .update(authSessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(authSessions.id, sessionId),
        lt(authSessions.lastSeenAt, new Date(now.getTime() - LAST_SEEN_PRECISION_MS)),
      ),
    )
    .returning({ id: authSessions.id });
  // Nothing written: it was written less than a minute ago (at sign-in, or by another
  // instance), at a time not known here; look again a quarter of a minute later.
  if (written.length === 0) lastSeenNextWrite.set(sessionId, now.getTime() + LAST_SEEN_PRECISION_MS / 4);
}
