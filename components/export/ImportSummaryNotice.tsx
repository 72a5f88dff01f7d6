// The notice on a paper just imported from Word: how many tracked changes became suggestions of
// the importer's delegation and how many Word comments became threads, and who wrote them in
// Word. Shown to the importer when the import sends them to the paper (`?imported=1`).
import type { Translate } from "@/lib/i18n/translate";
import type { ImportSummary } from "@/server/domain/import-docx";

export function ImportSummaryNotice({ summary, t }: { summary: ImportSummary; t: Translate }) {
  return (
    <section className="card" aria-labelledby="import-summary-heading" data-testid="import-summary">
      <h2 id="import-summary-heading" className="mb-1">
        {t("exports.import.summaryTitle")}
      </h2>
      <div role="status" className="msg-ok">
        <ul className="list-none p-0">
          <li>{t("exports.import.summarySuggestions", { n: summary.suggestions })}</li>
          <li>{t("exports.import.summaryThreads", { n: summary.threads, replies: summary.replies })}</li>
          {summary.wordAuthors.length > 0 && (
            <li>{t("exports.import.summaryAuthors", { names: summary.wordAuthors.join(", ") })}</li>
          )}
        </ul>
      </div>
    </section>
  );
}
