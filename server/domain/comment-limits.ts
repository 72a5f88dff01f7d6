// Per-account allowances for comments and the mention emails they send: one account (a hostile
// participant, or a script with a stolen session) cannot flood a paper's threads or the members'
// inboxes. Counted per user id, through Redis with REDIS_URL so every instance spends the same
// allowance (server/shared-limiter.ts). A refusal comes before anything is written.
import { processSingleton } from "@/lib/process-singleton";
import { rateLimited } from "../errors";
import { createSharedLimiter } from "../shared-limiter";

/**
 * Comments an account may post or edit (new threads, replies, edits): 30 at once, then one more
 * every 2 s. Far above anyone typing comments in a negotiation.
 */
export const COMMENTS_PER_ACCOUNT = { limit: 30, windowMs: 60_000 };

/**
 * Mention emails an account's comments may send: 100 at once, then one more every 36 s. A comment
 * naming many members spends one per person mentioned.
 */
export const MENTION_MAILS_PER_ACCOUNT = { limit: 100, windowMs: 60 * 60_000 };

// One count for every instance (Redis), and one per process otherwise: Next.js may load this
// module in more than one of its bundles.
const allowances = processSingleton("comment allowances", () => ({
  comments: createSharedLimiter("comments", COMMENTS_PER_ACCOUNT),
  mentionMails: createSharedLimiter("mention-mails", MENTION_MAILS_PER_ACCOUNT),
}));

/** Spends one of the account's comments, or refuses (nothing written yet). */
export async function spendCommentAllowance(userId: string): Promise<void> {
  const decision = await allowances.comments.take(userId);
  if (!decision.allowed) throw rateLimited("comments per account", "comments.errors.tooManyComments");
}

/** Spends one mention email per person mentioned, or refuses (the caller's transaction rolls back). */
export async function spendMentionMailAllowance(userId: string, mails: number): Promise<void> {
  if (mails === 0) return;
  const decision = await allowances.mentionMails.take(userId, mails);
  if (!decision.allowed) throw rateLimited("mention emails per account", "comments.errors.tooManyMentions");
}
