// Download links for the bilingual export of an original and one of its versions (issue 19;
// app/api/papers/[id]/bilingual): Word and PDF, of the live text or of a frozen revision.
import type { Translate } from "@/lib/i18n/translate";

type Props = {
  originalId: string;
  versionId: string;
  /** The version's language, named in the reader's language. */
  language: string;
  revision: number | "live";
  t: Translate;
};

export function BilingualExportLinks({ originalId, versionId, language, revision, t }: Props) {
  const href = (format: "docx" | "pdf") =>
    `/api/papers/${originalId}/bilingual?with=${versionId}&format=${format}&revision=${revision}`;
  return (
    <section className="card flex flex-col gap-2" aria-labelledby="bilingual-heading" data-testid="bilingual-export">
      <h2 id="bilingual-heading">{t("exports.bilingual.heading")}</h2>
      <p className="muted text-sm">{t("exports.bilingual.help", { language })}</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {(["docx", "pdf"] as const).map((format) => (
          <li key={format}>
            <a href={href(format)} download data-testid={`bilingual-${format}`}>
              {t("exports.bilingual.download", {
                format: t(format === "docx" ? "exports.bilingual.word" : "exports.bilingual.pdf"),
                language,
              })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
