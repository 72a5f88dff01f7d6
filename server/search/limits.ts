// What one search may cost, decided before the query runs (listed in SECURITY.md).
import { processSingleton } from "@/lib/process-singleton";
import { createSharedLimiter } from "../shared-limiter";

export const SEARCH_LIMITS = {
  /** Characters of a query; longer ones are refused, not cut. */
  queryMaxLength: 200,
  /** Results per page. */
  pageSize: 20,
  /** Pages one may page through (20 × 25 = the first 500 results). */
  maxPage: 25,
  /** Searches per account per minute (a burst of as many, then one every 2 s), shared through Redis. */
  perMinute: 30,
  /** The query's statement may run this long on PostgreSQL. */
  statementTimeoutMs: 5_000,
} as const;

// One count for every instance (Redis, with REDIS_URL), as the other per-account allowances.
const limiter = processSingleton("search rate", () =>
  createSharedLimiter("search", { limit: SEARCH_LIMITS.perMinute, windowMs: 60_000 }),
);

/** Spends one of the account's searches; false once it has used its allowance for now. */
export async function takeSearchAllowance(userId: string): Promise<boolean> {
  return (await limiter.take(userId)).allowed;
}
