// Allowances per client address that hold across app instances. With REDIS_URL (several
// instances sharing live edits through Redis) each allowance lives in Redis, spent by one
// script so instances never race, and timed by Redis's clock so theirs need not agree; without
// it, in this process's memory. When Redis cannot be reached, the process falls back to its own
// memory for that check: a Redis outage never locks anyone out, and limits still apply.
import type { Redis as RedisClient } from "ioredis";
import { processSingleton } from "@/lib/process-singleton";
import { createRateLimiter, type RateLimitDecision, type RateLimiterOptions } from "./rate-limit";

export type SharedLimiter = {
  /** Spends `cost` (default 1) of `key`'s allowance, if it has that much left. */
  take(key: string, cost?: number): Promise<RateLimitDecision>;
  /** Milliseconds until `key` may spend one more (0: now), spending nothing. */
  waitMs(key: string): Promise<number>;
};

// The generic cell rate algorithm of createRateLimiter, on one key: its value is when the
// allowance would be whole again (ms, Redis's clock), expiring then. Returns {1, remaining} or
// {0, retry-after ms}; with ARGV[4] = "0" it only looks (cost 1), returning {1, wait ms}.
const GCRA_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local nextTat = tat + interval * cost
local allowedFrom = nextTat - window
if ARGV[4] == '0' then
  return {1, math.max(0, math.ceil(allowedFrom - now))}
end
if now < allowedFrom then
  return {0, math.ceil(allowedFrom - now)}
end
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.max(1, math.ceil(nextTat - now)))
return {1, math.floor((window - (nextTat - now)) / interval)}
`;

// One connection per Redis URL and process: Next's bundles and the custom server share it.
// `firstAttempt` settles when the first connection succeeds or fails: only until then does a
// check wait for it.
type Held = { client: RedisClient; firstAttempt: Promise<boolean> };
const clients = processSingleton("limiter Redis connections", () => new Map<string, Promise<Held>>());

async function connect(url: string): Promise<Held> {
  const { Redis } = await import("ioredis");
  // No offline queue: while Redis is away a check fails at once and is counted in memory;
  // ioredis keeps reconnecting in the background.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1_000 });
  client.on("error", () => {}); // a failed check is reported where it happens
  client.defineCommand("accordGcra", { numberOfKeys: 1, lua: GCRA_SCRIPT });
  const firstAttempt = new Promise<boolean>((resolve) => {
    client.once("ready", () => resolve(true));
    client.once("error", () => resolve(false));
    setTimeout(() => resolve(false), 1_000).unref();
  });
  return { client, firstAttempt };
}

/** The process's connection to `url`, created once even when the first checks come together. */
function redisFor(url: string): Promise<Held> {
  let held = clients.get(url);
  if (!held) {
    held = connect(url);
    clients.set(url, held);
  }
  return held;
}

/** Ready now, or after the first connection attempt; false while Redis is away. */
async function whenReady({ client, firstAttempt }: Held): Promise<boolean> {
  const isReady = () => client.status === "ready";
  if (isReady()) return true;
  return (await firstAttempt) && isReady();
}

type GcraClient = RedisClient & {
  accordGcra(key: string, interval: number, window: number, cost: number, spend: "0" | "1"): Promise<[number, number]>;
};

let warned = false;
function warnOnce(error: unknown) {
  if (warned) return;
  warned = true;
  console.error("rate limits: Redis unreachable, counting in this process meanwhile", error);
}

/**
 * An allowance named `name` (the Redis key prefix: instances share it by name): `limit` at once,
 * then one every windowMs/limit, as createRateLimiter. `redisUrl` defaults to REDIS_URL.
 */
export function createSharedLimiter(
  name: string,
  options: RateLimiterOptions,
  redisUrl: string | undefined = process.env.REDIS_URL || undefined,
): SharedLimiter {
  const local = createRateLimiter(options);
  if (!redisUrl) {
    return { take: async (key, cost) => local.take(key, cost), waitMs: async (key) => local.waitMs(key) };
  }
  const url = redisUrl;
  const interval = options.windowMs / options.limit;
  const run = async (key: string, cost: number, spend: "0" | "1"): Promise<[number, number] | null> => {
    try {
      const held = await redisFor(url);
      if (!(await whenReady(held))) throw new Error(`Redis ${held.client.status}`);
      const client = held.client as GcraClient;
      const answer = await client.accordGcra(`accord:limit:${name}:${key}`, interval, options.windowMs, cost, spend);
      warned = false;
      return answer;
    } catch (error) {
      warnOnce(error);
      return null;
    }
  };
  return {
    async take(key, cost = 1) {
      const answer = await run(key, cost, "1");
      if (!answer) return local.take(key, cost);
      const [allowed, value] = answer;
      return allowed === 1 ? { allowed: true, remaining: value } : { allowed: false, retryAfterMs: value };
    },
    async waitMs(key) {
      const answer = await run(key, 1, "0");
      return answer ? answer[1] : local.waitMs(key);
    },
  };
}

/** Closes this process's Redis connections for limits (shutdown, tests). */
export async function closeLimiterRedis(): Promise<void> {
  const held = [...clients.values()];
  clients.clear();
  for (const { client } of await Promise.all(held)) client.disconnect();
}
