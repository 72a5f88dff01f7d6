// Checking a second factor: a TOTP code (accepted once: its time step is recorded) or one of the
// account's recovery codes (used once). Shared by sign-in and the changes that ask for proof.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { recoveryCodes, users } from "@/db/schema";
import { recordAudit } from "../audit";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { openTotpSecret, verifyTotp } from "./totp";

export type SecondFactorAccount = {
  id: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
};

/**
 * Accepts `code` as the account's second factor, consuming it; null when it is not (wrong,
 * replayed, already used, or no second factor set up). Each consumption is one conditional
 * update, so two requests racing with the same code cannot both succeed.
 */
export async function consumeSecondFactor(
  db: DbOrTx,
  account: SecondFactorAccount,
  code: string,
  now: Date = new Date(),
): Promise<"totp" | "recovery_code" | null> {
  if (!account.totpEnabledAt || !account.totpSecret) return null;
  const recovery = normalizeRecoveryCode(code);
  if (recovery) {
    const [used] = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.userId, account.id),
          eq(recoveryCodes.codeHash, hashRecoveryCode(account.id, recovery)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    if (!used) return null;
    const left = await db
      .select({ id: recoveryCodes.id })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, account.id), isNull(recoveryCodes.usedAt)));
    await recordAudit(db, {
      actorId: account.id,
      action: "user.recovery_code_used",
      targetType: "user",
      targetId: account.id,
      details: { left: left.length },
    });
    return "recovery_code";
  }
  let secret: string;
  try {
    secret = openTotpSecret(account.totpSecret, account.id);
  } catch (error) {
    // Sealed under another AUTH_SECRET (or altered): no code can match it.
    console.error("two-factor: a stored secret does not open", account.id, error);
    return null;
  }
  const step = verifyTotp(secret, code, { now, lastStep: account.totpLastStep });
  if (step === null) return null;
  const [accepted] = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, account.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return accepted ? "totp" : null;
}
