// Checking credentials, slowing down repeated failures, and the server-side session record
// that makes signing out (and deactivation) take effect at once.
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { processSingleton } from "@/lib/process-singleton";
import { recordAudit } from "../audit";
import { notifyUserAccessChanged } from "../collab/notify";
import { createSharedLimiter } from "../shared-limiter";
import { decoyPasswordHash, verifyPassword } from "./password";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** From this many consecutive failures on, each failure locks the account for a growing delay. */
export const FREE_FAILED_SIGN_INS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/**
 * Failed sign-ins per client address (an IPv6 /64), whatever the account: guessing across many
 * accounts never reaches any one account's lock. 20 at once, then one more every 30 s; generous
 * for a delegation's office behind one address, where the accounts' own locks still apply.
 */
export const FAILED_SIGN_INS_PER_ADDRESS = { limit: 20, windowMs: 10 * 60_000 };
// One count for every instance (through Redis with REDIS_URL), and one per process otherwise:
// Next.js may load this module in more than one of its bundles.
const failuresByAddress = processSingleton("sign-in failures", () =>
  createSharedLimiter("sign-in-failures", FAILED_SIGN_INS_PER_ADDRESS),
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
  | { ok: false; reason: "invalid" | "deactivated" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export function lockDurationMs(failedSignIns: number): number {
  if (failedSignIns < FREE_FAILED_SIGN_INS) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failedSignIns - FREE_FAILED_SIGN_INS), MAX_LOCK_MS);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string },
  now: Date = new Date(),
): Promise<SignInResult> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(input.email)));
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    return { ok: false, reason: "invalid" };
  }
  if (user.signInBlockedUntil && user.signInBlockedUntil > now) {
    return {
      ok: false,
      reason: "throttled",
      retryAfterSeconds: Math.ceil((user.signInBlockedUntil.getTime() - now.getTime()) / 1000),
    };
  }
  const passwordMatches = await verifyPassword(user.passwordHash, input.password);
  if (!passwordMatches) {
    const [updated] = await db
      .update(users)
      .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failedSignIns: users.failedSignIns });
    const lockMs = lockDurationMs(updated?.failedSignIns ?? 0);
    if (lockMs > 0) {
      const blockedUntil = new Date(now.getTime() + lockMs);
      await db.update(users).set({ signInBlockedUntil: blockedUntil }).where(eq(users.id, user.id));
      await recordAudit(db, {
        actorId: null,
        action: "user.sign_in_failed",
        targetType: "user",
        targetId: user.id,
        details: { failedSignIns: updated?.failedSignIns, blockedUntil: blockedUntil.toISOString() },
      });
    }
    return { ok: false, reason: "invalid" };
  }
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };

  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, signInBlockedUntil: null }).where(eq(users.id, user.id));
    const [session] = await tx
      .insert(authSessions)
      .values({ userId: user.id, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
      .returning({ id: authSessions.id });
    if (!session) throw new Error("session insert returned nothing");
    await recordAudit(tx, { actorId: user.id, action: "user.signed_in", targetType: "user", targetId: user.id });
    return { ok: true as const, userId: user.id, sessionId: session.id };
  });
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
