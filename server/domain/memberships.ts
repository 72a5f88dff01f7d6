// Who sits in a dialogue, in which role, for which partner. Only a state decides who speaks for
// it: a membership that would speak for a partner (chair, penholder, delegate), added by someone
// who is not that partner's focal point nor an administrator (a chair inviting), is only a
// request until the focal point confirms it (SPEC: focal point).
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  type DialogueRole,
  dialoguePartners,
  dialogues,
  type Membership,
  type MembershipRequest,
  membershipRequests,
  memberships,
  partnerFocalPoints,
  partners,
  users,
} from "@/db/schema";
import { partnerLabel } from "@/lib/countries";
import { wantsEmail } from "@/lib/email-preferences";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { recordAudit } from "../audit";
import { normalizeEmail } from "../auth/sign-in";
import { notifyUserAccessChanged } from "../collab/notify";
import { AppError, conflict, invalidInput, isUniqueViolation, notFound } from "../errors";
import { appUrl, type Mail, sendMail } from "../mail";
import { type Actor, authorize, can, rolesSpeakingForPartner } from "../policy";
import { type IssuedLink, inviteAccount } from "./account-links";
import { insertAccount } from "./users";

export type AddMemberInput = {
  dialogueId: string;
  email: string;
  role: DialogueRole;
  partnerId: string;
  /** For a person without an account yet: they are invited by email and set their own password. */
  newAccount?: { name: string };
};

async function partnerOfDialogue(tx: Tx, dialogueId: string, partnerId: string) {
  const [partner] = await tx
    .select({ id: partners.id, kind: partners.kind, name: partners.name, iso3: partners.iso3 })
    .from(dialoguePartners)
    .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
    .where(and(eq(dialoguePartners.dialogueId, dialogueId), eq(dialoguePartners.partnerId, partnerId)));
  if (!partner) throw invalidInput("partner is not part of this dialogue", "errors.partnerNotInDialogue");
  return partner;
}

function checkRoleFitsPartner(role: DialogueRole, partnerKind: "state" | "organisation") {
  if (role === "chair" && partnerKind !== "state") {
    throw invalidInput("a chair represents a state", "errors.chairMustBeState");
  }
}

/**
 * A membership made at once, or a request awaiting the partner's focal point; with the invitation
 * link when the person had no account (for the seed and tests; the interface never shows it).
 */
export type AddedMember = ((Membership & { pending: false }) | (MembershipRequest & { pending: true })) & {
  invitation?: IssuedLink;
};

const speaksForPartner = (role: DialogueRole) => (rolesSpeakingForPartner as readonly DialogueRole[]).includes(role);

/**
 * Adds someone to a dialogue: a chair or the secretariat for the dialogue, or a partner's focal
 * point for their own delegation (delegates and observers). A person without an account is
 * invited by email. Someone who would speak for a partner whose focal point has not asked for it
 * is only requested (see `confirmMembership`).
 */
export async function addMember(db: Db, actor: Actor | null, input: AddMemberInput): Promise<AddedMember> {
  const appointment = { dialogueId: input.dialogueId, role: input.role };
  if (!can(actor, "delegation.inviteMember", { ...appointment, partnerId: input.partnerId })) {
    authorize(actor, "dialogue.inviteMember", { dialogueId: input.dialogueId });
    if (!can(actor, "dialogue.appoint", appointment)) {
      throw new AppError("forbidden", "chair cannot appoint this role", "errors.roleNotInvitable");
    }
  }
  if (!actor) throw notFound("dialogue");
  let invitationMailToSend: Mail | undefined;
  const added = await db.transaction(async (tx): Promise<AddedMember> => {
    const partner = await partnerOfDialogue(tx, input.dialogueId, input.partnerId);
    checkRoleFitsPartner(input.role, partner.kind);
    const email = normalizeEmail(input.email);
    let [user] = await tx
      .select({ id: users.id, globalRole: users.globalRole, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.email, email));
    let invitation: IssuedLink | undefined;
    if (!user) {
      if (!input.newAccount) throw invalidInput("no account with this email", "errors.accountDetailsRequired");
      const created = await insertAccount(tx, { email, name: input.newAccount.name });
      user = { id: created.id, globalRole: null, deactivatedAt: null };
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.created",
        targetType: "user",
        targetId: created.id,
        dialogueId: input.dialogueId,
        details: { email },
      });
      const [dialogue] = await tx
        .select({ name: dialogues.name })
        .from(dialogues)
        .where(eq(dialogues.id, input.dialogueId));
      // Written in the inviter's language (the invitee has chosen none yet): see inviteAccount.
      const [inviter] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.id));
      const lang = inviter?.locale ?? "en";
      const invited = await inviteAccount(tx, actor, created, {
        dialogueId: input.dialogueId,
        dialogue: dialogue?.name ?? "",
        role: translator(lang)(`role.${input.role}`),
        partner: partnerLabel({ name: partner.name, iso3: partner.iso3 }, lang),
      });
      invitation = invited.invitation;
      invitationMailToSend = invited.mail;
    }
    if (user.globalRole) throw conflict("global-role accounts hold no dialogue role", "errors.globalRoleMember");
    if (user.deactivatedAt) throw conflict("account deactivated", "errors.accountDeactivated");
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.dialogueId, input.dialogueId)));
    if (existing) throw conflict("already a member", "errors.alreadyMember");
    const details = { userId: user.id, email, role: input.role, partnerId: partner.id, partner: partner.name };
    if (speaksForPartner(input.role) && !can(actor, "delegation.confirmMember", { partnerId: partner.id })) {
      let request: MembershipRequest | undefined;
      try {
        [request] = await tx
          .insert(membershipRequests)
          .values({
            dialogueId: input.dialogueId,
            userId: user.id,
            partnerId: partner.id,
            role: input.role,
            requestedBy: actor.id,
          })
          .returning();
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict("already invited", "errors.alreadyRequested");
        throw error;
      }
      if (!request) throw new Error("membership request insert returned nothing");
      await recordAudit(tx, {
        actorId: actor.id,
        action: "membership.requested",
        targetType: "membership",
        targetId: request.id,
        dialogueId: input.dialogueId,
        details,
      });
      return { ...request, pending: true, invitation };
    }
    const membership = await insertMembership(tx, {
      dialogueId: input.dialogueId,
      userId: user.id,
      partnerId: partner.id,
      role: input.role,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.added",
      targetType: "membership",
      targetId: membership.id,
      dialogueId: input.dialogueId,
      // Speaking for a partner, made at once: confirmed by its focal point or an administrator.
      details: speaksForPartner(input.role) ? { ...details, confirmedBy: actor.id } : details,
    });
    return { ...membership, pending: false, invitation };
  });
  await sendMail([
    ...(invitationMailToSend ? [invitationMailToSend] : []),
    ...(added.pending ? await focalPointMails(db, added) : []),
  ]);
  return added;
}

async function insertMembership(
  tx: Tx,
  values: { dialogueId: string; userId: string; partnerId: string; role: DialogueRole },
): Promise<Membership> {
  let membership: Membership | undefined;
  try {
    [membership] = await tx.insert(memberships).values(values).returning();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("already a member", "errors.alreadyMember");
    throw error;
  }
  if (!membership) throw new Error("membership insert returned nothing");
  return membership;
}

/** The emails telling a partner's focal points that someone awaits their confirmation. */
async function focalPointMails(db: Db, request: MembershipRequest): Promise<Mail[]> {
  const [context] = await db
    .select({ dialogue: dialogues.name, partner: partners.name, iso3: partners.iso3, member: users.name })
    .from(membershipRequests)
    .innerJoin(dialogues, eq(dialogues.id, membershipRequests.dialogueId))
    .innerJoin(partners, eq(partners.id, membershipRequests.partnerId))
    .innerJoin(users, eq(users.id, membershipRequests.userId))
    .where(eq(membershipRequests.id, request.id));
  if (!context) return [];
  const focalPoints = await db
    .select({ email: users.email, locale: users.locale, emailPreferences: users.emailPreferences })
    .from(partnerFocalPoints)
    .innerJoin(users, eq(users.id, partnerFocalPoints.userId))
    .where(eq(partnerFocalPoints.partnerId, request.partnerId));
  // The delegation page lists the request anyway; the email only for those who want it.
  const emailed = focalPoints.filter((focalPoint) => wantsEmail(focalPoint.emailPreferences, "membership.request"));
  return emailed.map((focalPoint) => {
    const locale = isLocale(focalPoint.locale) ? focalPoint.locale : "en";
    const t = translator(locale);
    const vars = {
      name: context.member,
      partner: partnerLabel({ name: context.partner, iso3: context.iso3 }, locale),
      dialogue: context.dialogue,
      role: t(`role.${request.role}`),
    };
    return {
      to: focalPoint.email,
      subject: t("delegation.requestMail.subject", vars),
      text: `${t("delegation.requestMail.text", vars)}\n\n${appUrl("/delegation")}`,
    };
  });
}

async function loadRequest(tx: Tx, requestId: string) {
  const [request] = await tx
    .select()
    .from(membershipRequests)
    .where(eq(membershipRequests.id, requestId))
    .for("update");
  if (!request) throw notFound("membership request");
  return request;
}

/**
 * A partner's focal point (or an administrator, audited) confirms that someone speaks for that
 * partner in a dialogue: the request becomes a membership.
 */
export async function confirmMembership(db: Db, actor: Actor | null, input: { requestId: string }) {
  return db.transaction(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    authorize(actor, "delegation.confirmMember", { partnerId: request.partnerId });
    await tx.delete(membershipRequests).where(eq(membershipRequests.id, request.id));
    const membership = await insertMembership(tx, request);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.confirmed",
      targetType: "membership",
      targetId: membership.id,
      dialogueId: request.dialogueId,
      details: {
        requestId: request.id,
        userId: request.userId,
        role: request.role,
        partnerId: request.partnerId,
        requestedBy: request.requestedBy,
        asFocalPoint: actor.focalPointOf?.has(request.partnerId) ?? false,
      },
    });
    return membership;
  });
}

/** The focal point (or an administrator) declines: the request is gone, nothing was ever granted. */
export async function declineMembership(db: Db, actor: Actor | null, input: { requestId: string }) {
  await db.transaction(async (tx) => {
    const request = await loadRequest(tx, input.requestId);
    authorize(actor, "delegation.confirmMember", { partnerId: request.partnerId });
    await tx.delete(membershipRequests).where(eq(membershipRequests.id, request.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.declined",
      targetType: "membership",
      targetId: request.id,
      dialogueId: request.dialogueId,
      details: { userId: request.userId, role: request.role, partnerId: request.partnerId },
    });
  });
}

/** An administrator names someone a partner's focal point. */
export async function appointFocalPoint(db: Db, actor: Actor | null, input: { partnerId: string; userId: string }) {
  authorize(actor, "delegation.appointFocalPoint", { partnerId: input.partnerId });
  await db.transaction(async (tx) => {
    const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId));
    if (!partner) throw notFound("partner");
    const inserted = await tx
      .insert(partnerFocalPoints)
      .values({ partnerId: input.partnerId, userId: input.userId, appointedBy: actor.id })
      .onConflictDoNothing()
      .returning({ userId: partnerFocalPoints.userId });
    if (inserted.length === 0) return;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "partner.focal_point_appointed",
      targetType: "partner",
      targetId: input.partnerId,
      details: { userId: input.userId },
    });
  });
}

async function loadMembership(tx: Tx, membershipId: string) {
  const [membership] = await tx.select().from(memberships).where(eq(memberships.id, membershipId));
  if (!membership) throw notFound("membership");
  return membership;
}

export async function changeMemberRole(
  db: Db,
  actor: Actor | null,
  input: { membershipId: string; role: DialogueRole; partnerId: string },
) {
  const userId = await db.transaction(async (tx) => {
    const before = await loadMembership(tx, input.membershipId);
    authorize(actor, "dialogue.manageMembers", { dialogueId: before.dialogueId });
    const partner = await partnerOfDialogue(tx, before.dialogueId, input.partnerId);
    checkRoleFitsPartner(input.role, partner.kind);
    await tx.update(memberships).set({ role: input.role, partnerId: partner.id }).where(eq(memberships.id, before.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.role_changed",
      targetType: "membership",
      targetId: before.id,
      dialogueId: before.dialogueId,
      details: {
        userId: before.userId,
        from: { role: before.role, partnerId: before.partnerId },
        to: { role: input.role, partnerId: partner.id },
      },
    });
    return before.userId;
  });
  // Open collaboration sockets follow the new role (e.g. delegate → observer: read-only).
  await notifyUserAccessChanged(userId);
}

/** Who may remove or suspend a membership: the secretariat, or the focal point of the partner it speaks for. */
function authorizeMembershipChange(actor: Actor | null, membership: Membership): asserts actor is Actor {
  if (can(actor, "delegation.manageMember", { partnerId: membership.partnerId })) return;
  authorize(actor, "dialogue.manageMembers", { dialogueId: membership.dialogueId });
}

export async function removeMember(db: Db, actor: Actor | null, input: { membershipId: string }) {
  const userId = await db.transaction(async (tx) => {
    const before = await loadMembership(tx, input.membershipId);
    authorizeMembershipChange(actor, before);
    await tx.delete(memberships).where(eq(memberships.id, before.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.removed",
      targetType: "membership",
      targetId: before.id,
      dialogueId: before.dialogueId,
      details: { userId: before.userId, role: before.role, partnerId: before.partnerId },
    });
    return before.userId;
  });
  // Open collaboration sockets of the removed member close within moments, not at reconnect.
  await notifyUserAccessChanged(userId);
}

/**
 * Suspends a membership (it grants nothing, and the person's open sockets on the dialogue's
 * papers close within seconds) or restores it. The partner's focal point or the secretariat.
 */
export async function setMembershipSuspended(
  db: Db,
  actor: Actor | null,
  input: { membershipId: string; suspended: boolean },
  now: Date = new Date(),
) {
  const userId = await db.transaction(async (tx) => {
    const before = await loadMembership(tx, input.membershipId);
    authorizeMembershipChange(actor, before);
    if ((before.suspendedAt !== null) === input.suspended) return null;
    await tx
      .update(memberships)
      .set(input.suspended ? { suspendedAt: now, suspendedBy: actor.id } : { suspendedAt: null, suspendedBy: null })
      .where(eq(memberships.id, before.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.suspended ? "membership.suspended" : "membership.restored",
      targetType: "membership",
      targetId: before.id,
      dialogueId: before.dialogueId,
      details: { userId: before.userId, role: before.role, partnerId: before.partnerId },
    });
    return before.userId;
  });
  if (userId) await notifyUserAccessChanged(userId);
}
