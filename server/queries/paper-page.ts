// Loads a paper for a page under /papers/[id]: 404 unless the actor may see it.
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actorOrSignIn } from "../auth/guard";
import { findPaperForActor } from "./papers";

export async function paperForPage(id: string, returnTo: string) {
  const actor = await actorOrSignIn(returnTo);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const found = await findPaperForActor(db, actor, id);
  if (!found) notFound();
  return { actor, db, ...found };
}
