// For pages: the signed-in actor, or a redirect to the sign-in page (coming back afterwards).
import { redirect } from "next/navigation";
import type { ActorProfile } from "../actor";
import { currentActor } from "./current";

/** Where a user is sent when a dialogue of theirs requires a second factor this session lacks. */
export const TWO_FACTOR_PAGE = "/account/two-factor";

/**
 * `secondFactorNeeded: "allow"`: the page serves a session that lacks a second factor a dialogue
 * requires (the set-up page itself); every other page sends it to set one up, or to sign in again
 * with it, first.
 */
export async function actorOrSignIn(
  returnTo: string,
  options: { secondFactorNeeded?: "allow" } = {},
): Promise<ActorProfile> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (actor.secondFactorNeeded && options.secondFactorNeeded !== "allow") redirect(TWO_FACTOR_PAGE);
  return actor;
}
