// Limits of the public verify endpoint (app/api/verify): the size of an upload, checks per client
// (shared by every instance, through Redis with REDIS_URL), and renderings at once in this
// process (a PDF takes Chromium about a second of its cores). One set per process, whichever
// bundle of the app asks.
import { processSingleton } from "@/lib/process-singleton";
import { createConcurrencyGate } from "../../rate-limit";
import { createSharedLimiter } from "../../shared-limiter";

export const VERIFY_MAX_BYTES = 20 * 1024 * 1024;
export const VERIFY_CHECKS_PER_MINUTE = 20;

export const verifyLimits = processSingleton("verify limits", () => ({
  perClient: createSharedLimiter("verify-checks", { limit: VERIFY_CHECKS_PER_MINUTE, windowMs: 60_000 }),
  renderings: createConcurrencyGate({ max: 2, maxQueue: 8 }),
}));
