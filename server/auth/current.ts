// Who is making this request. Pages, server actions and route handlers start here.

import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { getDb } from "@/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { type ActorProfile, loadSessionActor } from "../actor";
import { sessionTokenFrom, UUID } from "../collab/auth";
import { AppError } from "../errors";

/**
 * Session ids of tokens this process has already decrypted and verified, until the token's own
 * expiry: a signed-in user's every request carries the same token. Only the cryptography is
 * skipped; the session row is still checked on every request (signing out ends it at once).
 */
const verifiedTokens = processSingleton(
  "verified session tokens",
  () => new Map<string, { sid: string; expiresAtMs: number }>(),
);
const VERIFIED_TOKENS_MAX = 2000;

/**
 * The session row named by the request's Auth.js cookie, or null. The cookie is decoded here
 * rather than through Auth.js's `auth()`, which runs its whole session endpoint per call
 * (decrypt, then re-encrypt a refreshed token whose cookie a page cannot set anyway): the same
 * check, the same answer, without the request/response round trip.
 */
async function requestSessionId(): Promise<string | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const jar = await cookies();
  const found = sessionTokenFrom(new Map(jar.getAll().map((cookie) => [cookie.name, cookie.value])));
  if (!found) return null;
  const key = `${found.salt}\n${found.token}`;
  const known = verifiedTokens.get(key);
  if (known && known.expiresAtMs > Date.now()) return known.sid;
  verifiedTokens.delete(key);
  try {
    const token = await decode({ token: found.token, secret, salt: found.salt });
    const sid = typeof token?.sid === "string" && UUID.test(token.sid) ? token.sid : null;
    if (sid && typeof token?.exp === "number") {
      // The oldest entry makes room: the map never holds more than its bound.
      if (verifiedTokens.size >= VERIFIED_TOKENS_MAX) verifiedTokens.delete(verifiedTokens.keys().next().value ?? "");
      verifiedTokens.set(key, { sid, expiresAtMs: token.exp * 1000 });
    }
    return sid;
  } catch {
    return null;
  }
}

/**
 * The signed-in actor, or null. Checks the server-side session on every request, once: the
 * session, its user and every membership in one query, shared by everything the request renders.
 */
export const currentActor = cache(async (): Promise<ActorProfile | null> => {
  const sid = await requestSessionId();
  if (!sid) return null;
  return loadSessionActor(await getDb(), sid);
});

export async function requireActor(): Promise<ActorProfile> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthenticated", "sign in required");
  return actor;
}
