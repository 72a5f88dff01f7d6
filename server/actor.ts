// Loads who is acting: the user, their global role and every dialogue membership, in one query.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor, MembershipGrant } from "./policy";

export type ActorProfile = Actor & {
  email: string;
  name: string;
  locale: "en" | "fr" | null;
};

/** Null when the user does not exist or is deactivated. */
export async function loadActor(db: DbOrTx, userId: string): Promise<ActorProfile | null> {
  const rows = await db
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
    .where(eq(users.id, userId));
  const first = rows[0];
  if (!first || first.deactivatedAt) return null;
  const grants = new Map<string, MembershipGrant>();
  for (const row of rows) {
    if (row.dialogueId && row.role && row.partnerId) {
      grants.set(row.dialogueId, { role: row.role, partnerId: row.partnerId });
    }
  }
  return {
    id: first.id,
    email: first.email,
    name: first.name,
    locale: first.locale,
    globalRole: first.globalRole,
    memberships: grants,
  };
}
