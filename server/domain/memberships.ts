// Who sits in a dialogue, in which role, for which partner.
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { type DialogueRole, dialoguePartners, type Membership, memberships, partners, users } from "@/db/schema";
import { recordAudit } from "../audit";
import { normalizeEmail } from "../auth/sign-in";
import { notifyUserAccessChanged } from "../collab/notify";
import { AppError, conflict, invalidInput, isUniqueViolation, notFound } from "../errors";
import { type Actor, authorize, can } from "../policy";
import { insertAccount } from "./users";

export type AddMemberInput = {
  dialogueId: string;
  email: string;
  role: DialogueRole;
  partnerId: string;
  /** For an account that does not exist yet. */
  newAccount?: { name: string; password: string };
};

async function partnerOfDialogue(tx: Tx, dialogueId: string, partnerId: string) {
  const [partner] = await tx
    .select({ id: partners.id, kind: partners.kind, name: partners.name })
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

export async function addMember(db: Db, actor: Actor | null, input: AddMemberInput) {
  authorize(actor, "dialogue.inviteMember", { dialogueId: input.dialogueId });
  if (!can(actor, "dialogue.appoint", { dialogueId: input.dialogueId, role: input.role })) {
    throw new AppError("forbidden", "chair cannot appoint this role", "errors.roleNotInvitable");
  }
  return db.transaction(async (tx) => {
    const partner = await partnerOfDialogue(tx, input.dialogueId, input.partnerId);
    checkRoleFitsPartner(input.role, partner.kind);
    const email = normalizeEmail(input.email);
    let [user] = await tx
      .select({ id: users.id, globalRole: users.globalRole, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.email, email));
    if (!user) {
      if (!input.newAccount) throw invalidInput("no account with this email", "errors.accountDetailsRequired");
      const created = await insertAccount(tx, { email, ...input.newAccount });
      user = { id: created.id, globalRole: null, deactivatedAt: null };
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.created",
        targetType: "user",
        targetId: created.id,
        dialogueId: input.dialogueId,
        details: { email },
      });
    }
    if (user.globalRole) throw conflict("global-role accounts hold no dialogue role", "errors.globalRoleMember");
    if (user.deactivatedAt) throw conflict("account deactivated", "errors.accountDeactivated");
    let membership: Membership | undefined;
    try {
      [membership] = await tx
        .insert(memberships)
        .values({ dialogueId: input.dialogueId, userId: user.id, partnerId: partner.id, role: input.role })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict("already a member", "errors.alreadyMember");
      throw error;
    }
    if (!membership) throw new Error("membership insert returned nothing");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.added",
      targetType: "membership",
      targetId: membership.id,
      dialogueId: input.dialogueId,
      details: { userId: user.id, email, role: input.role, partnerId: partner.id, partner: partner.name },
    });
    return membership;
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

export async function removeMember(db: Db, actor: Actor | null, input: { membershipId: string }) {
  const userId = await db.transaction(async (tx) => {
    const before = await loadMembership(tx, input.membershipId);
    authorize(actor, "dialogue.manageMembers", { dialogueId: before.dialogueId });
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
