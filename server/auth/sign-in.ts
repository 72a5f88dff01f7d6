// Checking credentials, slowing down repeated failures, and the server-side session record
// that makes signing out (and deactivation) take effect at once.
import { and, eq, gt } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { authSessions, type Locale, type SignInMethod, users } from "@/db/schema";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { processSingleton } from "@/lib/process-singleton";
import { recordAudit } from "../audit";
import { notifyUserAccessChanged } from "../collab/notify";
import { sendMail } from "../mail";
import { createSharedLimiter } from "../shared-limiter";
import { decoyPasswordHash, verifyPassword } from "./password";
import { consumeSecondFactor } from "./second-factor";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Failed sign-ins per client address (an IPv6 /64), whatever the account: guessing across many
 * accounts slows down for the whole address. 20 at once, then one more every 30 s; generous for
 * a delegation's office behind one address.
 */
export const FAILED_SIGN_INS_PER_ADDRESS = { limit: 20, windowMs: 10 * 60_000 };
/**
 * Failed sign-ins per account and address together: 5 at once, then one more a minute. A
 * stranger guessing a delegate's password only slows their own attempts, from their own address;
 * the delegate signs in from theirs as ever (nobody can lock an account out). Counted by the
 * email as typed, known account or not, so the answer never tells the two apart.
 */
export const FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS = { limit: 5, windowMs: 5 * 60_000 };
// One count for every instance (through Redis with REDIS_URL), and one per process otherwise:
// Next.js may load this module in more than one of its bundles.
const failuresByAddress = processSingleton("sign-in failures", () =>
  createSharedLimiter("sign-in-failures", FAILED_SIGN_INS_PER_ADDRESS),
);
const failuresByAccountAndAddress = processSingleton("sign-in failures per account", () =>
  createSharedLimiter("sign-in-failures-account", FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS),
);

/** Seconds before this address may try again (0: now). */
export async function addressRetryAfterSeconds(addressKey: string): Promise<number> {
  return Math.ceil((await failuresByAddress.waitMs(addressKey)) / 1000);
}

/** Counts a refused sign-in against the address it came from. */
export async function recordAddressFailure(addressKey: string): Promise<void> {
  await failuresByAddress.take(addressKey);
}

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  /**
   * codeRequired: the password is right and the account has a second factor: send the same
   * email and password again with a code. invalidCode: the password was right, the code not.
   */
  | { ok: false; reason: "invalid" | "deactivated" | "codeRequired" | "invalidCode" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password, then the second factor of an account that has one. A wrong password and an
 * unknown email take the same steps and the same time (an argon2 verification either way), give
 * the same answer, and slow down alike past FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS; the owner of
 * a real account is told by email when an address uses up its allowance on it. Only once the
 * password is right is a code asked for (so a wrong password never tells whether the account has
 * a second factor); a wrong code counts as a failed sign-in exactly as a wrong password does.
 * `address`: the client's (rateLimitKey); callers in this process (the seed, tests) without one
 * share the allowance of "local". `code`: a TOTP code or a recovery code.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; code?: string; address?: string; userAgent?: string | null },
  now: Date = new Date(),
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const addressKey = input.address ?? "local";
  const retryAfterSeconds = await passwordRetryAfterSeconds(addressKey, email);
  if (retryAfterSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds };
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordMatches) {
    await recordWrongPassword(db, { email, user }, addressKey, now);
    return { ok: false, reason: "invalid" };
  }
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };

  let method: SignInMethod = "password";
  if (user.totpEnabledAt) {
    const code = input.code?.trim();
    if (!code) return { ok: false, reason: "codeRequired" };
    const factor = await consumeSecondFactor(db, user, code, now);
    if (!factor) {
      await recordWrongPassword(db, { email, user }, addressKey, now);
      return { ok: false, reason: "invalidCode" };
    }
    method = factor;
  }
  const sessionId = await openSession(db, { userId: user.id, method, userAgent: input.userAgent }, now);
  return { ok: true, userId: user.id, sessionId };
}

/**
 * Seconds before this address may try a password on this account again (0: now). The sign-in
 * form and the account page's "current password" share the allowance, so neither can be used to
 * guess past the other's limit.
 */
export async function passwordRetryAfterSeconds(addressKey: string, email: string): Promise<number> {
  const waitMs = await failuresByAccountAndAddress.waitMs(`${addressKey} ${normalizeEmail(email)}`);
  return Math.ceil(waitMs / 1000);
}

/**
 * Counts a wrong password (or an unknown email) against the account and address together; the
 * owner of a real account is told once, when this failure used up the allowance.
 */
export async function recordWrongPassword(
  db: Db,
  account: { email: string; user?: { id: string; email: string; locale: Locale | null } },
  addressKey: string,
  now: Date = new Date(),
): Promise<void> {
  const spent = await failuresByAccountAndAddress.take(`${addressKey} ${normalizeEmail(account.email)}`);
  const user = account.user;
  // Not awaited, so that the answer takes no longer for a real account than for an unknown one.
  if (user && spent.allowed && spent.remaining === 0) {
    void warnOwnerOfFailures(db, user, addressKey, now).catch((error: unknown) =>
      console.error("failed sign-ins not reported", error),
    );
  }
}

/** The most of a User-Agent header kept to name a session's device. */
export const USER_AGENT_MAX_LENGTH = 512;

/**
 * Opens the server-side session of a sign-in that succeeded (by password, second factor or single
 * sign-on) and audits it; returns the id the session cookie will name.
 */
export async function openSession(
  db: DbOrTx,
  input: { userId: string; method: SignInMethod; userAgent?: string | null },
  now: Date = new Date(),
): Promise<string> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .insert(authSessions)
      .values({
        userId: input.userId,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
        lastSeenAt: now,
        userAgent: input.userAgent ? input.userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
        signInMethod: input.method,
      })
      .returning({ id: authSessions.id });
    if (!session) throw new Error("session insert returned nothing");
    await recordAudit(tx, {
      actorId: input.userId,
      action: "user.signed_in",
      targetType: "user",
      targetId: input.userId,
      details: { method: input.method },
    });
    return session.id;
  });
}

/** Audits repeated failures on an account from one address and tells its owner by email. */
async function warnOwnerOfFailures(
  db: Db,
  user: { id: string; email: string; locale: Locale | null },
  addressKey: string,
  now: Date,
): Promise<void> {
  const failures = FAILED_SIGN_INS_PER_ACCOUNT_AND_ADDRESS.limit;
  await recordAudit(db, {
    actorId: null,
    action: "user.sign_in_failed",
    targetType: "user",
    targetId: user.id,
    details: { address: addressKey, failures },
  });
  const t = translator(isLocale(user.locale) ? user.locale : "en");
  const vars = {
    count: failures,
    address: addressKey,
    time: `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  };
  await sendMail([
    { to: user.email, subject: t("signIn.failuresMail.subject"), text: t("signIn.failuresMail.text", vars) },
  ]);
}

/** The user a live session belongs to, or null if it was ended, expired or the user deactivated. */
export async function sessionUserId(db: Db, sessionId: string, now: Date = new Date()): Promise<string | null> {
  const [row] = await db
    .select({ userId: authSessions.userId, deactivatedAt: users.deactivatedAt })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sessionId), gt(authSessions.expiresAt, now)));
  if (!row || row.deactivatedAt) return null;
  return row.userId;
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  const [ended] = await db
    .delete(authSessions)
    .where(eq(authSessions.id, sessionId))
    .returning({ userId: authSessions.userId });
  if (ended) {
    await recordAudit(db, {
      actorId: ended.userId,
      action: "user.signed_out",
      targetType: "user",
      targetId: ended.userId,
    });
    // Live sockets opened with this session close now, not at the next sweep.
    await notifyUserAccessChanged(ended.userId);
  }
}
