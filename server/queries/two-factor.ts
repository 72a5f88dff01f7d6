// What the two-factor page shows its owner: on or off, a set-up under way, the recovery codes
// left, and the dialogues that require it.
import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recoveryCodes, users } from "@/db/schema";
import { dialoguesRequiringTwoFactor, pendingTwoFactorSetUp } from "../domain/two-factor";
import { type Actor, authorize } from "../policy";

export type TwoFactorOverview = {
  enabledAt: Date | null;
  /** The set-up awaiting a code from the app, with its secret (shown to its owner only). */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
  /** Names of the user's dialogues that require a second factor. */
  requiredBy: string[];
};

export async function twoFactorOverview(db: Db, actor: Actor | null): Promise<TwoFactorOverview> {
  authorize(actor, "account.manageTwoFactor", { userId: actor?.id ?? "" });
  const [[user], [left], requiredBy, pending] = await Promise.all([
    db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, actor.id)),
    db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt))),
    dialoguesRequiringTwoFactor(db, actor.id),
    pendingTwoFactorSetUp(db, actor),
  ]);
  return { enabledAt: user?.enabledAt ?? null, pending, recoveryCodesLeft: left?.n ?? 0, requiredBy };
}
