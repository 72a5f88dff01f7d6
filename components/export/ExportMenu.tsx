// The "Export" section of a revision (or of the live draft): one download link per format, and
// for the live draft, to whoever may see its suggestions and comments, the option to include them.
// Server component; only the links and the option run in the browser.
import type { Translate } from "@/lib/i18n/translate";
import { exportFormats } from "@/server/export/types";
import { ExportLinks } from "./ExportLinks";

export function ExportMenu({
  paperId,
  revision,
  t,
  annotations,
  heading,
  help,
}: {
  paperId: string;
  /** A revision number, or "live" for the live draft. */
  revision: number | "live";
  t: Translate;
  /** The page's answer from `paper.exportAnnotations` in the policy (live draft only): offer suggestions and comments. */
  annotations?: boolean;
  /** The section's title and explanation, where the page says more than "Export" (official files). */
  heading?: string;
  help?: string;
}) {
  const what = revision === "live" ? t("exports.cover.liveDraft") : t("exports.cover.revNumber", { n: revision });
  const offerAnnotations = revision === "live" && annotations === true;
  return (
    <section className="card flex flex-col gap-2" aria-labelledby={`export-heading-${revision}`}>
      <h2 id={`export-heading-${revision}`}>{heading ?? t("exports.menu.title")}</h2>
      <p className="muted text-sm">
        {help ?? (revision === "live" ? t("exports.menu.helpLive") : t("exports.menu.helpRevision", { n: revision }))}
      </p>
      <ExportLinks
        paperId={paperId}
        revision={revision}
        listLabel={t("exports.menu.title")}
        annotations={
          offerAnnotations
            ? { label: t("exports.menu.includeAnnotations"), help: t("exports.menu.includeAnnotationsHelp") }
            : null
        }
        items={exportFormats.map((format) => {
          const name = t(`exports.format.${format}`);
          return {
            format,
            labels: {
              label: t("exports.menu.downloadOf", { format: name, what }),
              preparing: t("exports.menu.preparing", { format: name }),
              downloading: t("exports.menu.downloading", { format: name }),
              ready: t("exports.menu.ready", { format: name }),
              failed: t("exports.menu.failed", { format: name }),
            },
            annotatedLabel: t("exports.menu.downloadAnnotated", { format: name, what }),
          };
        })}
      />
    </section>
  );
}
