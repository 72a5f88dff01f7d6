// For pages: the signed-in actor, or a redirect to the sign-in page (coming back afterwards).
import { redirect } from "next/navigation";
import type { ActorProfile } from "../actor";
import { currentActor } from "./current";

export async function actorOrSignIn(returnTo: string): Promise<ActorProfile> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
