// The in-process limits of public endpoints: token bucket with an injected clock, the
// concurrency gate, and which address counts as the client's.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  createConcurrencyGate,
  createRateLimiter,
  GateFullError,
  isGateFullError,
  rateLimitKey,
  requestClientAddress,
  stampClientAddress,
  trustedProxyHops,
} from "@/server/rate-limit";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("rate limiter", () => {
  it("allows `limit` at once, then one per window/limit, per key", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 20, windowMs: 60_000, now: c.now });
    for (let i = 0; i < 20; i++) expect(limiter.take("a").allowed, `check ${i + 1}`).toBe(true);
    const refused = limiter.take("a");
    expect(refused).toEqual({ allowed: false, retryAfterMs: 3000 });
    // Another client is not affected.
    expect(limiter.take("b")).toEqual({ allowed: true, remaining: 19 });
    c.advance(2999);
    expect(limiter.take("a").allowed).toBe(false);
    c.advance(1);
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take("a").allowed).toBe(false);
    // After a whole window the full allowance is back, not more.
    c.advance(10 * 60_000);
    for (let i = 0; i < 20; i++) expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("refused attempts do not cost anything, and a clock going back does not refill", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: c.now });
    limiter.take("a");
    limiter.take("a");
    for (let i = 0; i < 5; i++) expect(limiter.take("a").allowed).toBe(false);
    c.advance(500);
    expect(limiter.take("a").allowed).toBe(true);
    c.advance(-10_000);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("tells how long until one more is allowed, spending nothing", () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, now: () => t });
    expect(limiter.waitMs("a")).toBe(0);
    limiter.take("a");
    limiter.take("a");
    expect(limiter.waitMs("a")).toBe(500);
    expect(limiter.waitMs("a")).toBe(500);
    expect(limiter.waitMs("b")).toBe(0);
    t = 500;
    expect(limiter.waitMs("a")).toBe(0);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("keeps at most maxKeys keys, dropping the least recently used", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: c.now, maxKeys: 3 });
    for (const key of ["a", "b", "c", "d"]) limiter.take(key);
    expect(limiter.size).toBe(3);
    // "a" was forgotten: it may check again; "d" was not.
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("d").allowed).toBe(false);
    limiter.reset();
    expect(limiter.size).toBe(0);
  });

  it("refuses a meaningless configuration", () => {
    expect(() => createRateLimiter({ limit: 0, windowMs: 1000 })).toThrow();
  });
});

describe("concurrency gate", () => {
  it("runs at most `max` tasks at once, queues `maxQueue` more and refuses the rest", async () => {
    const gate = createConcurrencyGate({ max: 2, maxQueue: 1 });
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return "done";
      });
    const first = task();
    const second = task();
    const third = task();
    await expect(task()).rejects.toBeInstanceOf(GateFullError);
    expect([gate.active, gate.waiting]).toEqual([2, 1]);
    await Promise.resolve();
    expect(releases).toHaveLength(2);
    releases.shift()?.();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(releases).toHaveLength(2);
    for (const release of releases.splice(0)) release();
    await expect(Promise.all([second, third])).resolves.toEqual(["done", "done"]);
    expect(peak).toBe(2);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it("frees the place of a task that fails", async () => {
    const gate = createConcurrencyGate({ max: 1, maxQueue: 0 });
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(gate.run(async () => 1)).resolves.toBe(1);
    expect(isGateFullError(new GateFullError())).toBe(true);
    expect(isGateFullError(new Error("other"))).toBe(false);
  });
});

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe("client address", () => {
  it("TRUSTED_PROXY: unset means no proxy; a count or true means that many", () => {
    expect(trustedProxyHops(env({}))).toBe(0);
    expect(trustedProxyHops(env({ TRUSTED_PROXY: "false" }))).toBe(0);
    expect(trustedProxyHops(env({ TRUSTED_PROXY: "true" }))).toBe(1);
    expect(trustedProxyHops(env({ TRUSTED_PROXY: "2" }))).toBe(2);
    expect(trustedProxyHops(env({ TRUSTED_PROXY: "nonsense" }))).toBe(0);
  });

  it("without a trusted proxy the peer is the client, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.1", "203.0.113.9", 0)).toBe("198.51.100.1");
  });

  it("behind trusted proxies, the address the outermost one saw; forged entries before it are ignored", () => {
    // client forged "1.1.1.1"; the proxy (peer 10.0.0.2) appended the real client 203.0.113.9.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.3", "1.1.1.1, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("the server stamps the address on the request, replacing a forged header", () => {
    const req = {
      headers: { "x-forwarded-for": "1.1.1.1", [CLIENT_ADDRESS_HEADER]: "9.9.9.9" },
      socket: { remoteAddress: "198.51.100.7" },
    } as unknown as IncomingMessage;
    stampClientAddress(req, env({}));
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "1.1.1.1" });
    expect(requestClientAddress(headers, env({}))).toBe("198.51.100.7");
  });

  it("limits count an IPv6 client by its /64 and an IPv4-mapped address as IPv4", () => {
    expect(rateLimitKey("2001:db8:abcd:12:1::5")).toBe("2001:db8:abcd:12::/64");
    expect(rateLimitKey("2001:0db8:abcd:0012:ffff:1:2:3")).toBe("2001:db8:abcd:12::/64");
    expect(rateLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitKey("203.0.113.9")).toBe("203.0.113.9");
  });
});
