// A real OpenID Connect provider (the `oidc-provider` package) started in this process for the
// single sign-on tests: discovery, authorization code with PKCE, signed ID tokens, one client.
// Its sign-in page is our own plain form (an email address, no password), so that a browser test
// can fill it and nothing is loaded from outside (the package's development pages import a web font).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export type ProviderAccount = { sub: string; email: string; emailVerified: boolean; name?: string };

export type TestOidcProvider = {
  /** The issuer, e.g. http://localhost:3302 (what AUTH_OIDC_ISSUER names). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The four AUTH_OIDC_* settings for an app that uses this provider. */
  env: Record<"AUTH_OIDC_ISSUER" | "AUTH_OIDC_ID" | "AUTH_OIDC_SECRET" | "AUTH_OIDC_NAME", string>;
  stop(): Promise<void>;
};

/** The accounts the e2e server's provider knows (seeded emails and strangers). */
export const e2eProviderAccounts: ProviderAccount[] = [
  { sub: "ministry-0001", email: "ml@rabat.accord.test", emailVerified: true, name: "Ministry of Mali" },
  { sub: "ministry-0002", email: "stranger@ministry.example", emailVerified: true, name: "Stranger" },
  { sub: "ministry-0003", email: "es@rabat.accord.test", emailVerified: false, name: "Unverified" },
  // Invited in e2e/sso.spec.ts, who accepts by single sign-on instead of choosing a password.
  { sub: "ministry-0004", email: "invitee@ministry.example", emailVerified: true, name: "Invitee" },
];

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ministry sign-in</title></head>
<body><main><h1>Ministry sign-in</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Ministry email</label>
<input id="email" name="email" type="email" required autofocus>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<button type="submit">Continue</button>
</form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * Starts the provider on `port` (0: any free port) at http://localhost:<port>, with one client
 * whose redirect URI is `appUrl`'s Auth.js callback for the provider id "oidc".
 */
export async function startOidcProvider(options: {
  port: number;
  appUrl: string;
  accounts: ProviderAccount[];
  name?: string;
}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "localhost", () => resolve());
  });
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const clientId = "accord";
  const clientSecret = randomBytes(24).toString("hex");
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const bySub = new Map(options.accounts.map((account) => [account.sub, account]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: "test-signing-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The claims go into the ID token itself, which is what Auth.js reads for an OIDC provider.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // Short lives, set explicitly (the package warns about its defaults): a test run is minutes.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name ?? account.email,
        }),
      };
    },
    // A first-party client: consent is given once signed in, no consent page.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? "");
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId,
        accountId: ctx.oidc.session?.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // Quiet: a refused or abandoned interaction is part of the tests.
  provider.on("server_error", (_ctx, error) => console.error("oidc-provider:", error));

  const providerCallback = provider.callback();
  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, submitted: boolean) => {
    if (!submitted) {
      await provider.interactionDetails(req, res);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid));
      return;
    }
    const email = (await readForm(req)).get("email")?.trim().toLowerCase();
    const account = options.accounts.find((candidate) => candidate.email === email);
    if (!account) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid, "Unknown account"));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (!match?.[1]) {
      providerCallback(req, res);
      return;
    }
    interaction(req, res, match[1], req.method === "POST" && Boolean(match[2])).catch((error: unknown) => {
      console.error("oidc-provider interaction:", error);
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
      res.end("interaction failed");
    });
  });

  const name = options.name ?? "Ministry SSO";
  return {
    issuer,
    clientId,
    clientSecret,
    env: { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_ID: clientId, AUTH_OIDC_SECRET: clientSecret, AUTH_OIDC_NAME: name },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
