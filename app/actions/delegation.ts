"use server";
// A focal point (or the secretariat) confirms or declines someone speaking for their state.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { confirmMembership, declineMembership } from "@/server/domain/memberships";

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
