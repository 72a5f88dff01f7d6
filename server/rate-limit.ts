// Limits for public endpoints: an allowance per key (a client address), a cap on simultaneous
// expensive tasks, and the client address itself. All in this process's memory; allowances that
// several app instances share go through server/shared-limiter.ts, which counts here too when
// there is no Redis.
import type { IncomingMessage } from "node:http";
import { isIPv6 } from "node:net";
import { processSingleton } from "@/lib/process-singleton";

export type RateLimitDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export type RateLimiter = {
  /** Spends `cost` (default 1) of `key`'s allowance, if it has that much left. */
  take(key: string, cost?: number): RateLimitDecision;
  /** Milliseconds until `key` may spend one more (0: now), spending nothing. */
  waitMs(key: string): number;
  /** Forgets one key, or every key. */
  reset(key?: string): void;
  readonly size: number;
};

export type RateLimiterOptions = {
  /** Requests allowed per window; also the largest burst. */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Keys kept at most; beyond, the least recently used go first. */
  maxKeys?: number;
};

/**
 * `limit` at once, then one every windowMs/limit (20 per minute: one every 3 s): a token bucket,
 * kept as the generic cell rate algorithm (one "theoretical arrival time" per key), so no
 * fractions of tokens accumulate rounding errors and refused attempts cost nothing.
 */
export function createRateLimiter({
  limit,
  windowMs,
  now = Date.now,
  maxKeys = 10_000,
}: RateLimiterOptions): RateLimiter {
  if (!(limit > 0) || !(windowMs > 0)) throw new Error("rate limiter: limit and windowMs must be positive");
  const interval = windowMs / limit;
  // key → when its allowance would be whole again (the past: a full allowance, as if absent).
  const arrivals = new Map<string, number>();

  const evict = (t: number) => {
    for (const [key, at] of arrivals) if (at <= t) arrivals.delete(key);
    for (const key of arrivals.keys()) {
      if (arrivals.size <= maxKeys) break;
      arrivals.delete(key);
    }
  };

  return {
    take(key, cost = 1) {
      const t = now();
      const next = Math.max(arrivals.get(key) ?? t, t) + interval * cost;
      const allowedFrom = next - windowMs;
      if (t < allowedFrom) return { allowed: false, retryAfterMs: Math.ceil(allowedFrom - t) };
      // Most recently used last (Map order), for eviction.
      arrivals.delete(key);
      arrivals.set(key, next);
      if (arrivals.size > maxKeys) evict(t);
      return { allowed: true, remaining: Math.floor((windowMs - (next - t)) / interval) };
    },
    waitMs(key) {
      const t = now();
      const allowedFrom = Math.max(arrivals.get(key) ?? t, t) + interval - windowMs;
      return Math.max(0, Math.ceil(allowedFrom - t));
    },
    reset(key) {
      if (key === undefined) arrivals.clear();
      else arrivals.delete(key);
    },
    get size() {
      return arrivals.size;
    },
  };
}

export class GateFullError extends Error {
  constructor() {
    super("too many tasks waiting");
    this.name = "GateFullError";
  }
}

/** By name: a gate made by another bundle of the app throws its own copy of the class. */
export function isGateFullError(error: unknown): boolean {
  return error instanceof Error && error.name === "GateFullError";
}

export type ConcurrencyGate = {
  /** Runs `task` when fewer than `max` run; waits in line otherwise; throws GateFullError when the line is full. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
};

export function createConcurrencyGate({ max, maxQueue }: { max: number; maxQueue: number }): ConcurrencyGate {
  let active = 0;
  const line: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < max) {
        active += 1;
      } else {
        if (line.length >= maxQueue) throw new GateFullError();
        // The finishing task hands its place over: `active` stays the same.
        await new Promise<void>((resolve) => line.push(resolve));
      }
      try {
        return await task();
      } finally {
        const next = line.shift();
        if (next) next();
        else active -= 1;
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return line.length;
    },
  };
}

// ---- The client's address ---------------------------------------------------------------------

/**
 * Proxies in front of the app whose X-Forwarded-For is believed (setting TRUSTED_PROXY: a count,
 * "true" for 1). Without it, the client is whoever opened the connection and X-Forwarded-For,
 * which anyone can send, is ignored.
 */
export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.TRUSTED_PROXY?.trim().toLowerCase() ?? "";
  if (value === "" || value === "0" || value === "false") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

const forwardedChain = (forwardedFor: string | null | undefined) =>
  (forwardedFor ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * The client of a connection from `peer`: the peer itself, or, behind `hops` trusted proxies
 * (each appending the address it saw to X-Forwarded-For), the address the outermost one saw.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | null | undefined, hops: number): string {
  if (hops === 0) return peer || "unknown";
  const chain = [...forwardedChain(forwardedFor), ...(peer ? [peer] : [])];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "unknown";
}

/** Request header carrying the address the server resolved; overwritten on every request. */
export const CLIENT_ADDRESS_HEADER = "x-accord-client-address";

// Set by the custom server's first request; read by route handlers in Next's bundles.
const stamping = processSingleton("client address stamping", () => ({ active: false }));

/**
 * For the custom server (server/main.ts), before Next.js sees the request: writes the client's
 * address into CLIENT_ADDRESS_HEADER, replacing whatever the client sent under that name. Route
 * handlers cannot see the socket; this is how they learn the peer's address.
 */
export function stampClientAddress(req: IncomingMessage, env: NodeJS.ProcessEnv = process.env): void {
  stamping.active = true;
  const forwarded = req.headers["x-forwarded-for"];
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
    req.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trustedProxyHops(env),
  );
}

/**
 * The client's address in a route handler. The stamped header is believed only when this
 * process stamps every request. Otherwise (the app run without server/main.ts) the best left is
 * X-Forwarded-For: Next.js fills it with the peer's address when the client sent none.
 */
export function requestClientAddress(headers: Headers, env: NodeJS.ProcessEnv = process.env): string {
  const stamped = headers.get(CLIENT_ADDRESS_HEADER);
  if (stamping.active && stamped) return stamped;
  const chain = forwardedChain(headers.get("x-forwarded-for"));
  return chain[Math.max(0, chain.length - Math.max(1, trustedProxyHops(env)))] ?? "unknown";
}

/** The key a limit counts under: the address, with an IPv6 address reduced to its /64 network. */
export function rateLimitKey(address: string): string {
  const bare = address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
  if (!isIPv6(bare)) return bare;
  const [head = "", tail = ""] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = bare.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
