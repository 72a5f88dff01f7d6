// The "Export" section of a revision (or of the live draft): one download link per format.
// Server component; only the links themselves run in the browser (progress while preparing).
import type { Translate } from "@/lib/i18n/translate";
import { exportFormats } from "@/server/export/formats";
import { DownloadLink } from "./DownloadLink";

export function ExportMenu({
  paperId,
  revision,
  t,
}: {
  paperId: string;
  /** A revision number, or "live" for the live draft. */
  revision: number | "live";
  t: Translate;
}) {
  const what = revision === "live" ? t("exports.cover.liveDraft") : t("exports.cover.revNumber", { n: revision });
  return (
    <section className="card flex flex-col gap-2" aria-labelledby={`export-heading-${revision}`}>
      <h2 id={`export-heading-${revision}`}>{t("exports.menu.title")}</h2>
      <p className="muted text-sm">
        {revision === "live" ? t("exports.menu.helpLive") : t("exports.menu.helpRevision", { n: revision })}
      </p>
      <ul className="flex flex-wrap gap-2" aria-label={t("exports.menu.title")}>
        {exportFormats.map((format) => {
          const name = t(`exports.format.${format}`);
          return (
            <li key={format}>
              <DownloadLink
                href={`/api/papers/${paperId}/export?format=${format}&revision=${revision}`}
                testId={`export-${format}`}
                labels={{
                  label: t("exports.menu.downloadOf", { format: name, what }),
                  preparing: t("exports.menu.preparing", { format: name }),
                  ready: t("exports.menu.ready", { format: name }),
                  failed: t("exports.menu.failed", { format: name }),
                }}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
