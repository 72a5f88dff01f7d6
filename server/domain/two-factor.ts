// Two-factor sign-in of one's own account: set-up (a secret kept sealed and pending until a code
// from the app confirms it), recovery codes shown once, regenerating them, turning it off.
// A pending set-up is `users.totpSecret` with `totpEnabledAt` null; it grants nothing.
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { authSessions, dialogues, memberships, recoveryCodes, users } from "@/db/schema";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { recordAudit } from "../audit";
import { verifyPassword } from "../auth/password";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "../auth/recovery-codes";
import { consumeSecondFactor } from "../auth/second-factor";
import { passwordRetryAfterSeconds, recordWrongPassword } from "../auth/sign-in";
import { generateTotpSecret, openTotpSecret, otpauthUri, sealTotpSecret, verifyTotp } from "../auth/totp";
import { notifyUserAccessChanged } from "../collab/notify";
import { conflict, invalidInput, notFound, rateLimited } from "../errors";
import { sendMail } from "../mail";
import { type Actor, authorize } from "../policy";

async function lockedAccount(tx: DbOrTx, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw notFound("user");
  return user;
}

/** Names of the dialogues the user belongs to (suspended or awaiting confirmation included) that require a second factor. */
export async function dialoguesRequiringTwoFactor(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: dialogues.name })
    .from(memberships)
    .innerJoin(dialogues, eq(dialogues.id, memberships.dialogueId))
    .where(and(eq(memberships.userId, userId), eq(dialogues.requireTwoFactor, true)));
  return rows.map((row) => row.name).sort();
}

/** Starts (or starts again) setting up an authenticator app: a new secret, sealed, pending confirmation. */
export async function beginTwoFactorSetUp(db: Db, actor: Actor | null): Promise<void> {
  authorize(actor, "account.manageTwoFactor", { userId: actor?.id ?? "" });
  await db.transaction(async (tx) => {
    const user = await lockedAccount(tx, actor.id);
    if (user.totpEnabledAt) throw conflict("two-factor already on", "twoFactor.errors.alreadyOn");
    await tx
      .update(users)
      .set({ totpSecret: sealTotpSecret(generateTotpSecret(), user.id), totpLastStep: null })
      .where(eq(users.id, user.id));
  });
}

/** The secret of a set-up awaiting confirmation, to show to its owner (text and otpauth URI); null if none. */
export async function pendingTwoFactorSetUp(
  db: Db,
  actor: Actor | null,
): Promise<{ secret: string; uri: string } | null> {
  authorize(actor, "account.manageTwoFactor", { userId: actor?.id ?? "" });
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user?.totpSecret || user.totpEnabledAt) return null;
  const secret = openTotpSecret(user.totpSecret, user.id);
  return { secret, uri: otpauthUri(secret, user.email) };
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: string, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(
    codes.map((code) => ({
      userId,
      codeHash: hashRecoveryCode(userId, normalizeRecoveryCode(code) ?? code),
      createdAt: now,
    })),
  );
  return codes;
}

/**
 * Confirms the pending set-up with a code from the app: two-factor sign-in is on from now, and
 * the ten recovery codes are returned, to be shown this once (only their hashes are kept).
 */
export async function confirmTwoFactorSetUp(
  db: Db,
  actor: Actor | null,
  input: { code: string },
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  authorize(actor, "account.manageTwoFactor", { userId: actor?.id ?? "" });
  return db.transaction(async (tx) => {
    const user = await lockedAccount(tx, actor.id);
    if (user.totpEnabledAt) throw conflict("two-factor already on", "twoFactor.errors.alreadyOn");
    if (!user.totpSecret) throw conflict("no set-up under way", "twoFactor.errors.noSetUp");
    const step = verifyTotp(openTotpSecret(user.totpSecret, user.id), input.code, { now });
    if (step === null) throw invalidInput("wrong code", "twoFactor.errors.wrongCode");
    // The confirming code is spent: it cannot sign anyone in afterwards.
    await tx.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.two_factor_enabled",
      targetType: "user",
      targetId: user.id,
    });
    return { recoveryCodes: codes };
  });
}

/**
 * That the person at the keyboard is the account's owner, not someone at a session left open: a
 * current code (or a recovery code, spent) or the password. A wrong one counts as a failed
 * sign-in on the account from this address, under the same allowance.
 */
async function requireProof(db: Db, userId: string, proof: string, address: string, now: Date): Promise<void> {
  if (!proof.trim()) throw invalidInput("no proof given", "twoFactor.errors.wrongProof");
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound("user");
  const wait = await passwordRetryAfterSeconds(address, user.email);
  if (wait > 0) {
    throw rateLimited("proof attempts throttled", "twoFactor.errors.throttled");
  }
  // A password may look like a code: what is not accepted as one is tried as the password.
  const looksLikeCode = /^\d{6}$/.test(proof.replace(/\s/g, "")) || normalizeRecoveryCode(proof) !== null;
  const proven =
    (looksLikeCode && (await consumeSecondFactor(db, user, proof, now)) !== null) ||
    (user.passwordHash !== null && (await verifyPassword(user.passwordHash, proof)));
  if (!proven) {
    await recordWrongPassword(db, { email: user.email, user }, address, now);
    throw invalidInput("wrong proof", "twoFactor.errors.wrongProof");
  }
}

/**
 * Turns two-factor sign-in off (or abandons a pending set-up), given a current code or the
 * password. Refused while a dialogue the user belongs to requires it.
 */
export async function disableTwoFactor(
  db: Db,
  actor: Actor | null,
  input: { proof: string; address: string },
  now: Date = new Date(),
): Promise<void> {
  authorize(actor, "account.manageTwoFactor", { userId: actor?.id ?? "" });
  const [current] = await db
    .select({ enabledAt: users.totpEnabledAt, secret: users.totpSecret })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!current?.secret) throw conflict("two-factor is off", "twoFactor.errors.notOn");
  if (current.enabledAt && (await dialoguesRequiringTwoFactor(db, actor.id)).length > 0) {
    throw conflict("a dialogue requires two-factor sign-in", "twoFactor.errors.requiredByDialogue");
  }
  if (current.enabledAt) await requireProof(db, actor.id, input.proof, input.address, now);
  await db.transaction(async (tx) => {
    const user = await lockedAccount(tx, actor.id);
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    if (user.totpEnabledAt) {
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.two_factor_disabled",
        targetType: "user",
        targetId: user.id,
      });
    }
  });
}

/** Replaces every recovery code with ten new ones (returned to be shown once), given a current code or the password. */
export async function regenerateRecoveryCodes(
  db: Db,
  actor: Actor | null,
  input: { proof: string; address: string },
  now: Date = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  authorize(actor, "account.manageTwoFactor", { userId: actor?.id ?? "" });
  const [current] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, actor.id));
  if (!current?.enabledAt) throw conflict("two-factor is off", "twoFactor.errors.notOn");
  await requireProof(db, actor.id, input.proof, input.address, now);
  return db.transaction(async (tx) => {
    const user = await lockedAccount(tx, actor.id);
    if (!user.totpEnabledAt) throw conflict("two-factor is off", "twoFactor.errors.notOn");
    const codes = await replaceRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.recovery_codes_regenerated",
      targetType: "user",
      targetId: user.id,
    });
    return { recoveryCodes: codes };
  });
}

/**
 * The secretariat removes the second factor of someone who lost their authenticator and their
 * recovery codes, having checked who they are by other means. Every session of the account ends
 * (whoever held one is out), the owner is told by email, and their next sign-in by password
 * alone leads them to set a second factor up again where a dialogue requires one.
 */
export async function resetTwoFactorByAdministrator(
  db: Db,
  actor: Actor | null,
  input: { userId: string },
): Promise<void> {
  authorize(actor, "system.administer", null);
  const owner = await db.transaction(async (tx) => {
    const user = await lockedAccount(tx, input.userId);
    if (!user.totpSecret) throw conflict("two-factor is off", "twoFactor.errors.notOn");
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.delete(authSessions).where(eq(authSessions.userId, user.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.two_factor_reset",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email },
    });
    return user;
  });
  await notifyUserAccessChanged(owner.id);
  const t = translator(isLocale(owner.locale) ? owner.locale : "en");
  await sendMail([
    {
      to: owner.email,
      subject: t("twoFactor.resetMail.subject"),
      text: t("twoFactor.resetMail.text", { name: owner.name }),
    },
  ]);
}
