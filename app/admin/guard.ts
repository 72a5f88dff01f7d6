import { notFound } from "next/navigation";
import { actorOrSignIn } from "@/server/auth/guard";
import { can } from "@/server/policy";

/** Administration pages exist only for the secretariat; others get a 404. */
export async function requireAdministrator(returnTo: string) {
  const actor = await actorOrSignIn(returnTo);
  if (!can(actor, "system.administer", null)) notFound();
  return actor;
}
