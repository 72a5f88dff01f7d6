// The "Export" section of a revision (or of the live draft): one download link per format, and
// for the live draft, to whoever may see its suggestions and comments, the option to include them.
// Server component; only the links and the option run in the browser.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { papers } from "@/db/schema";
import type { Translate } from "@/lib/i18n/translate";
import { currentActor } from "@/server/auth/current";
import { mayExportAnnotations } from "@/server/export/annotations-source";
import { exportFormats } from "@/server/export/formats";
import { ExportLinks } from "./ExportLinks";

/** The policy's answer for the signed-in actor, when the page did not pass it. */
async function annotationsAllowed(paperId: string): Promise<boolean> {
  const actor = await currentActor();
  if (!actor) return false;
  const [paper] = await (await getDb())
    .select({ dialogueId: papers.dialogueId, status: papers.status })
    .from(papers)
    .where(eq(papers.id, paperId));
  return paper ? mayExportAnnotations(actor, paper) : false;
}

export async function ExportMenu({
  paperId,
  revision,
  t,
  annotations,
}: {
  paperId: string;
  /** A revision number, or "live" for the live draft. */
  revision: number | "live";
  t: Translate;
  /** May the actor include suggestions and comments (`mayExportAnnotations`); asked here when not given. */
  annotations?: boolean;
}) {
  const what = revision === "live" ? t("exports.cover.liveDraft") : t("exports.cover.revNumber", { n: revision });
  const offerAnnotations = revision === "live" && (annotations ?? (await annotationsAllowed(paperId)));
  return (
    <section className="card flex flex-col gap-2" aria-labelledby={`export-heading-${revision}`}>
      <h2 id={`export-heading-${revision}`}>{t("exports.menu.title")}</h2>
      <p className="muted text-sm">
        {revision === "live" ? t("exports.menu.helpLive") : t("exports.menu.helpRevision", { n: revision })}
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
