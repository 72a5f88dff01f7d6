// Who is making this request. Pages, server actions and route handlers start here.
import { cache } from "react";
import { getDb } from "@/db/client";
import { type ActorProfile, loadActor } from "../actor";
import { AppError } from "../errors";
import { auth } from "./config";
import { sessionUserId } from "./sign-in";

/** The signed-in actor, or null. Checks the server-side session on every request. */
export const currentActor = cache(async (): Promise<ActorProfile | null> => {
  const session = await auth();
  const sid = session?.sessionId;
  if (!sid) return null;
  const db = await getDb();
  const userId = await sessionUserId(db, sid);
  return userId ? loadActor(db, userId) : null;
});

export async function requireActor(): Promise<ActorProfile> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated", "sign in required");
  return actor;
}
