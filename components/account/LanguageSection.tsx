// The interface language: the same choice as the header's, saved on the account.
import { setLocaleAction } from "@/app/actions/session";
import type { Locale } from "@/lib/i18n/locales";
import { locales } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

export function LanguageSection({ t, locale }: { t: Translate; locale: Locale }) {
  return (
    <section className="card" aria-labelledby="language-heading">
      <h2 id="language-heading" className="mb-3">
        {t("account.language.title")}
      </h2>
      <form action={setLocaleAction} className="form-stack" aria-labelledby="language-heading">
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-2 text-sm">{t("account.language.intro")}</legend>
          {locales.map((l) => (
            <label key={l} className="flex items-center gap-2 font-normal" lang={l}>
              <input type="radio" name="locale" value={l} defaultChecked={l === locale} className="w-auto" />
              {t(`languages.${l}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" className="btn btn-primary">
            {t("account.language.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
