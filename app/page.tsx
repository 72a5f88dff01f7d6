import { redirect } from "next/navigation";
import { currentActor } from "@/server/auth/current";

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  redirect(actor.globalRole === "hld_reviewer" ? "/hld" : "/dialogues");
}
