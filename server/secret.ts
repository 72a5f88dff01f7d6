// The session secret: required in production, created once and kept locally in development.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export class MissingSecretError extends Error {}

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
