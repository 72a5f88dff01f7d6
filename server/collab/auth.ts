// Who is on the socket: the same Auth.js session cookie as the app, read from the upgrade
// request's headers (no token in the URL, nothing that can leak into logs). The JWT only names an
// auth_sessions row; that row must still be live, exactly as for pages.
import { decode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { sessionUserId } from "../auth/sign-in";

/** Auth.js cookie names: plain on http, __Secure- prefixed on https. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // Leave undecodable values as they are; the JWT decode will reject them.
    }
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** The session token and the cookie name it was found under (the JWT salt); reassembles chunked cookies (`name.0`, `name.1`…). */
export function sessionTokenFrom(cookies: Map<string, string>): { token: string; salt: string } | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return { token: whole, salt: name };
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`) ?? "");
    if (chunks.length > 0) return { token: chunks.join(""), salt: name };
  }
  return null;
}

/**
 * Session ids of tokens this process has already decrypted and verified, until the token's own
 * expiry: a signed-in user's every request carries the same token. Only the cryptography is
 * skipped; callers still check the session row every time (signing out ends it at once).
 */
const verifiedTokens = processSingleton(
  "verified session tokens",
  () => new Map<string, { sid: string; expiresAtMs: number }>(),
);
const VERIFIED_TOKENS_MAX = 2000;

/** The session id an Auth.js session cookie names, once its JWT is verified; null otherwise. */
export async function verifiedSessionId(
  cookies: Map<string, string>,
  secret = process.env.AUTH_SECRET,
): Promise<string | null> {
  if (!secret) return null;
  const found = sessionTokenFrom(cookies);
  if (!found) return null;
  // Keyed with the secret too: a token is verified only for the secret it was checked against.
  const key = `${secret}\n${found.salt}\n${found.token}`;
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

export type SocketSession = { userId: string; sessionId: string };

/** The live session named by the request's cookie, or null (no cookie, bad JWT, ended or expired session, deactivated user). */
export async function sessionFromHeaders(
  db: Db,
  headers: Headers,
  secret = process.env.AUTH_SECRET,
): Promise<SocketSession | null> {
  const sid = await verifiedSessionId(parseCookies(headers.get("cookie")), secret);
  if (!sid) return null;
  const userId = await sessionUserId(db, sid);
  return userId ? { userId, sessionId: sid } : null;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
