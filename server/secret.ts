// What production needs before it starts: a session secret (created once and kept locally in
// development), and a public address over HTTPS, so that session cookies are `Secure`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export class MissingSecretError extends Error {}
export class InsecureTransportError extends Error {}

/**
 * Whether session cookies are sent only over HTTPS (`Secure`): always in production, unless the
 * operator says in so many words that this production runs over plain HTTP
 * (`ACCORD_ALLOW_HTTP=1`: a closed test network, the end-to-end tests).
 */
export function secureCookies(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === "production" && env.ACCORD_ALLOW_HTTP !== "1";
}

/** At start: production with Secure cookies needs its public address over HTTPS, or it would not sign anyone in. */
export function assertSecureTransport(env: NodeJS.ProcessEnv): void {
  if (secureCookies(env) && !env.AUTH_URL?.startsWith("https://")) {
    throw new InsecureTransportError(
      "Production serves sign-in over HTTPS: set AUTH_URL to the public https:// address (behind a TLS-terminating proxy, with TRUSTED_PROXY), or set ACCORD_ALLOW_HTTP=1 to run over plain HTTP knowingly (session cookies are then not Secure).",
    );
  }
}

export function ensureAuthSecret(env: NodeJS.ProcessEnv, dataDir: string): string {
  const configured = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (configured) return configured;
  if (env.NODE_ENV === "production") {
    throw new MissingSecretError(
      "AUTH_SECRET is not set. Production needs a session secret: set AUTH_SECRET to a random string of 32+ characters (e.g. `openssl rand -base64 32`).",
    );
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
