// Loads a paper for a page under /papers/[id]: 404 unless the actor may see it.
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actorOrSignIn } from "../auth/guard";
import type { Actor } from "../policy";
import { findPaperForActor } from "./papers";

const paperId = z.uuid();

/**
 * The paper as the actor may see it (null otherwise, or for an id that is no paper id), read
 * once per request: the page's metadata and its body share the answer.
 */
export const paperForRequest = cache(async (actor: Actor, id: string) => {
  if (!paperId.safeParse(id).success) return null;
  return findPaperForActor(await getDb(), actor, id);
});

export async function paperForPage(id: string, returnTo: string) {
  const actor = await actorOrSignIn(returnTo);
  const found = await paperForRequest(actor, id);
  if (!found) notFound();
  return { actor, db: await getDb(), ...found };
}
