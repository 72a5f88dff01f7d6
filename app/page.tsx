import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/current";
import { can } from "@/server/policy";

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  redirect(can(actor, "dialogue.list", null) ? "/dialogues" : "/hld");
}
