"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
// Sign in, sign out and the interface language.
import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db/client";
import { isLocale, localeCookie } from "@/lib/i18n/locales";
import { callbackUrlSchema } from "@/server/auth/callback-url";
import { SignInRefused, signIn, signOut } from "@/server/auth/config";
import { currentActor } from "@/server/auth/current";
import { setAccountLocale } from "@/server/domain/users";
import { getTranslator } from "@/server/locale";

/** codeRequired: the password was right; the form asks for the second factor and sends all three again. */
export type SignInState = { error: string; codeRequired?: boolean } | null;

const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  code: z.string().trim().max(32).optional(),
  callbackUrl: callbackUrlSchema,
});

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const { t } = await getTranslator();
  const parsed = signInSchema.safeParse({
    email: form.get("email"),
    password: form.get("password"),
    code: form.get("code") ?? undefined,
    callbackUrl: form.get("callbackUrl") || undefined,
  });
  if (!parsed.success) return { error: t("signIn.missingFields") };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      code: parsed.data.code ?? "",
      redirectTo: parsed.data.callbackUrl ?? "/",
    });
    return null;
  } catch (error) {
    if (error instanceof SignInRefused) {
      if (error.code === "throttled") {
        return { error: t("signIn.throttled", { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) }) };
      }
      if (error.code === "deactivated") return { error: t("signIn.deactivated") };
      if (error.code === "codeRequired") return { error: t("twoFactor.signIn.codeRequired"), codeRequired: true };
      if (error.code === "invalidCode") return { error: t("twoFactor.signIn.invalidCode"), codeRequired: true };
      return { error: t("signIn.invalid") };
    }
    if (error instanceof AuthError) return { error: t("signIn.invalid") };
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}

export async function setLocaleAction(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const actor = await currentActor();
  if (actor) await setAccountLocale(await getDb(), actor, locale);
  revalidatePath("/", "layout");
}
