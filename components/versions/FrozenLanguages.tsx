// Which languages a revision froze together and how far each translation lagged the original at
// that moment (issue 19), on the approval and revision pages; each language's own text hash
// folded away, for whoever checks the revision hash by hand (server/canonical.ts `revisionHashOf`).
import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { languageName } from "@/lib/language-versions";
import type { FrozenLanguage } from "@/server/export/types";

type Props = {
  languages: FrozenLanguage[];
  locale: string;
  t: Translate;
  /** The revision's number: each language links to its frozen text. */
  revision: number;
  /** The paper being read: its own language is not linked. */
  currentPaperId: string;
};

/** "Up to date", or how many paragraphs (and which numbers) lagged the original. */
export function translationState(language: FrozenLanguage, t: Translate): string {
  if (language.isOriginal) return t("versions.frozenOriginal");
  if (language.outdatedCount === 0) return t("versions.frozenUpToDate");
  return language.outdatedNumbers.length > 0
    ? t("versions.frozenOutdatedNumbers", {
        count: language.outdatedCount,
        numbers: language.outdatedNumbers.join(", "),
      })
    : t("versions.frozenOutdated", { count: language.outdatedCount });
}

export function FrozenLanguages({ languages, locale, t, revision, currentPaperId }: Props) {
  return (
    <section className="flex flex-col gap-2" aria-labelledby="frozen-languages-heading" data-testid="frozen-languages">
      <h3 id="frozen-languages-heading" className="font-semibold">
        {t("versions.frozenHeading")}
      </h3>
      <p className="muted text-sm">{t("versions.frozenIntro")}</p>
      <table className="text-sm">
        <thead>
          <tr>
            <th scope="col">{t("versions.frozenLanguage")}</th>
            <th scope="col">{t("versions.frozenState")}</th>
          </tr>
        </thead>
        <tbody>
          {languages.map((language) => {
            const name = languageName(language.language, locale);
            const href =
              language.paperId === currentPaperId ? null : `/papers/${language.paperId}/revisions/${revision}`;
            return (
              <tr key={language.language} data-testid="frozen-language" data-language={language.language}>
                <th scope="row" className="font-normal">
                  {href ? (
                    <Link href={href} aria-label={t("versions.frozenText", { language: name })}>
                      {name}
                    </Link>
                  ) : (
                    name
                  )}
                </th>
                <td className={language.outdatedCount > 0 ? "font-medium text-amber-800" : undefined}>
                  {translationState(language, t)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <details className="text-sm">
        <summary className="cursor-pointer">{t("versions.frozenHashes")}</summary>
        <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          {languages.map((language) => (
            <div key={language.language} className="contents">
              <dt>{languageName(language.language, locale)}</dt>
              <dd className="break-all font-mono text-xs" data-testid="frozen-language-hash">
                {language.hash}
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
