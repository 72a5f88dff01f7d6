// The page an invitation or password reset link opens: the form while the link is valid, a
// plain explanation once it is used, expired or unknown. Server component.
import Link from "next/link";
import { SetPasswordForm } from "@/components/SetPasswordForm";
import { getDb } from "@/db/client";
import type { AccountLinkPurpose } from "@/db/schema";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password-policy";
import { readAccountLink } from "@/server/domain/account-links";
import { getTranslator } from "@/server/locale";

export async function AccountLinkPage({ token, purpose }: { token: string; purpose: AccountLinkPurpose }) {
  const [{ t }, link] = await Promise.all([getTranslator(), readAccountLink(await getDb(), { token, purpose })]);
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
