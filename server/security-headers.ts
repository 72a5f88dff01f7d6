// Headers every response carries, set by the custom server before Next.js answers: a Content
// Security Policy whose scripts must carry this response's nonce (an injected inline script does
// not run), no framing by other sites (clickjacking a vote), no content sniffing, no referrer
// leaving the origin with a paper's address, no powerful browser features, and HSTS once the
// public address is https.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export type PolicyOptions = {
  /** The public address (AUTH_URL): the collaboration socket's origin, https or not. */
  publicUrl?: string;
  /** Development: React's debugging needs eval; never in production. */
  dev?: boolean;
};

/** 128 random bits, base64: unguessable, and new for every response. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The one Content Security Policy, for `nonce`. Scripts: only those carrying the nonce (Next puts
 * it on its own, read from the request's header) and what they load ('strict-dynamic'). Styles
 * may be inline: ProseMirror and the suggestion marks set style attributes, and a nonce in
 * style-src would switch 'unsafe-inline' off. The socket is the page's own origin over ws(s).
 */
export function contentSecurityPolicy(nonce: string, { publicUrl, dev = false }: PolicyOptions = {}): string {
  const url = publicUrl ? new URL(publicUrl) : undefined;
  const https = url?.protocol === "https:";
  const socketOrigin = url ? `${https ? "wss" : "ws"}://${url.host}` : undefined;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${socketOrigin ? ` ${socketOrigin}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The headers that do not change from one response to the next (the policy does: its nonce). */
export function securityHeaders(publicUrl = process.env.AUTH_URL): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "X-Frame-Options": "DENY",
  };
  if (publicUrl?.startsWith("https://")) {
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  }
  return headers;
}

/**
 * Sets the headers on the response, and the policy with a fresh nonce on the response and on the
 * request: Next reads the nonce from the request's Content-Security-Policy header and puts it on
 * every script it renders (a header the client sent is replaced).
 */
export function applySecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
  options: PolicyOptions,
): void {
  const policy = contentSecurityPolicy(newNonce(), options);
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
