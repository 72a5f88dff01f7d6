// Allowances shared by app instances through Redis (server/shared-limiter.ts): two instances
// (two connections) spend one allowance, keys expire once whole again, and without Redis each
// process still limits from its own memory. Uses a redis-server of its own.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeLimiterRedis, createSharedLimiter } from "@/server/shared-limiter";
import { type Child, hasRedisServer, spawnRedis } from "../collab/process";
import { closedPort } from "../helpers/smtp";

let redis: Child | undefined;
let inspector: Redis | undefined;
// Two spellings of one server: each instance below gets a connection of its own.
let instanceA = "";
let instanceB = "";

beforeAll(async () => {
  if (!hasRedisServer) return;
  redis = await spawnRedis();
  instanceA = `redis://127.0.0.1:${redis.port}`;
  instanceB = `redis://127.0.0.1:${redis.port}/0`;
  inspector = new Redis(instanceA);
  inspector.on("error", () => {}); // the last test stops the server under it
});

afterAll(async () => {
  await closeLimiterRedis();
  inspector?.disconnect();
  await redis?.kill();
});

const window = { limit: 3, windowMs: 60_000 };

describe.skipIf(!hasRedisServer)("an allowance shared through Redis", () => {
  it("is spent by every instance together, per key", async () => {
    const a = createSharedLimiter("test-shared", window, instanceA);
    const b = createSharedLimiter("test-shared", window, instanceB);
    expect(await a.take("203.0.113.1")).toEqual({ allowed: true, remaining: 2 });
    expect(await b.take("203.0.113.1")).toEqual({ allowed: true, remaining: 1 });
    expect(await a.take("203.0.113.1")).toEqual({ allowed: true, remaining: 0 });
    const refused = await b.take("203.0.113.1");
    expect(refused.allowed).toBe(false);
    // One more every 20 s: the next one is about 20 s away, for either instance.
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(19_000);
    expect(await a.waitMs("203.0.113.1")).toBeGreaterThan(19_000);
    // Another client, or another allowance of the same client, is untouched.
    expect(await b.take("203.0.113.2")).toEqual({ allowed: true, remaining: 2 });
    expect(await b.waitMs("203.0.113.2")).toBe(0);
    expect(await createSharedLimiter("test-other", window, instanceB).take("203.0.113.1")).toMatchObject({
      allowed: true,
    });
  });

  it("keeps a key only until the allowance is whole again", async () => {
    const limiter = createSharedLimiter("test-expiry", { limit: 2, windowMs: 400 }, instanceA);
    await limiter.take("198.51.100.7");
    const ttl = await inspector?.pttl("accord:limit:test-expiry:198.51.100.7");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await inspector?.exists("accord:limit:test-expiry:198.51.100.7")).toBe(0);
    expect(await limiter.take("198.51.100.7")).toEqual({ allowed: true, remaining: 1 });
  });

  it("counts in the process's memory while Redis cannot be reached, at once", async () => {
    const limiter = createSharedLimiter(
      "test-away",
      { limit: 2, windowMs: 60_000 },
      `redis://127.0.0.1:${await closedPort()}`,
    );
    const started = Date.now();
    expect((await limiter.take("192.0.2.9")).allowed).toBe(true);
    expect((await limiter.take("192.0.2.9")).allowed).toBe(true);
    expect((await limiter.take("192.0.2.9")).allowed).toBe(false);
    expect(await limiter.waitMs("192.0.2.9")).toBeGreaterThan(0);
    // The first check waits for the first connection (a second at most), the others not at all.
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe.skipIf(!hasRedisServer)("when Redis goes away after connecting", () => {
  // Last: it stops this file's redis-server.
  it("checks go on from the process's memory without waiting for reconnection", async () => {
    const limiter = createSharedLimiter("test-outage", { limit: 1, windowMs: 60_000 }, instanceA);
    expect(await limiter.take("192.0.2.50")).toEqual({ allowed: true, remaining: 0 });
    expect(await inspector?.exists("accord:limit:test-outage:192.0.2.50")).toBe(1);
    await redis?.kill();
    redis = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    for (let i = 0; i < 5; i++) await limiter.waitMs("192.0.2.51");
    expect((await limiter.take("192.0.2.51")).allowed).toBe(true);
    expect((await limiter.take("192.0.2.51")).allowed).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("an allowance without Redis", () => {
  it("is counted in the process's memory", async () => {
    const limiter = createSharedLimiter("test-memory", { limit: 1, windowMs: 60_000 }, undefined);
    expect(await limiter.take("192.0.2.1")).toEqual({ allowed: true, remaining: 0 });
    expect((await limiter.take("192.0.2.1")).allowed).toBe(false);
    expect((await limiter.take("192.0.2.2")).allowed).toBe(true);
  });
});
