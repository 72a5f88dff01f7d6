"use server";
// A focal point (or the secretariat) manages their state's delegation: confirms or declines
// someone speaking for it, invites, suspends, restores and removes its members.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { DialogueRole } from "@/db/schema";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import {
  addMember,
  confirmMembership,
  declineMembership,
  removeMember,
  setMembershipSuspended,
} from "@/server/domain/memberships";
import { rolesFocalPointMayAppoint } from "@/server/policy";

const requestSchema = z.object({ requestId: z.uuid() });

export async function confirmMembershipAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    const input = requestSchema.parse({ requestId: form.get("requestId") });
    return confirmMembership(await getDb(), await requireActor(), input);
  }, "delegation.confirmed");
  if (result?.ok) revalidatePath("/", "layout");
  return result;
}

export async function declineMembershipAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    const input = requestSchema.parse({ requestId: form.get("requestId") });
    return declineMembership(await getDb(), await requireActor(), input);
  }, "delegation.declined");
  if (result?.ok) revalidatePath("/", "layout");
  return result;
}

const inviteSchema = z.object({
  dialogueId: z.uuid(),
  partnerId: z.uuid(),
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320)),
  role: z.enum(rolesFocalPointMayAppoint as [DialogueRole, ...DialogueRole[]]),
  name: z
    .string()
    .trim()
    .max(200)
    .transform((v) => v || undefined)
    .optional(),
});

/** A focal point invites someone to their own delegation, in a dialogue their state takes part in. */
export async function inviteToDelegationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(
    async () => {
      const input = inviteSchema.parse(Object.fromEntries(form));
      return addMember(await getDb(), await requireActor(), {
        dialogueId: input.dialogueId,
        partnerId: input.partnerId,
        email: input.email,
        role: input.role,
        newAccount: input.name ? { name: input.name } : undefined,
      });
    },
    (added) =>
      added.pending ? "delegation.requested" : added.invitation ? "accountLink.invitationSent" : "admin.memberAdded",
  );
  if (result?.ok) revalidatePath("/", "layout");
  return result;
}

const suspendSchema = z.object({
  membershipId: z.uuid(),
  suspended: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export async function setMembershipSuspendedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(
    async () => {
      const input = suspendSchema.parse(Object.fromEntries(form));
      await setMembershipSuspended(await getDb(), await requireActor(), input);
      return input.suspended;
    },
    (suspended) => (suspended ? "delegation.suspended" : "delegation.restored"),
  );
  if (result?.ok) revalidatePath("/", "layout");
  return result;
}

export async function removeDelegationMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    const input = z.object({ membershipId: z.uuid() }).parse({ membershipId: form.get("membershipId") });
    await removeMember(await getDb(), await requireActor(), input);
  }, "admin.memberRemoved");
  if (result?.ok) revalidatePath("/", "layout");
  return result;
}
