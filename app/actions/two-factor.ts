"use server";
// Two-factor sign-in of one's own account, and a dialogue requiring it (the secretariat).
// Each action: validate, authenticate, then one domain function that authorizes and audits.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { TWO_FACTOR_PAGE } from "@/server/auth/guard";
import { setDialogueTwoFactor } from "@/server/domain/dialogues";
import {
  beginTwoFactorSetUp,
  confirmTwoFactorSetUp,
  disableTwoFactor,
  regenerateRecoveryCodes,
} from "@/server/domain/two-factor";
import { rateLimitKey, requestClientAddress } from "@/server/rate-limit";

/** An action's outcome, with the recovery codes to show this once when it made some. */
export type RecoveryCodesState = (NonNullable<ActionState> & { recoveryCodes?: string[] }) | null;

const code = z.string().trim().min(1).max(32);
/** A current code, a recovery code, or the password. */
const proofSchema = z.object({ proof: z.string().min(1).max(1024) });

async function clientAddress(): Promise<string> {
  return rateLimitKey(requestClientAddress(await headers()));
}

export async function beginTwoFactorAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  const result = await actionResult(
    async () => beginTwoFactorSetUp(await getDb(), await requireActor()),
    "twoFactor.startedOk",
  );
  if (result?.ok) revalidatePath(TWO_FACTOR_PAGE);
  return result;
}

// No revalidation on success: the page keeps showing the codes until the user moves on.
export async function confirmTwoFactorAction(_prev: RecoveryCodesState, form: FormData): Promise<RecoveryCodesState> {
  let codes: string[] | undefined;
  const result = await actionResult(async () => {
    const input = z.object({ code }).parse({ code: form.get("code") });
    codes = (await confirmTwoFactorSetUp(await getDb(), await requireActor(), input)).recoveryCodes;
  }, "twoFactor.enabled");
  return result && { ...result, recoveryCodes: codes };
}

export async function regenerateRecoveryCodesAction(
  _prev: RecoveryCodesState,
  form: FormData,
): Promise<RecoveryCodesState> {
  let codes: string[] | undefined;
  const result = await actionResult(async () => {
    const input = proofSchema.parse({ proof: form.get("proof") });
    const actor = await requireActor();
    codes = (await regenerateRecoveryCodes(await getDb(), actor, { ...input, address: await clientAddress() }))
      .recoveryCodes;
  }, "twoFactor.regenerated");
  return result && { ...result, recoveryCodes: codes };
}

export async function disableTwoFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    // A pending set-up is cancelled without proof (it protects nothing yet).
    const input = z.object({ proof: z.string().max(1024).default("") }).parse({ proof: form.get("proof") ?? "" });
    const actor = await requireActor();
    await disableTwoFactor(await getDb(), actor, { ...input, address: await clientAddress() });
  }, "twoFactor.disabled");
  if (result?.ok) revalidatePath(TWO_FACTOR_PAGE);
  return result;
}

const dialogueTwoFactorSchema = z.object({
  dialogueId: z.uuid(),
  required: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export async function setDialogueTwoFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let required = false;
  const result = await actionResult(
    async () => {
      const input = dialogueTwoFactorSchema.parse({
        dialogueId: form.get("dialogueId"),
        required: form.get("required"),
      });
      required = input.required;
      return setDialogueTwoFactor(await getDb(), await requireActor(), input);
    },
    () => (required ? "twoFactor.admin.required" : "twoFactor.admin.optional"),
  );
  if (result?.ok) revalidatePath("/", "layout");
  return result;
}
