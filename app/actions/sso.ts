"use server";
// Single sign-on: hands the browser to the ministry's OpenID Connect provider (server/auth/oidc.ts).
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { callbackUrlSchema } from "@/server/auth/callback-url";
import { signIn } from "@/server/auth/config";
import { OIDC_PROVIDER_ID, oidcSettings } from "@/server/auth/oidc";

export async function signInWithSsoAction(form: FormData): Promise<void> {
  if (!oidcSettings()) redirect("/signin");
  const callbackUrl = callbackUrlSchema.parse(form.get("callbackUrl") || undefined);
  try {
    // Throws Next's redirect to the provider's authorization endpoint.
    await signIn(OIDC_PROVIDER_ID, { redirectTo: callbackUrl ?? "/" });
  } catch (error) {
    // The provider could not be reached (discovery failed): say so on the sign-in page.
    if (error instanceof AuthError) redirect("/signin?error=Configuration");
    throw error;
  }
}
