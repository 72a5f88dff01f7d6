// Auth.js: email + password sign-in, and single sign-on when configured (oidc.ts). The JWT cookie
// only names a server-side session row (auth_sessions), checked on every request, so signing out
// or deactivation ends it at once.
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { rateLimitKey, requestClientAddress } from "../rate-limit";
import { secureCookies } from "../secret";
import { OIDC_PROVIDER_ID, oidcProvider, oidcSettings, oidcSignInCallback } from "./oidc";
import {
  addressRetryAfterSeconds,
  endSession,
  recordAddressFailure,
  SESSION_MAX_AGE_SECONDS,
  signInWithPassword,
} from "./sign-in";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

export class SignInRefused extends CredentialsSignin {
  constructor(
    code: "invalid" | "deactivated" | "throttled" | "codeRequired" | "invalidCode",
    readonly retryAfterSeconds = 0,
  ) {
    super(code);
    this.code = code;
  }
}

// Single sign-on only when AUTH_OIDC_ISSUER is set (server/auth/oidc.ts).
const oidc = oidcSettings();

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  // A TOTP code or a recovery code (server/auth/second-factor.ts); empty: none given.
  code: z
    .string()
    .trim()
    .max(32)
    .transform((v) => v || undefined)
    .optional(),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Production cookies are `Secure` (and `__Secure-` named); server/main.ts refuses to start
  // production over plain HTTP without ACCORD_ALLOW_HTTP=1.
  useSecureCookies: secureCookies(process.env),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  logger: {
    // A refused sign-in is an expected outcome, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(raw, request) {
        const address = rateLimitKey(requestClientAddress(request.headers));
        const wait = await addressRetryAfterSeconds(address);
        if (wait > 0) throw new SignInRefused("throttled", wait);
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await signInWithPassword(await getDb(), {
          ...parsed.data,
          address,
          userAgent: request.headers.get("user-agent"),
        });
        if (!result.ok) {
          if (result.reason === "invalid" || result.reason === "invalidCode") await recordAddressFailure(address);
          throw new SignInRefused(result.reason, result.reason === "throttled" ? result.retryAfterSeconds : 0);
        }
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      return oidcSignInCallback(await getDb(), { user, account, profile }, (await headers()).get("user-agent"));
    },
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(await getDb(), sid);
    },
  },
});
