// The secretariat chooses the languages a dialogue works in besides the six of the UN: its
// papers' language versions may be written in those too (lib/language-versions.ts). A language
// some paper of the dialogue is written in stays ticked (the domain refuses its removal).
import { setDialogueLanguagesAction } from "@/app/actions/admin";
import { ActionForm } from "@/components/ActionForm";
import { locales } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { languageListText, languageName, MAX_OTHER_LANGUAGES, otherLanguageChoices } from "@/lib/language-versions";

export function LanguagesSection({
  dialogueId,
  otherLanguages,
  inUse,
  locale,
  t,
}: {
  dialogueId: string;
  otherLanguages: readonly string[];
  inUse: ReadonlySet<string>;
  locale: string;
  t: Translate;
}) {
  const chosen = new Set(otherLanguages);
  // By name in the reader's language, so a language is found where a reader looks for it.
  const collator = new Intl.Collator(locale);
  const choices = otherLanguageChoices
    .map((code) => ({ code, name: languageName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="languages-heading" data-testid="dialogue-languages">
      <h2 id="languages-heading">{t("admin.languages.title")}</h2>
      <p>{t("admin.languages.intro")}</p>
      <p data-testid="un-languages">
        {t("admin.languages.unLanguages", { languages: languageListText(locales, locale) })}
      </p>
      <ActionForm
        action={setDialogueLanguagesAction}
        submitLabel={t("admin.languages.save")}
        pendingLabel={t("common.saving")}
        labelledBy="languages-heading"
      >
        <input type="hidden" name="dialogueId" value={dialogueId} />
        <fieldset aria-describedby="languages-help">
          <legend className="mb-2 text-sm font-medium">{t("admin.languages.legend")}</legend>
          <p id="languages-help" className="muted mb-2 text-sm">
            {t("admin.languages.help", { max: MAX_OTHER_LANGUAGES })}
          </p>
          {/* In columns, so the names read in order down each column. */}
          <ul className="gap-x-4 sm:columns-2 lg:columns-4">
            {choices.map(({ code, name }) => {
              const locked = chosen.has(code) && inUse.has(code);
              return (
                <li key={code} className="break-inside-avoid py-0.5">
                  <label className="flex items-center gap-2 font-normal">
                    <input
                      type="checkbox"
                      name={locked ? undefined : "otherLanguages"}
                      value={code}
                      defaultChecked={chosen.has(code)}
                      disabled={locked}
                      className="w-auto"
                    />
                    <span>{locked ? t("admin.languages.inUse", { language: name }) : name}</span>
                  </label>
                  {/* A disabled box is not sent: the language in use goes with the form anyway. */}
                  {locked && <input type="hidden" name="otherLanguages" value={code} />}
                </li>
              );
            })}
          </ul>
        </fieldset>
      </ActionForm>
    </section>
  );
}
