// Who is making this request. Pages, server actions and route handlers start here.

import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { type ActorProfile, loadSessionActor } from "../actor";
import { verifiedSessionId } from "../collab/auth";
import { noteSessionSeen } from "../domain/account";
import { AppError } from "../errors";

/**
 * The session named by the request's Auth.js cookie, or null. The cookie is decoded here (as the
 * collaboration socket does) rather than through Auth.js's `auth()`, which runs its whole session
 * endpoint per call (decrypt, then re-encrypt a refreshed token whose cookie a page cannot set
 * anyway): the same check, the same answer, without the request/response round trip.
 */
async function requestSessionId(): Promise<string | null> {
  const jar = await cookies();
  return verifiedSessionId(new Map(jar.getAll().map((cookie) => [cookie.name, cookie.value])));
}

/** The id of the request's session (whether or not it is still live), once per request. */
export const currentSessionId = cache(requestSessionId);

/**
 * The signed-in actor, or null. Checks the server-side session on every request, once: the
 * session, its user and every membership in one query, shared by everything the request renders.
 */
export const currentActor = cache(async (): Promise<ActorProfile | null> => {
  const sid = await currentSessionId();
  if (!sid) return null;
  const db = await getDb();
  const actor = await loadSessionActor(db, sid);
  // Not awaited: the page never waits for "last seen", written at most once a minute anyway.
  if (actor) void noteSessionSeen(db, sid).catch((error: unknown) => console.error("last seen not noted", error));
  return actor;
});

export async function requireActor(): Promise<ActorProfile> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated", "sign in required");
  return actor;
}
