// The workflow controls of a paper: only those the policy allows this user, for this status.
import Link from "next/link";
import { changeStageAction, closeRoundAction, openRoundAction, submitToHldAction } from "@/app/actions/workflow";
import { ActionForm } from "@/components/ActionForm";
import type { PaperStatus } from "@/db/schema";
import type { Translate } from "@/lib/i18n/translate";
import type { PaperAction } from "@/server/policy";
import { DeadlineField } from "./DeadlineField";

type Props = {
  paper: { id: string; status: PaperStatus };
  abilities: Record<PaperAction, boolean>;
  nextRevision: number;
  /** The latest frozen revision: the one in the round, or agreed and to be submitted. */
  latestRevision: number | null;
  bracketed: boolean;
  /** Suggestions pending in the live text, per partner (asked only where the chair may freeze). */
  pendingSuggestions: { partner: string; count: number }[];
  t: Translate;
};

export function WorkflowPanel({
  paper,
  abilities,
  nextRevision,
  latestRevision,
  bracketed,
  pendingSuggestions,
  t,
}: Props) {
  const pendingCount = pendingSuggestions.reduce((sum, p) => sum + p.count, 0);
  const links = (
    <nav aria-label={t("workflow.paperPages")} className="flex flex-wrap gap-4 text-sm">
      <Link href={`/papers/${paper.id}/approval`}>{t("workflow.approvalLink")}</Link>
      <Link href={`/papers/${paper.id}/revisions`}>{t("workflow.revisionsLink")}</Link>
      <Link href={`/papers/${paper.id}/progress`}>{t("ledger.progress.link")}</Link>
      {abilities["paper.viewHistory"] && <Link href={`/papers/${paper.id}/history`}>{t("workflow.historyLink")}</Link>}
      {abilities["paper.viewComments"] && <Link href={`/papers/${paper.id}/compilation`}>{t("compilation.link")}</Link>}
    </nav>
  );
  return (
    <section className="card flex flex-col gap-4" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">{t("workflow.title")}</h2>
      {links}
      {abilities["paper.changeStage"] && (
        <ActionForm
          action={changeStageAction}
          submitLabel={paper.status === "draft" ? t("workflow.openConsultation") : t("workflow.backToDraft")}
          pendingLabel={t("common.saving")}
          submitVariant="secondary"
          label={t("workflow.stage")}
        >
          <input type="hidden" name="paperId" value={paper.id} />
          <input type="hidden" name="to" value={paper.status === "draft" ? "consultation" : "draft"} />
        </ActionForm>
      )}
      {abilities["paper.freezeRevision"] && (
        <div className="border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-semibold">{t("workflow.freezeTitle", { n: nextRevision })}</h3>
          {bracketed ? (
            <p className="msg-error">{t("errors.bracketedText")}</p>
          ) : (
            <ActionForm
              action={openRoundAction}
              submitLabel={t("workflow.freezeAndOpen", { n: nextRevision })}
              pendingLabel={t("common.saving")}
              label={t("workflow.freezeTitle", { n: nextRevision })}
              confirm={{
                title: t("confirm.freezeTitle", { n: nextRevision }),
                body: t("confirm.freezeBody", { n: nextRevision }),
                confirmLabel: t("confirm.freezeConfirm"),
                cancelLabel: t("confirm.cancel"),
              }}
            >
              <input type="hidden" name="paperId" value={paper.id} />
              <p className="muted">{t("workflow.freezeHelp")}</p>
              {pendingCount > 0 && (
                <div className="msg-warning flex flex-col gap-2" data-testid="pending-suggestions">
                  <p>
                    {t("workflow.pendingSuggestions", {
                      count: pendingCount,
                      partners: pendingSuggestions
                        .map((p) => t("workflow.pendingPartner", { partner: p.partner, count: p.count }))
                        .join(", "),
                    })}{" "}
                    {t("workflow.pendingSuggestionsHelp", { n: nextRevision })}
                  </p>
                  <a href="#suggestions-heading">{t("workflow.decideFirst")}</a>
                  <label className="flex items-center gap-2 font-normal">
                    <input type="checkbox" name="carryOverSuggestions" className="w-auto" />
                    {t("workflow.carryOver")}
                  </label>
                </div>
              )}
              <div className="grid gap-3 sm:grid-cols-2">
                <fieldset>
                  <legend className="text-sm font-medium">{t("workflow.procedure")}</legend>
                  <label className="flex items-center gap-2 font-normal">
                    <input type="radio" name="procedure" value="consensus" defaultChecked className="w-auto" />
                    {t("workflow.consensus")}
                  </label>
                  <label className="flex items-center gap-2 font-normal">
                    <input type="radio" name="procedure" value="silence" className="w-auto" />
                    {t("workflow.silence")}
                  </label>
                </fieldset>
                <DeadlineField label={t("workflow.deadline")} help={t("workflow.deadlineHelp")} />
              </div>
            </ActionForm>
          )}
        </div>
      )}
      {abilities["paper.manageRound"] && latestRevision !== null && (
        <div className="border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-semibold">{t("roundClose.title")}</h3>
          <ActionForm
            action={closeRoundAction}
            submitLabel={t("roundClose.button")}
            pendingLabel={t("common.saving")}
            submitVariant="danger"
            label={t("roundClose.title")}
            confirm={{
              title: t("confirm.closeRoundTitle", { n: latestRevision }),
              body: t("confirm.closeRoundBody", { n: latestRevision }),
              confirmLabel: t("confirm.closeRoundConfirm"),
              cancelLabel: t("confirm.cancel"),
            }}
          >
            <input type="hidden" name="paperId" value={paper.id} />
            <p className="muted">{t("roundClose.help")}</p>
          </ActionForm>
        </div>
      )}
      {abilities["paper.submit"] && (
        <div className="border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-semibold">{t("workflow.submitTitle")}</h3>
          <ActionForm
            action={submitToHldAction}
            submitLabel={t("workflow.submit")}
            pendingLabel={t("common.saving")}
            label={t("workflow.submitTitle")}
            confirm={{
              title: t("confirm.submitTitle", { n: latestRevision ?? 0 }),
              body: t("confirm.submitBody", { n: latestRevision ?? 0 }),
              confirmLabel: t("confirm.submitConfirm"),
              cancelLabel: t("confirm.cancel"),
            }}
          >
            <input type="hidden" name="paperId" value={paper.id} />
            <p className="muted">{t("workflow.submitHelp")}</p>
          </ActionForm>
        </div>
      )}
    </section>
  );
}
