// On a dialogue's page: DOCX import (who may create papers) and the ZIP of submitted papers
// (chair or administrator). Server component.
import type { Translate } from "@/lib/i18n/translate";
import { type Actor, can } from "@/server/policy";
import { DownloadLink } from "./DownloadLink";
import { ImportDocxForm } from "./ImportDocxForm";

export function DialogueExports({
  actor,
  dialogue,
  t,
}: {
  actor: Actor;
  dialogue: { id: string; slug: string };
  t: Translate;
}) {
  const mayImport = can(actor, "paper.create", { dialogueId: dialogue.id });
  const mayZip = can(actor, "dialogue.exportSubmissions", { dialogueId: dialogue.id });
  if (!mayImport && !mayZip) return null;
  return (
    <>
      {mayImport && (
        <section className="card flex flex-col gap-2" aria-labelledby="import-heading">
          <h2 id="import-heading">{t("exports.import.title")}</h2>
          <p className="muted text-sm">{t("exports.import.help")}</p>
          <ImportDocxForm
            dialogueId={dialogue.id}
            labels={{
              file: t("exports.import.fileLabel", { max: 10 }),
              title: t("papers.title"),
              kind: t("papers.kind"),
              recommendations: t("kind.recommendations"),
              positionPaper: t("kind.position_paper"),
              submit: t("exports.import.submit"),
              pending: t("exports.import.pending"),
              uploading: t("exports.import.uploading"),
              reading: t("exports.import.reading"),
              opening: t("exports.import.opening"),
              failed: t("exports.import.failed"),
              tooLarge: t("exports.import.tooLarge"),
            }}
          />
        </section>
      )}
      {mayZip && (
        <section className="card flex flex-col gap-2" aria-labelledby="zip-heading">
          <h2 id="zip-heading">{t("exports.zip.title")}</h2>
          <p className="muted text-sm">{t("exports.zip.help")}</p>
          <div>
            <DownloadLink
              href={`/api/dialogues/${dialogue.slug}/submissions`}
              testId="submissions-zip"
              labels={{
                label: t("exports.zip.download"),
                preparing: t("exports.zip.preparing"),
                downloading: t("exports.zip.downloading"),
                ready: t("exports.menu.ready", { format: "ZIP" }),
                failed: t("exports.menu.failed", { format: "ZIP" }),
              }}
            />
          </div>
        </section>
      )}
    </>
  );
}
