// The form by which a delegate records their state's position on the open round: on the approval
// page and, while the state has not answered, at the top of the paper page.
import { recordPositionAction } from "@/app/actions/workflow";
import { ActionForm } from "@/components/ActionForm";
import type { Translate } from "@/lib/i18n/translate";

export function PositionForm({
  paperId,
  partnerId,
  partner,
  current,
  idPrefix,
  from,
  labelledBy,
  t,
}: {
  paperId: string;
  partnerId: string;
  /** The state's name, as the viewer reads it. */
  partner: string;
  current: { value: "approve" | "object" | "abstain" | null; reason: string | null };
  /** Keeps ids unique when the page holds the form twice. */
  idPrefix: string;
  /** "prompt": the paper page's prompt, which the answer removes (the page then says it). */
  from?: "prompt";
  /** The id of the visible heading that names the form, where there is one. */
  labelledBy?: string;
  t: Translate;
}) {
  return (
    <ActionForm
      action={recordPositionAction}
      submitLabel={t("approval.record")}
      pendingLabel={t("common.saving")}
      label={t("approval.yourPosition", { partner })}
      labelledBy={labelledBy}
    >
      <input type="hidden" name="paperId" value={paperId} />
      <input type="hidden" name="partnerId" value={partnerId} />
      {from && <input type="hidden" name="from" value={from} />}
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">{t("approval.position")}</legend>
        {(["approve", "abstain", "object"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 font-normal">
            <input
              type="radio"
              name="value"
              value={value}
              required
              defaultChecked={current.value === value}
              className="w-auto"
            />
            {t(`position.${value}`)}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor={`${idPrefix}-position-reason`}>{t("approval.reasonLabel")}</label>
        <textarea
          id={`${idPrefix}-position-reason`}
          name="reason"
          rows={3}
          maxLength={5000}
          defaultValue={current.reason ?? ""}
        />
      </div>
    </ActionForm>
  );
}
