// Starts the built app for the end-to-end tests on a fresh database: a new PostgreSQL
// database when DATABASE_URL is set, a new embedded one otherwise, seeded with the demo data, and
// single sign-on through a real OpenID Connect provider started here (tests/helpers/oidc-provider).
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { e2eProviderAccounts, startOidcProvider } from "../tests/helpers/oidc-provider";
import { startSmtpSink } from "../tests/helpers/smtp";
import { e2eMailboxPath } from "./mailbox";

async function freshPostgresDatabase(url: string): Promise<string> {
  const name = `accord_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Databases of earlier runs (named by their start time) are dropped after an hour.
    const old = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'accord_e2e_%'`;
    for (const { datname } of old) {
      const startedAt = Number(datname.split("_")[2]);
      if (startedAt && Date.now() - startedAt > 3_600_000) {
        await admin.unsafe(`drop database if exists ${datname} with (force)`).catch(() => {});
      }
    }
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

const dataDir = mkdtempSync(path.join(tmpdir(), "accord-e2e-"));
if (process.env.DATABASE_URL) {
  process.env.DATABASE_URL = await freshPostgresDatabase(process.env.DATABASE_URL);
}
const port = process.env.E2E_PORT ?? "3100";
// Every email the app sends lands in a file the specs read (e2e/mailbox.ts): invitation and
// reset links are followed from the email, as a person would.
const mailbox = e2eMailboxPath(port);
writeFileSync(mailbox, "");
const smtp = await startSmtpSink({
  onMail: (mail) =>
    appendFileSync(mailbox, `${JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text })}\n`),
});
// Any free port (E2E_OIDC_PORT to pin one): runs on other ports never collide.
const oidcProvider = await startOidcProvider({
  port: Number(process.env.E2E_OIDC_PORT ?? 0),
  appUrl: `http://localhost:${port}`,
  accounts: e2eProviderAccounts,
  name: "Ministry SSO",
});
Object.assign(process.env, {
  ...oidcProvider.env,
  SMTP_URL: smtp.url,
  NODE_ENV: "production",
  ACCORD_DATA_DIR: dataDir,
  ACCORD_SEED_FORCE: "1",
  AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
  PORT: port,
  NEXT_TELEMETRY_DISABLED: "1",
  // Production over http://localhost, knowingly: session cookies are not Secure here.
  ACCORD_ALLOW_HTTP: "1",
  // As behind one reverse proxy: tests name the client with X-Forwarded-For (per-address limits).
  TRUSTED_PROXY: "1",
});
await import("../server/main");
