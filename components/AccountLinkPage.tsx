// The page an invitation or password reset link opens: the form while the link is valid, a
// plain explanation once it is used, expired or unknown. Server component.
import Link from "next/link";
import { SetPasswordForm } from "@/components/SetPasswordForm";
import { SsoSignInButton } from "@/components/SsoSignInButton";
import { getDb } from "@/db/client";
import type { AccountLinkPurpose } from "@/db/schema";
import { oidcSettings } from "@/server/auth/oidc";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password-policy";
import { readAccountLink } from "@/server/domain/account-links";
import { getTranslator } from "@/server/locale";

export async function AccountLinkPage({ token, purpose }: { token: string; purpose: AccountLinkPurpose }) {
  const [{ t }, link] = await Promise.all([getTranslator(), readAccountLink(await getDb(), { token, purpose })]);
  // An invitee whose ministry has single sign-on may accept by signing in with it instead.
  const sso = oidcSettings();
  const title = purpose === "invitation" ? t("accountLink.invitationTitle") : t("accountLink.resetTitle");
  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1 className="mb-2">{title}</h1>
        {link.state === "valid" ? (
          <>
            <p className="mb-4">
              {purpose === "invitation"
                ? t("accountLink.invitationIntro", { name: link.name, email: link.email })
                : t("accountLink.resetIntro", { name: link.name, email: link.email })}
            </p>
            <SetPasswordForm
              token={token}
              purpose={purpose}
              email={link.email}
              minLength={MIN_PASSWORD_LENGTH}
              labels={{
                password: t("accountLink.password"),
                repeat: t("accountLink.repeat"),
                hint: t("accountLink.passwordHint", { min: MIN_PASSWORD_LENGTH }),
                submit: purpose === "invitation" ? t("accountLink.submitInvitation") : t("accountLink.submitReset"),
                pending: t("accountLink.pending"),
              }}
            />
            {sso && purpose === "invitation" && (
              <div className="mt-6 border-t border-slate-200 pt-4">
                <p className="muted mb-2">{t("accountLink.orSso")}</p>
                <SsoSignInButton
                  labels={{
                    submit: t("sso.button", { name: sso.name }),
                    pending: t("sso.pending", { name: sso.name }),
                  }}
                />
              </div>
            )}
          </>
        ) : (
          <>
            <p role="alert" className="msg-error mb-4" data-testid="account-link-state">
              {t(`accountLink.${link.state}`)}
            </p>
            <Link href="/signin" className="btn btn-secondary">
              {t("accountLink.signIn")}
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
