import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/current";
import { can } from "@/server/policy";

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  if (!can(actor, "dialogue.list", null)) redirect("/hld");
  // A member starts at their desk; the secretariat, who speaks for no state, at every dialogue.
  redirect(actor.memberships.size > 0 ? "/desk" : "/dialogues");
}
