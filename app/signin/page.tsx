import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/SignInForm";
import { SsoSignInButton } from "@/components/SsoSignInButton";
import { currentActor } from "@/server/auth/current";
import { oidcErrorMessageKey, oidcSettings } from "@/server/auth/oidc";
import { getTranslator } from "@/server/locale";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("signIn.title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  if (await currentActor()) redirect("/");
  const { t } = await getTranslator();
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths are kept; the action validates again.
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : undefined;
  // Single sign-on, when configured; Auth.js sends its refusals and failures here with ?error=.
  const sso = oidcSettings();
  const ssoError = oidcErrorMessageKey(error);
  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1 className="mb-1">{t("signIn.title")}</h1>
        <p className="muted mb-4">{t("app.tagline")}</p>
        {ssoError && (
          <p role="alert" className="msg-error mb-4">
            {t(ssoError)}
          </p>
        )}
        {sso && (
          <div className="mb-4">
            <SsoSignInButton
              callbackUrl={safeCallback}
              labels={{ submit: t("sso.button", { name: sso.name }), pending: t("sso.pending", { name: sso.name }) }}
            />
            <p className="muted mt-4">{t("sso.or")}</p>
          </div>
        )}
        <SignInForm
          callbackUrl={safeCallback}
          labels={{
            email: t("signIn.email"),
            password: t("signIn.password"),
            submit: t("signIn.submit"),
            pending: t("signIn.pending"),
            code: t("twoFactor.signIn.code"),
            codeHint: t("twoFactor.signIn.codeHint"),
          }}
        />
      </div>
    </div>
  );
}
