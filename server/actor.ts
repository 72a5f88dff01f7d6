// Loads who is acting: the user, their global role and every dialogue membership, in one query.
import { eq, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor, MembershipGrant } from "./policy";

export type ActorProfile = Actor & {
  email: string;
  name: string;
  locale: "en" | "fr" | null;
};

async function actorRows(db: DbOrTx, where: SQL) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      globalRole: users.globalRole,
      deactivatedAt: users.deactivatedAt,
      dialogueId: memberships.dialogueId,
      role: memberships.role,
      partnerId: memberships.partnerId,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(where);
}

/** Active users by id, each with every membership; deactivated or unknown ids are absent. */
export async function loadActors(db: DbOrTx, userIds: string[]): Promise<Map<string, ActorProfile>> {
  const actors = new Map<string, ActorProfile>();
  if (userIds.length === 0) return actors;
  for (const row of await actorRows(db, inArray(users.id, userIds))) {
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

/** Null when the user does not exist or is deactivated. */
export async function loadActor(db: DbOrTx, userId: string): Promise<ActorProfile | null> {
  return (await loadActors(db, [userId])).get(userId) ?? null;
}
