// Changing one's own password: the current one, then the new one twice.
import { changePasswordAction } from "@/app/actions/account";
import { ActionForm } from "@/components/ActionForm";
import type { Translate } from "@/lib/i18n/translate";

export function PasswordSection({ t, hasPassword }: { t: Translate; hasPassword: boolean }) {
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading" className="mb-3">
        {t("account.password.title")}
      </h2>
      {hasPassword ? (
        <ActionForm
          action={changePasswordAction}
          submitLabel={t("account.password.submit")}
          pendingLabel={t("common.saving")}
          label={t("account.password.title")}
          resetOnSuccess
        >
          <div>
            <label htmlFor="current-password">{t("account.password.current")}</label>
            <input
              id="current-password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
            />
          </div>
          <div>
            <label htmlFor="new-password">{t("account.password.new")}</label>
            <input
              id="new-password"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
              aria-describedby="new-password-hint"
            />
            <p id="new-password-hint" className="mt-1 text-sm text-slate-600">
              {t("account.password.hint")}
            </p>
          </div>
          <div>
            <label htmlFor="new-password-again">{t("account.password.newAgain")}</label>
            <input
              id="new-password-again"
              name="newPasswordAgain"
              type="password"
              autoComplete="new-password"
              minLength={12}
              required
            />
          </div>
        </ActionForm>
      ) : (
        <p>{t("account.password.none")}</p>
      )}
    </section>
  );
}
