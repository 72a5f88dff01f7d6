// Single sign-on against a real database, with ID tokens from a real OpenID Connect provider
// (tests/helpers/oidc-provider.ts): linking by verified email, then by subject; refusals write nothing.

import { createHash, createPublicKey, type JsonWebKey, randomBytes, verify } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import type { User } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, authSessions, userIdentities, users } from "@/db/schema";
import type { ActorProfile } from "@/server/actor";
import { type OidcIdentity, oidcSettings, oidcSignInCallback, signInWithOidc } from "@/server/auth/oidc";
import { readAccountLink } from "@/server/domain/account-links";
import { createAccount, setAccountActive } from "@/server/domain/users";
import { useTestDatabase } from "../helpers/database";
import { ensureAdmin, makeAccount, uniqueToken } from "../helpers/factories";
import { type ProviderAccount, startOidcProvider, type TestOidcProvider } from "../helpers/oidc-provider";

const testDb = useTestDatabase();
const ISSUER = "https://sso.ministry.example";
let admin: ActorProfile;

beforeAll(async () => {
  admin = await ensureAdmin(testDb.db());
});

const identity = (overrides: Partial<OidcIdentity> & { email?: string | null }): OidcIdentity => ({
  issuer: ISSUER,
  subject: `sub-${uniqueToken()}`,
  emailVerified: true,
  ...overrides,
});

async function auditRows(action: string, targetId: string) {
  return testDb
    .db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
}

async function identitiesOf(userId: string) {
  return testDb.db().select().from(userIdentities).where(eq(userIdentities.userId, userId));
}

/** Rows in the tables a sign-in writes: a refusal must leave every count as it was. */
async function writtenCounts() {
  const db = testDb.db();
  const [identities] = await db.select({ n: count() }).from(userIdentities);
  const [sessions] = await db.select({ n: count() }).from(authSessions);
  const [audits] = await db.select({ n: count() }).from(auditEvents);
  return { identities: Number(identities?.n), sessions: Number(sessions?.n), audits: Number(audits?.n) };
}

async function userRow(id: string) {
  const [row] = await testDb.db().select().from(users).where(eq(users.id, id));
  if (!row) throw new Error("user vanished");
  return row;
}

describe("signInWithOidc", () => {
  it("links an active account by the email its provider verified and opens an oidc session", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const who = identity({ email: user.email.toUpperCase() });
    const result = await signInWithOidc(db, who, { userAgent: "Firefox on the ministry laptop" });
    expect(result).toMatchObject({ ok: true, userId: user.id });
    if (!result.ok) throw new Error("unreachable");

    expect(await identitiesOf(user.id)).toMatchObject([{ provider: ISSUER, subject: who.subject }]);
    const linked = await auditRows("user.sso_linked", user.id);
    expect(linked.map((row) => row.details)).toEqual([{ provider: ISSUER, subject: who.subject }]);
    const [session] = await db.select().from(authSessions).where(eq(authSessions.id, result.sessionId));
    expect(session).toMatchObject({
      userId: user.id,
      signInMethod: "oidc",
      userAgent: "Firefox on the ministry laptop",
    });
    expect((await auditRows("user.signed_in", user.id)).map((row) => row.details)).toEqual([{ method: "oidc" }]);
    // Already active: no invitation to accept.
    // Already accepted (by the password its owner chose): single sign-on accepts nothing more.
    const accepted = await auditRows("user.invitation_accepted", user.id);
    expect(accepted.map((row) => row.details)).toEqual([expect.objectContaining({ method: "password" })]);
  });

  it("finds the identity by its subject afterwards: a changed email at the provider reaches no other account", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const other = await makeAccount(db, admin);
    const who = identity({ email: user.email });
    await signInWithOidc(db, who);
    // The provider now says this subject's email is the other account's (and not even verified).
    const again = await signInWithOidc(db, { ...who, email: other.email, emailVerified: false });
    expect(again).toMatchObject({ ok: true, userId: user.id });
    expect(await auditRows("user.sso_linked", user.id)).toHaveLength(1);
    expect(await identitiesOf(other.id)).toHaveLength(0);
  });

  it("activates an invited account on its first single sign-on", async () => {
    const db = testDb.db();
    // Invited by the secretariat, the link not used: no password, not yet accepted.
    const invited = await createAccount(db, admin, { email: `invitee.${uniqueToken()}@test.accord`, name: "Invitee" });
    const now = new Date();
    const result = await signInWithOidc(db, identity({ email: invited.email }), {}, now);
    expect(result).toMatchObject({ ok: true, userId: invited.id });
    expect((await userRow(invited.id)).activatedAt).toEqual(now);
    // Accepted by SSO, the emailed link can no longer set a password.
    expect(await readAccountLink(db, { token: invited.invitation.token, purpose: "invitation" })).toEqual({
      state: "used",
    });
    const accepted = await auditRows("user.invitation_accepted", invited.id);
    expect(accepted.map((row) => row.details)).toEqual([{ method: "oidc" }]);
  });

  it("refuses an email the provider did not verify, writing nothing", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    const before = await writtenCounts();
    for (const emailVerified of [false, undefined, null, "true", 1]) {
      expect(await signInWithOidc(db, identity({ email: user.email, emailVerified }))).toEqual({
        ok: false,
        reason: "unverified",
      });
    }
    expect(await writtenCounts()).toEqual(before);
  });

  it("refuses an email with no account, and a token without an email, writing nothing", async () => {
    const db = testDb.db();
    const before = await writtenCounts();
    expect(await signInWithOidc(db, identity({ email: `nobody.${uniqueToken()}@test.accord` }))).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(await signInWithOidc(db, identity({ email: null }))).toEqual({ ok: false, reason: "unknown" });
    expect(await writtenCounts()).toEqual(before);
  });

  it("refuses a deactivated account, linked or not, writing nothing", async () => {
    const db = testDb.db();
    const unlinked = await makeAccount(db, admin);
    const linked = await makeAccount(db, admin);
    const linkedIdentity = identity({ email: linked.email });
    await signInWithOidc(db, linkedIdentity);
    await setAccountActive(db, admin, { userId: unlinked.id, active: false });
    await setAccountActive(db, admin, { userId: linked.id, active: false });
    const before = await writtenCounts();
    expect(await signInWithOidc(db, identity({ email: unlinked.email }))).toEqual({ ok: false, reason: "deactivated" });
    expect(await signInWithOidc(db, linkedIdentity)).toEqual({ ok: false, reason: "deactivated" });
    expect(await writtenCounts()).toEqual(before);
    expect(await identitiesOf(unlinked.id)).toHaveLength(0);
  });

  it("does not move an account's link to another subject of the same issuer by email", async () => {
    const db = testDb.db();
    const user = await makeAccount(db, admin);
    await signInWithOidc(db, identity({ email: user.email }));
    const before = await writtenCounts();
    expect(await signInWithOidc(db, identity({ email: user.email }))).toEqual({
      ok: false,
      reason: "linked_elsewhere",
    });
    expect(await writtenCounts()).toEqual(before);
    // Another issuer's subject is another identity: linked by its own verified email.
    const elsewhere = await signInWithOidc(db, identity({ issuer: "https://sso.other.example", email: user.email }));
    expect(elsewhere).toMatchObject({ ok: true, userId: user.id });
    expect(await identitiesOf(user.id)).toHaveLength(2);
  });
});

describe("oidcSettings", () => {
  it("is off without AUTH_OIDC_ISSUER and refuses half a configuration", () => {
    expect(oidcSettings({})).toBeNull();
    expect(() => oidcSettings({ AUTH_OIDC_ISSUER: "https://sso.example" })).toThrow(/AUTH_OIDC_ID/);
    expect(
      oidcSettings({ AUTH_OIDC_ISSUER: "https://sso.example", AUTH_OIDC_ID: "accord", AUTH_OIDC_SECRET: "s" }),
    ).toEqual({ issuer: "https://sso.example", clientId: "accord", clientSecret: "s", name: "SSO" });
  });
});

describe("with ID tokens from a real OpenID Connect provider", () => {
  const appUrl = "http://localhost:3999";
  let provider: TestOidcProvider;
  let accounts: ProviderAccount[];

  beforeAll(async () => {
    const db = testDb.db();
    const known = await makeAccount(db, admin);
    accounts = [
      { sub: `ministry-${uniqueToken()}`, email: known.email, emailVerified: true },
      { sub: `ministry-${uniqueToken()}`, email: `stranger.${uniqueToken()}@ministry.example`, emailVerified: true },
    ];
    provider = await startOidcProvider({ port: 0, appUrl, accounts });
  });
  afterAll(async () => {
    await provider?.stop();
  });

  /** The authorization code flow (PKCE, state, nonce) as a browser and Auth.js would run it. */
  async function idTokenClaims(email: string): Promise<Record<string, unknown>> {
    const jar = new Map<string, string>();
    const send = async (url: string, init: RequestInit = {}) => {
      const response = await fetch(url, {
        ...init,
        redirect: "manual",
        headers: { ...init.headers, cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ""] = cookie.split(";");
        const at = pair.indexOf("=");
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return response;
    };
    const location = (response: Response) => new URL(response.headers.get("location") ?? "", provider.issuer).href;
    const verifier = randomBytes(32).toString("base64url");
    const nonce = randomBytes(16).toString("base64url");
    const redirectUri = `${appUrl}/api/auth/callback/oidc`;
    const authorize = new URL(`${provider.issuer}/auth`);
    for (const [name, value] of Object.entries({
      client_id: provider.clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "openid email profile",
      state: "state-1",
      nonce,
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    })) {
      authorize.searchParams.set(name, value);
    }
    const toInteraction = await send(authorize.href);
    const interaction = location(toInteraction);
    expect(interaction).toMatch(/\/interaction\//);
    const loggedIn = await send(`${interaction}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email }).toString(),
    });
    const callback = new URL(location(await send(location(loggedIn))));
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe("state-1");
    const tokenResponse = await send(`${provider.issuer}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${provider.clientId}:${provider.clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: callback.searchParams.get("code") ?? "",
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }).toString(),
    });
    expect(tokenResponse.status).toBe(200);
    const { id_token: idToken } = (await tokenResponse.json()) as { id_token: string };
    // Checked as a relying party must: the provider's signature, issuer, audience and nonce.
    const [header = "", payload = "", signature = ""] = idToken.split(".");
    const { keys } = (await (await fetch(`${provider.issuer}/jwks`)).json()) as { keys: JsonWebKey[] };
    const [key] = keys;
    if (!key) throw new Error("no signing key published");
    const signed = verify(
      "RSA-SHA256",
      Buffer.from(`${header}.${payload}`),
      createPublicKey({ key, format: "jwk" }),
      Buffer.from(signature, "base64url"),
    );
    expect(signed).toBe(true);
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: provider.issuer, aud: provider.clientId, nonce });
    return claims;
  }

  it("signs in the account whose verified email the provider asserts, and puts the session on the user", async () => {
    const [known] = accounts;
    if (!known) throw new Error("no account");
    const profile = await idTokenClaims(known.email);
    expect(profile).toMatchObject({ sub: known.sub, email: known.email, email_verified: true });
    const user: User = { id: "provider-side-id" };
    expect(await oidcSignInCallback(testDb.db(), { user, profile }, "Chromium")).toBe(true);
    const [row] = await identitiesOf(user.id ?? "");
    expect(row).toMatchObject({ provider: provider.issuer, subject: known.sub });
    const [session] = await testDb
      .db()
      .select()
      .from(authSessions)
      .where(eq(authSessions.id, user.sessionId ?? ""));
    expect(session).toMatchObject({ userId: user.id, signInMethod: "oidc", userAgent: "Chromium" });
  });

  it("refuses the provider's account with no Accord account: back to /signin with the reason", async () => {
    const [, stranger] = accounts;
    if (!stranger) throw new Error("no account");
    const user: User = { id: "provider-side-id" };
    const profile = await idTokenClaims(stranger.email);
    expect(await oidcSignInCallback(testDb.db(), { user, profile }, null)).toBe("/signin?error=SsoNoAccount");
    expect(user.sessionId).toBeUndefined();
  });
});
