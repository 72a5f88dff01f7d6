// Which emails the user wants, kind by kind; notifications in the app are not affected.
import { saveEmailPreferencesAction } from "@/app/actions/account";
import { ActionForm } from "@/components/ActionForm";
import { type EmailPreferences, emailKinds, wantsEmail } from "@/lib/email-preferences";
import type { Translate } from "@/lib/i18n/translate";

export function EmailPreferencesSection({ t, preferences }: { t: Translate; preferences: EmailPreferences }) {
  return (
    <section className="card" aria-labelledby="emails-heading">
      <h2 id="emails-heading" className="mb-3">
        {t("account.emails.title")}
      </h2>
      <p className="mb-3">{t("account.emails.intro")}</p>
      <ActionForm
        action={saveEmailPreferencesAction}
        submitLabel={t("account.emails.submit")}
        pendingLabel={t("common.saving")}
        label={t("account.emails.title")}
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium">{t("account.emails.legend")}</legend>
          {emailKinds.map((kind) => (
            <label key={kind} className="flex items-center gap-2 font-normal">
              <input type="checkbox" name={kind} defaultChecked={wantsEmail(preferences, kind)} className="w-auto" />
              {t(`account.emails.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
      </ActionForm>
    </section>
  );
}
