// The account page's reads: the actor's own account and live sessions, nobody else's.
import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import type { Actor } from "../policy";

/** What the account page shows of the actor's own account. */
export async function accountOf(db: Db, actor: Actor) {
  const [row] = await db
    .select({
      email: users.email,
      hasPassword: users.passwordHash,
      totpEnabledAt: users.totpEnabledAt,
      emailPreferences: users.emailPreferences,
    })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!row) return null;
  // The hash never leaves this function: only whether there is one.
  return { ...row, hasPassword: row.hasPassword !== null };
}

/** The actor's live sessions (not ended, not expired), most recently used first. */
export async function accountSessions(db: Db, actor: Actor, now: Date = new Date()) {
  return db
    .select({
      id: authSessions.id,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      userAgent: authSessions.userAgent,
      signInMethod: authSessions.signInMethod,
    })
    .from(authSessions)
    .where(and(eq(authSessions.userId, actor.id), gt(authSessions.expiresAt, now)))
    .orderBy(desc(authSessions.lastSeenAt), desc(authSessions.createdAt));
}
