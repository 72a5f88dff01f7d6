// Who the signed-in user is to the others in a paper: the partner they represent in its dialogue.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { partners } from "@/db/schema";
import type { Actor } from "../policy";

/** The partner the actor represents in this dialogue, or null (secretariat, HLD reviewers). */
export async function actingPartner(
  db: Db,
  actor: Actor,
  dialogueId: string,
): Promise<{ name: string; iso3: string | null } | null> {
  const grant = actor.memberships.get(dialogueId);
  if (!grant) return null;
  const [partner] = await db
    .select({ name: partners.name, iso3: partners.iso3 })
    .from(partners)
    .where(eq(partners.id, grant.partnerId))
    .limit(1);
  return partner ?? null;
}
