// Single-use links sent by email: an invitation to set one's own password, and a password reset
// an administrator asks for. Nobody ever sees or sets another person's password: whoever invites
// or resets only causes a link to be mailed to the person, who chooses the password themselves.
// Only a SHA-256 of each token is stored, so the table cannot be used to sign in.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { type AccountLinkPurpose, accountLinks, authSessions, type Locale, users } from "@/db/schema";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { recordAudit } from "../audit";
import { hashPassword } from "../auth/password";
import { checkNewPassword } from "../auth/password-policy";
import { notifyUserAccessChanged } from "../collab/notify";
import { conflict, invalidInput, notFound } from "../errors";
import { appUrl, type Mail, sendMail } from "../mail";
import { type Actor, authorize } from "../policy";
import { spendInvitationAllowance } from "./invitation-limits";

/** How long an invitation link stays usable. */
export const INVITATION_LIFETIME_MS = 72 * 60 * 60 * 1000;
/** How long a password reset link stays usable. */
export const PASSWORD_RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;
const lifetimeOf: Record<AccountLinkPurpose, number> = {
  invitation: INVITATION_LIFETIME_MS,
  password_reset: PASSWORD_RESET_LIFETIME_MS,
};
/** The page each kind of link opens. */
export const accountLinkPath: Record<AccountLinkPurpose, string> = {
  invitation: "/invitation",
  password_reset: "/password-reset",
};
/** Tokens are 32 random bytes, base64url: exactly 43 characters. */
export const ACCOUNT_LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type IssuedLink = { token: string; url: string; expiresAt: Date };

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues a link for the user, replacing any earlier unused link of the same purpose (only the
 * newest one works). Runs in the caller's transaction; the caller mails the URL after commit.
 */
export async function issueAccountLink(
  tx: DbOrTx,
  input: { userId: string; purpose: AccountLinkPurpose; createdBy: string | null },
  now: Date = new Date(),
): Promise<IssuedLink> {
  await tx
    .delete(accountLinks)
    .where(
      and(eq(accountLinks.userId, input.userId), eq(accountLinks.purpose, input.purpose), isNull(accountLinks.usedAt)),
    );
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + lifetimeOf[input.purpose]);
  await tx.insert(accountLinks).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: tokenHash(token),
    expiresAt,
    createdBy: input.createdBy,
  });
  return { token, url: appUrl(`${accountLinkPath[input.purpose]}/${token}`), expiresAt };
}

export type AccountLinkState =
  | { state: "valid"; purpose: AccountLinkPurpose; email: string; name: string }
  | { state: "expired" | "used" | "unknown" };

/** What a link is, for the page it opens; reveals the account only to a valid link's holder. */
export async function readAccountLink(
  db: DbOrTx,
  input: { token: string; purpose: AccountLinkPurpose },
  now: Date = new Date(),
): Promise<AccountLinkState> {
  if (!ACCOUNT_LINK_TOKEN.test(input.token)) return { state: "unknown" };
  const [row] = await db
    .select({
      purpose: accountLinks.purpose,
      expiresAt: accountLinks.expiresAt,
      usedAt: accountLinks.usedAt,
      email: users.email,
      name: users.name,
      deactivatedAt: users.deactivatedAt,
    })
    .from(accountLinks)
    .innerJoin(users, eq(users.id, accountLinks.userId))
    .where(eq(accountLinks.tokenHash, tokenHash(input.token)));
  if (!row || row.purpose !== input.purpose || row.deactivatedAt) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", purpose: row.purpose, email: row.email, name: row.name };
}

/**
 * The person sets their own password through a link. An invitation activates the account; a
 * reset ends every session of the account (whoever knew the old password is out). The link is
 * used up either way. Returns the email, so that the page can sign the person in.
 */
export async function setPasswordByLink(
  db: Db,
  input: { token: string; purpose: AccountLinkPurpose; password: string },
  now: Date = new Date(),
): Promise<{ userId: string; email: string }> {
  if (!ACCOUNT_LINK_TOKEN.test(input.token)) throw invalidInput("malformed link", "accountLink.unknown");
  const result = await db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(accountLinks)
      .where(eq(accountLinks.tokenHash, tokenHash(input.token)))
      .for("update");
    if (!link || link.purpose !== input.purpose) throw invalidInput("unknown link", "accountLink.unknown");
    if (link.usedAt) throw conflict("link already used", "accountLink.used");
    if (link.expiresAt <= now) throw conflict("link expired", "accountLink.expired");
    const [user] = await tx.select().from(users).where(eq(users.id, link.userId));
    if (!user || user.deactivatedAt) throw invalidInput("unknown link", "accountLink.unknown");
    checkNewPassword(input.password, user.email);
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password), activatedAt: user.activatedAt ?? now })
      .where(eq(users.id, user.id));
    await tx.update(accountLinks).set({ usedAt: now }).where(eq(accountLinks.id, link.id));
    if (link.purpose === "password_reset") await tx.delete(authSessions).where(eq(authSessions.userId, user.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: link.purpose === "invitation" ? "user.invitation_accepted" : "user.password_reset",
      targetType: "user",
      targetId: user.id,
      details: { method: "password", linkId: link.id },
    });
    return { userId: user.id, email: user.email, endedSessions: link.purpose === "password_reset" };
  });
  if (result.endedSessions) await notifyUserAccessChanged(result.userId);
  return { userId: result.userId, email: result.email };
}

/** An administrator has a one-time password reset link mailed to an account's owner. */
export async function requestPasswordReset(
  db: Db,
  actor: Actor | null,
  input: { userId: string },
  now: Date = new Date(),
): Promise<IssuedLink> {
  authorize(actor, "system.administer", null);
  const { link, mail } = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!user) throw notFound("user");
    if (user.deactivatedAt) throw conflict("account deactivated", "errors.accountDeactivated");
    const link = await issueAccountLink(tx, { userId: user.id, purpose: "password_reset", createdBy: actor.id }, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.password_reset_issued",
      targetType: "user",
      targetId: user.id,
      details: { email: user.email, expiresAt: link.expiresAt.toISOString() },
    });
    return { link, mail: passwordResetMail(user, link) };
  });
  await sendMail([mail]);
  return link;
}

function passwordResetMail(user: { email: string; name: string; locale: Locale | null }, link: IssuedLink): Mail {
  const t = translator(isLocale(user.locale) ? user.locale : "en");
  return {
    to: user.email,
    subject: t("accountLink.resetMail.subject"),
    text: t("accountLink.resetMail.text", {
      name: user.name,
      url: link.url,
      hours: PASSWORD_RESET_LIFETIME_MS / 3_600_000,
    }),
  };
}

/** Where the invitation comes from, named in its email. */
export type InvitationContext = { inviter: string; dialogue?: string; role?: string; partner?: string };

/** The email carrying an invitation link. */
export function invitationMail(
  invitee: { email: string; name: string; locale?: Locale | null },
  link: IssuedLink,
  context: InvitationContext,
): Mail {
  const t = translator(isLocale(invitee.locale) ? invitee.locale : "en");
  const hours = INVITATION_LIFETIME_MS / 3_600_000;
  const where =
    context.dialogue && context.role && context.partner
      ? t("accountLink.inviteMail.where", { dialogue: context.dialogue, role: context.role, partner: context.partner })
      : "";
  return {
    to: invitee.email,
    subject: t("accountLink.inviteMail.subject"),
    text: t("accountLink.inviteMail.text", {
      name: invitee.name,
      inviter: context.inviter,
      where,
      url: link.url,
      hours,
    }),
  };
}

/**
 * A new invitation link for an account that has not accepted yet (the first one expired or was
 * lost). The secretariat resends it.
 */
export async function resendInvitation(
  db: Db,
  actor: Actor | null,
  input: { userId: string },
  now: Date = new Date(),
): Promise<IssuedLink> {
  authorize(actor, "system.administer", null);
  const { link, mail } = await db.transaction(async (tx: Tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound("user");
    if (user.activatedAt) throw conflict("invitation already accepted", "accountLink.alreadyAccepted");
    const { invitation, mail } = await inviteAccount(tx, actor, user, { resent: true }, now);
    return { link: invitation, mail };
  });
  await sendMail([mail]);
  return link;
}

/** Issues an invited account's link and audits it; the caller mails it after commit. */
export async function inviteAccount(
  tx: Tx,
  actor: Actor,
  invitee: { id: string; email: string; name: string; locale?: Locale | null },
  context: Omit<InvitationContext, "inviter"> & { dialogueId?: string; resent?: boolean },
  now: Date = new Date(),
) {
  await spendInvitationAllowance(actor.id);
  const invitation = await issueAccountLink(
    tx,
    { userId: invitee.id, purpose: "invitation", createdBy: actor.id },
    now,
  );
  await recordAudit(tx, {
    actorId: actor.id,
    action: "user.invited",
    targetType: "user",
    targetId: invitee.id,
    dialogueId: context.dialogueId ?? null,
    details: {
      email: invitee.email,
      expiresAt: invitation.expiresAt.toISOString(),
      ...(context.resent ? { resent: true } : {}),
    },
  });
  const [inviter] = await tx
    .select({ name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, actor.id));
  // Someone new has chosen no language yet: the invitation is written in the inviter's.
  const reader = { ...invitee, locale: invitee.locale ?? inviter?.locale ?? null };
  return { invitation, mail: invitationMail(reader, invitation, { ...context, inviter: inviter?.name ?? "" }) };
}
