// Single sign-on with a ministry's OpenID Connect provider (Auth.js's generic OIDC provider),
// configured by AUTH_OIDC_ISSUER / AUTH_OIDC_ID / AUTH_OIDC_SECRET / AUTH_OIDC_NAME. It never
// creates an account: a sign-in is matched to an existing (active or invited) account by the
// provider's subject once linked, and the first time by an email the provider says it verified.
import { and, eq, isNull } from "drizzle-orm";
import type { Account, Profile, User } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accountLinks, userIdentities, users } from "@/db/schema";
import type { MessageKey } from "@/lib/i18n/translate";
import { recordAudit } from "../audit";
import { normalizeEmail, openSession } from "./sign-in";

/** Auth.js's id of the provider: its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; name: string };

/** The provider's settings, or null when single sign-on is not configured (no AUTH_OIDC_ISSUER). */
export function oidcSettings(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.AUTH_OIDC_ID?.trim();
  const clientSecret = env.AUTH_OIDC_SECRET;
  // Half a configuration is a mistake to report plainly, not a button that fails at the provider.
  if (!clientId || !clientSecret) throw new Error("AUTH_OIDC_ISSUER is set: set AUTH_OIDC_ID and AUTH_OIDC_SECRET too");
  return { issuer, clientId, clientSecret, name: env.AUTH_OIDC_NAME?.trim() || "SSO" };
}

export function oidcProvider(settings: OidcSettings): OIDCConfig<Profile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
  };
}

export type OidcSignInRefusal = "unverified" | "unknown" | "deactivated" | "linked_elsewhere";

export type OidcSignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: OidcSignInRefusal };

export type OidcIdentity = {
  /** The ID token's `iss`: subjects are unique per issuer only. */
  issuer: string;
  subject: string;
  email?: string | null;
  emailVerified?: unknown;
};

/**
 * Signs in the account of a provider identity whose ID token Auth.js validated, and opens its
 * session. The identity (issuer, subject) once linked decides alone: a later change of email at the
 * provider can neither move the link nor reach another account. Unlinked, the email must be
 * verified by the provider (`email_verified: true`) and name an existing account not yet linked to
 * another subject of this issuer; the link is made and audited, and an invited account becomes
 * active. A refusal writes nothing.
 */
export async function signInWithOidc(
  db: Db,
  identity: OidcIdentity,
  input: { userAgent?: string | null } = {},
  now: Date = new Date(),
): Promise<OidcSignInResult> {
  return db.transaction(async (tx): Promise<OidcSignInResult> => {
    const account = { id: users.id, deactivatedAt: users.deactivatedAt, activatedAt: users.activatedAt };
    const [linked] = await tx
      .select(account)
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(and(eq(userIdentities.provider, identity.issuer), eq(userIdentities.subject, identity.subject)));
    let user = linked;
    if (!user) {
      if (identity.emailVerified !== true) return { ok: false, reason: "unverified" };
      if (!identity.email) return { ok: false, reason: "unknown" };
      [user] = await tx
        .select(account)
        .from(users)
        .where(eq(users.email, normalizeEmail(identity.email)));
      if (!user) return { ok: false, reason: "unknown" };
      if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
      // Bound to another subject of this issuer: the email alone does not move the binding
      // (the address may have been given to someone else at the ministry).
      const [other] = await tx
        .select({ subject: userIdentities.subject })
        .from(userIdentities)
        .where(and(eq(userIdentities.userId, user.id), eq(userIdentities.provider, identity.issuer)));
      if (other) return { ok: false, reason: "linked_elsewhere" };
      await tx
        .insert(userIdentities)
        .values({ provider: identity.issuer, subject: identity.subject, userId: user.id, createdAt: now });
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.sso_linked",
        targetType: "user",
        targetId: user.id,
        details: { provider: identity.issuer, subject: identity.subject },
      });
    }
    if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
    if (!user.activatedAt) {
      await tx.update(users).set({ activatedAt: now }).where(eq(users.id, user.id));
      // Accepted by single sign-on: the emailed link must not set a password afterwards.
      await tx
        .update(accountLinks)
        .set({ usedAt: now })
        .where(
          and(eq(accountLinks.userId, user.id), eq(accountLinks.purpose, "invitation"), isNull(accountLinks.usedAt)),
        );
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.invitation_accepted",
        targetType: "user",
        targetId: user.id,
        details: { method: "oidc" },
      });
    }
    // The ministry's provider applies its own authentication policy: this counts as a second factor.
    const sessionId = await openSession(tx, { userId: user.id, method: "oidc", userAgent: input.userAgent }, now);
    return { ok: true, userId: user.id, sessionId };
  });
}

/** The `error` of /signin?error=… for each refusal (Auth.js's error page is /signin). */
export const oidcRefusalErrorCodes = {
  unverified: "SsoEmailUnverified",
  unknown: "SsoNoAccount",
  deactivated: "SsoDeactivated",
  linked_elsewhere: "SsoLinkedElsewhere",
} as const satisfies Record<OidcSignInRefusal, string>;

const idTokenClaims = z.object({
  iss: z.string().min(1).max(2048),
  sub: z.string().min(1).max(255),
  email: z.string().max(320).nullish(),
  email_verified: z.unknown(),
});

/**
 * Auth.js's `signIn` callback for this provider (the one callback that can both refuse and hand
 * data on): refuses with /signin?error=…, or opens the session and leaves its id on `user`, from
 * which the `jwt` callback puts it in the token, as for a password sign-in.
 */
export async function oidcSignInCallback(
  db: Db,
  params: { user: User; account?: Account | null; profile?: Profile },
  userAgent: string | null,
): Promise<true | string> {
  const claims = idTokenClaims.safeParse(params.profile);
  if (!claims.success) return `/signin?error=${oidcRefusalErrorCodes.unknown}`;
  const result = await signInWithOidc(
    db,
    {
      issuer: claims.data.iss,
      subject: claims.data.sub,
      email: claims.data.email,
      emailVerified: claims.data.email_verified,
    },
    { userAgent },
  );
  if (!result.ok) return `/signin?error=${oidcRefusalErrorCodes[result.reason]}`;
  params.user.id = result.userId;
  params.user.sessionId = result.sessionId;
  return true;
}

/** The message key for /signin's `error` parameter, or null when there is none. */
export function oidcErrorMessageKey(code: string | undefined): MessageKey | null {
  if (!code) return null;
  switch (code) {
    case oidcRefusalErrorCodes.unverified:
      return "sso.error.unverified";
    case oidcRefusalErrorCodes.unknown:
      return "sso.error.unknown";
    case oidcRefusalErrorCodes.deactivated:
      return "sso.error.deactivated";
    case oidcRefusalErrorCodes.linked_elsewhere:
      return "sso.error.linkedElsewhere";
    default:
      // Auth.js's own codes (Configuration, AccessDenied, OAuthCallbackError…): the provider
      // failed or the person cancelled there.
      return "sso.error.failed";
  }
}
