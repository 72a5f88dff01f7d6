// Loads who is acting: the user, their global role and every dialogue membership, in one query.

import { and, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authSessions, dialogues, memberships, partnerFocalPoints, type SignInMethod, users } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { Actor, MembershipGrant } from "./policy";

export type ActorProfile = Actor & {
  email: string;
  name: string;
  locale: Locale | null;
  /**
   * A dialogue the user belongs to requires a second factor that this session lacks: its
   * membership is left out, and pages send the user to set one up or sign in again with it.
   */
  secondFactorNeeded?: boolean;
};

/** Sign-ins that proved a second factor; a ministry's single sign-on applies its own policy. */
const secondFactorMethods: ReadonlySet<SignInMethod> = new Set(["totp", "recovery_code", "oidc"]);

export function hasSecondFactor(method: SignInMethod): boolean {
  return secondFactorMethods.has(method);
}

const actorColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  globalRole: users.globalRole,
  deactivatedAt: users.deactivatedAt,
  dialogueId: memberships.dialogueId,
  role: memberships.role,
  partnerId: memberships.partnerId,
  // The partners whose focal point the user is, comma-separated (ids are uuids).
  focalPointOf: sql<
    string | null
  >`(select string_agg(${partnerFocalPoints.partnerId}::text, ',') from ${partnerFocalPoints} where ${partnerFocalPoints.userId} = ${users.id})`,
};

/** A suspended membership grants nothing: it is not part of the actor. */
const grantingMembership = and(eq(memberships.userId, users.id), isNull(memberships.suspendedAt));

async function actorRows(db: DbOrTx, where: SQL) {
  return db.select(actorColumns).from(users).leftJoin(memberships, grantingMembership).where(where);
}

type ActorRow = Awaited<ReturnType<typeof actorRows>>[number];

/** Active users by id, each with every membership; deactivated or unknown ids are absent. */
export async function loadActors(db: DbOrTx, userIds: string[]): Promise<Map<string, ActorProfile>> {
  if (userIds.length === 0) return new Map();
  return actorsFromRows(await actorRows(db, inArray(users.id, userIds)));
}

function actorsFromRows(rows: ActorRow[]): Map<string, ActorProfile> {
  const actors = new Map<string, ActorProfile>();
  for (const row of rows) {
    if (row.deactivatedAt) continue;
    let actor = actors.get(row.id);
    if (!actor) {
      actor = {
        id: row.id,
        email: row.email,
        name: row.name,
        locale: row.locale,
        globalRole: row.globalRole,
        memberships: new Map<string, MembershipGrant>(),
        focalPointOf: new Set(row.focalPointOf ? row.focalPointOf.split(",") : []),
      };
      actors.set(row.id, actor);
    }
    if (row.dialogueId && row.role && row.partnerId) {
      (actor.memberships as Map<string, MembershipGrant>).set(row.dialogueId, {
        role: row.role,
        partnerId: row.partnerId,
      });
    }
  }
  return actors;
}

/**
 * The actor of a live session, in one round trip: the `auth_sessions` row (not ended, not
 * expired), its user (active) and every membership. Null when any of these fails.
 */
export async function loadSessionActor(
  db: DbOrTx,
  sessionId: string,
  now: Date = new Date(),
): Promise<ActorProfile | null> {
  return (await loadSessionActors(db, [sessionId], now)).get(sessionId) ?? null;
}

/**
 * The actors of live sessions, by session id, in one query; ended or expired sessions and
 * deactivated users are absent. A membership of a dialogue that requires a second factor counts
 * only for a session that proved one.
 */
export async function loadSessionActors(
  db: DbOrTx,
  sessionIds: string[],
  now: Date = new Date(),
): Promise<Map<string, ActorProfile>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .select({
      ...actorColumns,
      sessionId: authSessions.id,
      signInMethod: authSessions.signInMethod,
      requireTwoFactor: dialogues.requireTwoFactor,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(memberships, grantingMembership)
    .leftJoin(dialogues, eq(dialogues.id, memberships.dialogueId))
    .where(and(inArray(authSessions.id, sessionIds), gt(authSessions.expiresAt, now), isNull(users.deactivatedAt)));
  const rowsBySession = new Map<string, typeof rows>();
  for (const row of rows) {
    const sessionRows = rowsBySession.get(row.sessionId);
    if (sessionRows) sessionRows.push(row);
    else rowsBySession.set(row.sessionId, [row]);
  }
  const actors = new Map<string, ActorProfile>();
  for (const [sessionId, sessionRows] of rowsBySession) {
    let secondFactorNeeded = false;
    const granting = sessionRows.map((row) => {
      if (!row.requireTwoFactor || hasSecondFactor(row.signInMethod)) return row;
      secondFactorNeeded = true;
      return { ...row, dialogueId: null };
    });
    const actor = actorsFromRows(granting).values().next().value;
    if (!actor) continue;
    if (secondFactorNeeded) actor.secondFactorNeeded = true;
    actors.set(sessionId, actor);
  }
  return actors;
}

/** Null when the user does not exist or is deactivated. */
export async function loadActor(db: DbOrTx, userId: string): Promise<ActorProfile | null> {
  return (await loadActors(db, [userId])).get(userId) ?? null;
}
