// Accounts: creation, deactivation, interface language.
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { authSessions, type GlobalRole, type Locale, users } from "@/db/schema";
import { recordAudit } from "../audit";
import { hashPassword } from "../auth/password";
import { checkNewPassword } from "../auth/password-policy";
import { normalizeEmail } from "../auth/sign-in";
import { notifyUserAccessChanged } from "../collab/notify";
import { conflict, invalidInput, isUniqueViolation, notFound } from "../errors";
import { sendMail } from "../mail";
import { type Actor, authorize } from "../policy";
import { inviteAccount, issueAccountLink } from "./account-links";

export type NewAccount = {
  email: string;
  name: string;
  globalRole?: GlobalRole | null;
  partnerId?: string | null;
};

/**
 * Inserts an account; the caller has authorized it and writes the audit entry in the same
 * transaction. Without a password the account is invited: nobody can sign in to it until its
 * owner sets one through their invitation link (or signs in by single sign-on).
 */
export async function insertAccount(db: DbOrTx, account: NewAccount & { password?: string }) {
  if (account.password !== undefined) checkNewPassword(account.password, account.email);
  const passwordHash = account.password === undefined ? null : await hashPassword(account.password);
  try {
    const [user] = await db
      .insert(users)
      .values({
        email: normalizeEmail(account.email),
        name: account.name.trim(),
        passwordHash,
        activatedAt: passwordHash ? new Date() : null,
        globalRole: account.globalRole ?? null,
        partnerId: account.partnerId ?? null,
      })
      .returning();
    if (!user) throw new Error("user insert returned nothing");
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("email already registered", "errors.emailTaken");
    throw error;
  }
}

/**
 * The secretariat creates an account by invitation: the person receives a single-use link and
 * sets their own password. Returns the link too, for the seed and tests that accept it as the
 * person would; the interface never shows it.
 */
export async function createAccount(db: Db, actor: Actor | null, account: NewAccount) {
  authorize(actor, "system.administer", null);
  const { user, invitation, mail } = await db.transaction(async (tx) => {
    const user = await insertAccount(tx, account);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email, globalRole: user.globalRole },
    });
    const { invitation, mail } = await inviteAccount(tx, actor, user, {});
    return { user, invitation, mail };
  });
  await sendMail([mail]);
  return { ...user, invitation };
}

/** Deactivating ends every session of the account at once. */
export async function setAccountActive(db: Db, actor: Actor | null, input: { userId: string; active: boolean }) {
  authorize(actor, "system.administer", null);
  if (input.userId === actor.id && !input.active) {
    throw invalidInput("cannot deactivate yourself", "errors.cannotDeactivateSelf");
  }
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ deactivatedAt: input.active ? null : new Date() })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email });
    if (!user) throw notFound("user");
    if (!input.active) await tx.delete(authSessions).where(eq(authSessions.userId, user.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.active ? "user.reactivated" : "user.deactivated",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email },
    });
  });
  // A deactivated account's open collaboration sockets close at once.
  if (!input.active) await notifyUserAccessChanged(input.userId);
}

export async function setAccountLocale(db: Db, actor: Actor | null, locale: Locale) {
  if (!actor) throw notFound("user");
  await db.update(users).set({ locale }).where(eq(users.id, actor.id));
}

/**
 * Creates the first secretariat administrator, refused once any administrator exists. As every
 * account, it is invited: the operator who runs `npm run db:admin` (or the demo seed) receives the
 * single-use link and the administrator chooses their own password through it.
 */
export async function bootstrapAdministrator(db: Db, account: Omit<NewAccount, "globalRole">) {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.globalRole, "admin")).limit(1);
    if (existing) throw conflict("an administrator already exists", "errors.administratorExists");
    const user = await insertAccount(tx, { ...account, globalRole: "admin" });
    await recordAudit(tx, {
      actorId: null,
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email, globalRole: "admin", bootstrap: true },
    });
    const invitation = await issueAccountLink(tx, { userId: user.id, purpose: "invitation", createdBy: null });
    await recordAudit(tx, {
      actorId: null,
      action: "user.invited",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email, bootstrap: true, expiresAt: invitation.expiresAt.toISOString() },
    });
    return { ...user, invitation };
  });
}
