// The paragraphs of a language version whose original changed since their translation was last
// confirmed, each with what the original now reads and, for whoever may edit the version, a
// button confirming that the translation still holds (app/actions/language-versions.ts).
import { confirmTranslationAction } from "@/app/actions/language-versions";
import { ActionForm } from "@/components/ActionForm";
import type { Translate } from "@/lib/i18n/translate";
import { blockText } from "@/lib/language-versions";
import type { TranslationRow } from "@/server/queries/language-versions";

type Props = {
  versionId: string;
  rows: TranslationRow[];
  canConfirm: boolean;
  originalLanguage: string;
  t: Translate;
};

export function OutdatedTranslations({ versionId, rows, canConfirm, originalLanguage, t }: Props) {
  const outdated = rows.filter((row) => row.outdated && row.pid !== null);
  return (
    <section
      className="card flex flex-col gap-3"
      aria-labelledby="outdated-heading"
      data-testid="outdated-translations"
    >
      <h2 id="outdated-heading">{t("versions.outdatedHeading")}</h2>
      {outdated.length === 0 ? (
        <p className="muted">{t("versions.noneOutdated")}</p>
      ) : (
        <>
          <p className="muted text-sm">{t("versions.outdatedIntro")}</p>
          <ul className="flex flex-col gap-3">
            {outdated.map((row) => {
              const name = row.number === null ? t("versions.unnumbered") : t("versions.paragraph", { n: row.number });
              return (
                <li
                  key={row.pid}
                  className="flex flex-col gap-1 border-s-4 border-amber-600 ps-3"
                  data-testid="outdated-item"
                >
                  <p className="font-semibold">
                    {name} <span className="translation-outdated">{t("versions.outdated")}</span>
                  </p>
                  {row.original && (
                    <p className="text-sm">
                      <span className="font-medium">{t("versions.originalNow")}: </span>
                      <span lang={originalLanguage} dir="auto">
                        {blockText(row.original)}
                      </span>
                    </p>
                  )}
                  {canConfirm && (
                    <ActionForm
                      action={confirmTranslationAction}
                      submitLabel={t("versions.confirm")}
                      pendingLabel={t("versions.confirming")}
                      submitVariant="secondary"
                      label={t("versions.confirmLabel", { n: row.number ?? "" })}
                    >
                      <input type="hidden" name="versionId" value={versionId} />
                      <input type="hidden" name="pid" value={row.pid ?? ""} />
                    </ActionForm>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
