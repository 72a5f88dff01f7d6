// Per-account allowance for invitation emails: whoever may invite (a chair, a focal point, the
// secretariat) cannot have Accord send mail to any number of addresses. Counted per inviting
// account, through Redis with REDIS_URL so every instance spends the same allowance
// (server/shared-limiter.ts). Spent inside the inviting transaction, so a refusal writes nothing.
import { processSingleton } from "@/lib/process-singleton";
import { rateLimited } from "../errors";
import { createSharedLimiter } from "../shared-limiter";

/**
 * Invitation emails an account may have sent (new people added, accounts created, invitations
 * resent): 200 at once, then one more every 18 s. Far above a secretariat setting up a dialogue.
 */
export const INVITATION_MAILS_PER_ACCOUNT = { limit: 200, windowMs: 60 * 60_000 };

const allowance = processSingleton("invitation allowance", () =>
  createSharedLimiter("invitation-mails", INVITATION_MAILS_PER_ACCOUNT),
);

/** Spends one invitation email of the inviting account, or refuses (the transaction rolls back). */
export async function spendInvitationAllowance(inviterId: string): Promise<void> {
  const decision = await allowance.take(inviterId);
  if (!decision.allowed) throw rateLimited("invitation emails per account", "errors.tooManyInvitations");
}
