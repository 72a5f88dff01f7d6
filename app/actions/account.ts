"use server";
// The account page's writes: the user's own password, email choices and sessions. The session
// acted from and the client's address come from the request, never from the form.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { emailKinds } from "@/lib/email-preferences";
import { type ActionState, actionResult } from "@/server/action-result";
import { currentSessionId, requireActor } from "@/server/auth/current";
import { MAX_PASSWORD_LENGTH } from "@/server/auth/password-policy";
import { changePassword, endOtherSessions, endOwnSession, setEmailPreferences } from "@/server/domain/account";
import { AppError } from "@/server/errors";
import { rateLimitKey, requestClientAddress } from "@/server/rate-limit";

// Counted in UTF-16 units here, in characters by the password policy: twice its length is its bound.
const password = z.string().max(MAX_PASSWORD_LENGTH * 2);
const passwordChangeSchema = z.object({
  currentPassword: password.min(1),
  newPassword: password,
  newPasswordAgain: password,
});

async function requireSessionId(): Promise<string> {
  const sessionId = await currentSessionId();
  if (!sessionId) throw new AppError("unauthenticated", "no session");
  return sessionId;
}

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    const input = passwordChangeSchema.parse({
      currentPassword: form.get("currentPassword"),
      newPassword: form.get("newPassword"),
      newPasswordAgain: form.get("newPasswordAgain"),
    });
    const actor = await requireActor();
    const address = rateLimitKey(requestClientAddress(await headers()));
    return changePassword(await getDb(), actor, { ...input, sessionId: await requireSessionId(), address });
  }, "account.password.changed");
  if (result?.ok) revalidatePath("/account");
  return result;
}

export async function saveEmailPreferencesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    // An unticked box sends nothing: every kind the page lists is answered, on or off.
    const wanted = Object.fromEntries(emailKinds.map((kind) => [kind, form.get(kind) === "on"]));
    return setEmailPreferences(await getDb(), await requireActor(), wanted);
  }, "account.emails.saved");
  if (result?.ok) revalidatePath("/account");
  return result;
}

const sessionSchema = z.object({ sessionId: z.uuid() });

export async function endSessionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    const input = sessionSchema.parse({ sessionId: form.get("sessionId") });
    return endOwnSession(await getDb(), await requireActor(), input);
  }, "account.sessions.signedOut");
  if (result?.ok) revalidatePath("/account");
  return result;
}

export async function endOtherSessionsAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  const result = await actionResult(async () => {
    const actor = await requireActor();
    return endOtherSessions(await getDb(), actor, { keepSessionId: await requireSessionId() });
  }, "account.sessions.signedOutOthers");
  if (result?.ok) revalidatePath("/account");
  return result;
}
