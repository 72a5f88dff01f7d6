// What one search may cost, decided before the query runs (listed in SECURITY.md).
import { processSingleton } from "@/lib/process-singleton";
import { createRateLimiter } from "../rate-limit";

export const SEARCH_LIMITS = {
  /** Characters of a query; longer ones are refused, not cut. */
  queryMaxLength: 200,
  /** Results per page. */
  pageSize: 20,
  /** Pages one may page through (20 × 25 = the first 500 results). */
  maxPage: 25,
  /** Searches per account per minute (a burst of as many, then one every 2 s). */
  perMinute: 30,
  /** The query's statement may run this long on PostgreSQL. */
  statementTimeoutMs: 5_000,
} as const;

const limiter = processSingleton("search rate", () =>
  createRateLimiter({ limit: SEARCH_LIMITS.perMinute, windowMs: 60_000 }),
);

/** Spends one of the account's searches; false once it has used its allowance for now. */
export function takeSearchAllowance(userId: string): boolean {
  return limiter.take(userId).allowed;
}

/** Test helper: forgets the allowances. */
export function resetSearchAllowances(): void {
  limiter.reset();
}
