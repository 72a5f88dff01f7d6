// Loads who is acting: the user, their global role and every dialogue membership, in one query.
import { and, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authSessions, memberships, partnerFocalPoints, users } from "@/db/schema";
import type { Actor, MembershipGrant } from "./policy";

export type ActorProfile = Actor & {
  email: string;
  name: string;
  locale: "en" | "fr" | null;
};

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
  const rows = await db
    .select(actorColumns)
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(memberships, grantingMembership)
    .where(and(eq(authSessions.id, sessionId), gt(authSessions.expiresAt, now), isNull(users.deactivatedAt)));
  return actorsFromRows(rows).values().next().value ?? null;
}

/** Null when the user does not exist or is deactivated. */
export async function loadActor(db: DbOrTx, userId: string): Promise<ActorProfile | null> {
  return (await loadActors(db, [userId])).get(userId) ?? null;
}
