"use server";
// A person sets their own password through an invitation or password reset link, then is
// signed in with it. The link is the only credential: no session is needed or trusted here.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accountLinkPurpose } from "@/db/schema";
import { type ActionState, actionResult } from "@/server/action-result";
import { SignInRefused, signIn } from "@/server/auth/config";
import { MAX_PASSWORD_LENGTH } from "@/server/auth/password-policy";
import { ACCOUNT_LINK_TOKEN, setPasswordByLink } from "@/server/domain/account-links";
import { invalidInput } from "@/server/errors";

const setPasswordSchema = z.object({
  token: z.string().regex(ACCOUNT_LINK_TOKEN),
  purpose: z.enum(accountLinkPurpose.enumValues),
  // Counted in UTF-16 units here, in characters by the password policy: twice its length bounds it.
  password: z.string().max(MAX_PASSWORD_LENGTH * 2),
  repeat: z.string().max(MAX_PASSWORD_LENGTH * 2),
});

export async function setPasswordByLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let email: string | undefined;
  let password = "";
  const result = await actionResult(async () => {
    const input = setPasswordSchema.parse(Object.fromEntries(form));
    if (input.password !== input.repeat) throw invalidInput("passwords differ", "accountLink.mismatch");
    password = input.password;
    ({ email } = await setPasswordByLink(await getDb(), input));
  }, "accountLink.pending");
  if (!result?.ok || !email) return result;
  try {
    await signIn("credentials", { email, password, redirectTo: "/" });
  } catch (error) {
    // A second factor (after a reset) or a slowed-down address: the sign-in page takes over.
    if (error instanceof SignInRefused) redirect("/signin");
    throw error;
  }
  return result;
}
