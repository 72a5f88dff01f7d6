// The paper page's list of the paper's language versions (the original and each version, with
// the side-by-side view of each version) and, for whoever the policy lets, the form to add one.
import Link from "next/link";
import { addLanguageVersionAction } from "@/app/actions/language-versions";
import { ActionForm } from "@/components/ActionForm";
import type { Translate } from "@/lib/i18n/translate";
import { languageName } from "@/lib/language-versions";
import type { LanguageVersionLink } from "@/server/queries/language-versions";

type Props = {
  paperId: string;
  family: LanguageVersionLink[];
  /** The languages a version may be in: the six UN languages and the dialogue's others. */
  languages: readonly string[];
  canAdd: boolean;
  locale: string;
  t: Translate;
};

export function LanguageVersions({ paperId, family, languages, canAdd, locale, t }: Props) {
  const original = family.find((member) => member.isOriginal);
  const taken = new Set(family.map((member) => member.language));
  const available = languages.filter((code) => !taken.has(code));
  if (family.length <= 1 && !canAdd) return null;
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="versions-heading" data-testid="language-versions">
      <h2 id="versions-heading">{t("versions.heading")}</h2>
      <ul className="flex flex-col gap-1">
        {family.map((member) => {
          const name = languageName(member.language, locale);
          const label = member.isOriginal ? t("versions.original", { language: name }) : name;
          return (
            <li key={member.id} className="flex flex-wrap items-baseline gap-x-3">
              {member.id === paperId ? (
                <span aria-current="page" className="font-semibold">
                  {label} {t("versions.current")}
                </span>
              ) : (
                <Link href={`/papers/${member.id}`} lang={member.language}>
                  {label}
                </Link>
              )}
              {!member.isOriginal && original && (
                // From a version's page, another version opens beside this one; otherwise beside the original.
                <Link
                  href={
                    paperId !== original.id && member.id !== paperId
                      ? `/papers/${paperId}/parallel?with=${member.id}`
                      : `/papers/${original.id}/parallel?with=${member.id}`
                  }
                  className="text-sm"
                >
                  {t("versions.parallelWith", { language: name })}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {canAdd && available.length > 0 && (
        <div className="flex flex-col gap-2">
          <h3 id="add-version-heading">{t("versions.addHeading")}</h3>
          <p className="muted text-sm">{t("versions.addHelp")}</p>
          <ActionForm
            action={addLanguageVersionAction}
            submitLabel={t("versions.add")}
            pendingLabel={t("versions.adding")}
            submitVariant="secondary"
            labelledBy="add-version-heading"
            className="flex flex-wrap items-end gap-3"
          >
            <input type="hidden" name="paperId" value={paperId} />
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor="version-language">{t("versions.language")}</label>
              <select id="version-language" name="language" className="input" defaultValue={available[0]}>
                {available.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {languageName(code, locale)}
                  </option>
                ))}
              </select>
            </div>
          </ActionForm>
        </div>
      )}
    </section>
  );
}
