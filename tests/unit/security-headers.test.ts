// The Content Security Policy and the other response headers (issue 15, finding 7): the nonce is
// where Next looks for it, scripts need it, eval only in development, the socket's origin follows
// the public address, and a policy a client sends with its request is never the one used.
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders, contentSecurityPolicy, newNonce, securityHeaders } from "@/server/security-headers";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.split(" ")[0] === name);

describe("the content security policy", () => {
  it("lets only scripts with its nonce run, and Next reads that nonce from it", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy(nonce, { publicUrl: "http://localhost:3000" });
    expect(getScriptNonceFromHeader(policy)).toBe(nonce);
    expect(directive(policy, "script-src")).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'self'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "default-src")).toBe("default-src 'self'");
  });

  it("allows eval in development only", () => {
    expect(directive(contentSecurityPolicy("n0nce", { dev: true }), "script-src")).toContain("'unsafe-eval'");
    expect(directive(contentSecurityPolicy("n0nce", { dev: false }), "script-src")).not.toContain("'unsafe-eval'");
  });

  it("connects to the collaboration socket of the public address, over wss and upgraded when https", () => {
    const plain = contentSecurityPolicy("n", { publicUrl: "http://localhost:3204" });
    expect(directive(plain, "connect-src")).toBe("connect-src 'self' ws://localhost:3204");
    expect(directive(plain, "upgrade-insecure-requests")).toBeUndefined();
    const secure = contentSecurityPolicy("n", { publicUrl: "https://accord.example.org" });
    expect(directive(secure, "connect-src")).toBe("connect-src 'self' wss://accord.example.org");
    expect(directive(secure, "upgrade-insecure-requests")).toBe("upgrade-insecure-requests");
  });

  it("draws a new 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("the headers of a response", () => {
  it("carry the policy with a fresh nonce, on the response and on the request Next reads, replacing the client's", () => {
    const headers = securityHeaders("http://localhost:3000");
    const policies = [1, 2].map(() => {
      const request = new IncomingMessage(new Socket());
      request.headers["content-security-policy"] = "script-src 'nonce-chosenbytheclient'";
      const response = new ServerResponse(request);
      applySecurityHeaders(request, response, headers, { publicUrl: "http://localhost:3000" });
      expect(request.headers["content-security-policy"]).toBe(response.getHeader("content-security-policy"));
      expect(response.getHeader("x-content-type-options")).toBe("nosniff");
      expect(response.getHeader("x-frame-options")).toBe("DENY");
      expect(response.getHeader("referrer-policy")).toBe("same-origin");
      expect(response.getHeader("permissions-policy")).toContain("camera=()");
      return String(response.getHeader("content-security-policy"));
    });
    expect(policies[0]).not.toContain("chosenbytheclient");
    expect(getScriptNonceFromHeader(policies[0] ?? "")).not.toBe(getScriptNonceFromHeader(policies[1] ?? ""));
  });

  it("add HSTS only when the public address is https", () => {
    expect(securityHeaders("http://localhost:3000")["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("https://accord.example.org")["Strict-Transport-Security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });
});
