// A focal point's view of the delegations they manage: who awaits their confirmation to speak
// for their state, and who speaks for it, in every dialogue. The secretariat sees every partner's.
// Scoped: null unless the actor is a focal point or an administrator.
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  type DialogueRole,
  dialoguePartners,
  dialogues,
  membershipRequests,
  memberships,
  partners,
  users,
} from "@/db/schema";
import { partnerLabel } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import { type Actor, can, partnersManagedBy, rolesFocalPointMayAppoint } from "../policy";

export type DelegationRequest = {
  id: string;
  name: string;
  email: string;
  dialogue: string;
  role: DialogueRole;
  partner: string;
  requestedBy: string;
  requestedAt: Date;
};

export type DelegationMember = {
  membershipId: string;
  name: string;
  email: string;
  dialogue: string;
  role: DialogueRole;
  suspended: boolean;
  /** Invited, and has not yet set a password or signed in. */
  invited: boolean;
};

export type Delegation = {
  /** The partners managed, by label, in label order, with the dialogues each takes part in. */
  partners: {
    id: string;
    label: string;
    members: DelegationMember[];
    dialogues: { id: string; name: string }[];
    /** Whether the actor may invite to this delegation (its focal point; the secretariat too). */
    mayInvite: boolean;
  }[];
  pending: DelegationRequest[];
};

export async function delegationOf(db: Db, actor: Actor, locale: Locale): Promise<Delegation | null> {
  if (!can(actor, "delegation.viewAny", null)) return null;
  const managed = partnersManagedBy(actor);
  const own = managed === "all" ? [] : [...managed];
  // The secretariat sees every partner; a focal point only theirs (none matches no uuid).
  const scope = (
    column: typeof partners.id | typeof memberships.partnerId | typeof dialoguePartners.partnerId,
  ): SQL | undefined =>
    managed === "all" ? undefined : inArray(column, own.length > 0 ? own : ["00000000-0000-0000-0000-000000000000"]);
  const requester = alias(users, "requester");
  const [pending, members, partnerRows, partnerDialogues] = await Promise.all([
    db
      .select({
        id: membershipRequests.id,
        name: users.name,
        email: users.email,
        dialogue: dialogues.name,
        role: membershipRequests.role,
        partnerName: partners.name,
        iso3: partners.iso3,
        requestedBy: requester.name,
        requestedAt: membershipRequests.createdAt,
      })
      .from(membershipRequests)
      .innerJoin(users, eq(users.id, membershipRequests.userId))
      .innerJoin(dialogues, eq(dialogues.id, membershipRequests.dialogueId))
      .innerJoin(partners, eq(partners.id, membershipRequests.partnerId))
      .leftJoin(requester, eq(requester.id, membershipRequests.requestedBy))
      .where(scope(partners.id))
      .orderBy(asc(membershipRequests.createdAt)),
    db
      .select({
        membershipId: memberships.id,
        partnerId: memberships.partnerId,
        name: users.name,
        email: users.email,
        dialogue: dialogues.name,
        role: memberships.role,
        suspended: sql<boolean>`${memberships.suspendedAt} is not null`,
        invited: sql<boolean>`${users.activatedAt} is null`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(dialogues, eq(dialogues.id, memberships.dialogueId))
      .where(scope(memberships.partnerId))
      .orderBy(asc(dialogues.name), asc(users.name)),
    db
      .select({ id: partners.id, name: partners.name, iso3: partners.iso3 })
      .from(partners)
      .where(and(scope(partners.id), eq(partners.kind, "state"))),
    db
      .select({ partnerId: dialoguePartners.partnerId, id: dialogues.id, name: dialogues.name })
      .from(dialoguePartners)
      .innerJoin(dialogues, eq(dialogues.id, dialoguePartners.dialogueId))
      .where(scope(dialoguePartners.partnerId))
      .orderBy(asc(dialogues.name)),
  ]);
  return {
    partners: partnerRows
      .map((p) => ({
        id: p.id,
        label: partnerLabel(p, locale),
        members: members.filter((m) => m.partnerId === p.id).map(({ partnerId: _, ...m }) => m),
        dialogues: partnerDialogues.filter((d) => d.partnerId === p.id).map(({ partnerId: _, ...d }) => d),
        mayInvite: rolesFocalPointMayAppoint.some((role) =>
          partnerDialogues.some(
            (d) =>
              d.partnerId === p.id &&
              (can(actor, "delegation.inviteMember", { partnerId: p.id, dialogueId: d.id, role }) ||
                can(actor, "dialogue.inviteMember", { dialogueId: d.id })),
          ),
        ),
      }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    pending: pending.map(({ partnerName, iso3, requestedBy, ...r }) => ({
      ...r,
      partner: partnerLabel({ name: partnerName, iso3 }, locale),
      requestedBy: requestedBy ?? "—",
    })),
  };
}
