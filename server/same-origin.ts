// Requests a page of another site made with the user's cookies are refused: route handlers that
// change something and are not server actions (Next checks those itself), and the collaboration
// socket's upgrade (cross-site WebSocket hijacking). A browser always names the sending page's
// origin; clients without one (Node, curl) carry no one else's cookie.
export function isCrossSite(headers: Headers, env: NodeJS.ProcessEnv = process.env): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (!origin) return false;
  const allowed = new Set([headers.get("x-forwarded-host") ?? headers.get("host")]);
  if (env.AUTH_URL) allowed.add(new URL(env.AUTH_URL).host);
  try {
    return !allowed.has(new URL(origin).host);
  } catch {
    return true;
  }
}
