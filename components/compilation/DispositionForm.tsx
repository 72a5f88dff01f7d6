// The chair's form for one row of the compilation (server component around the client
// ActionForm): a proposed disposition, the row it merges with, the wording as orally amended and
// a note. A plain form post to the server action, so it works without JavaScript too. Shown only
// where the policy allows `paper.recordDisposition`; the action asks the policy again.
import { recordDispositionAction } from "@/app/actions/compilation";
import { ActionForm } from "@/components/ActionForm";
import type { Translate } from "@/lib/i18n/translate";
import { AMENDED_TEXT_MAX, DISPOSITION_NOTE_MAX, dispositionValues } from "@/server/domain/dispositions";
import type { CompilationRow } from "@/server/queries/compilation";
import { dispositionName } from "@/server/queries/compilation-labels";

export type MergeOption = { key: string; label: string };

export function DispositionForm({
  paperId,
  row,
  index,
  mergeOptions,
  t,
}: {
  paperId: string;
  row: CompilationRow;
  /** The row's place in the table: names its fields uniquely on the page. */
  index: number;
  /** Every other row of the compilation. */
  mergeOptions: readonly MergeOption[];
  t: Translate;
}) {
  const current = row.disposition;
  const id = (field: string) => `disposition-${index}-${field}`;
  return (
    <details className="mt-2" data-testid="disposition-form">
      <summary className="cursor-pointer text-sm">{t("compilation.form.summary")}</summary>
      <ActionForm
        action={recordDispositionAction}
        submitLabel={t("compilation.form.submit")}
        pendingLabel={t("compilation.form.pending")}
        submitVariant="secondary"
        label={t("compilation.form.label")}
      >
        <input type="hidden" name="paperId" value={paperId} />
        <input type="hidden" name="row" value={row.key} />
        <div>
          <label htmlFor={id("value")}>{t("compilation.form.value")}</label>
          <select id={id("value")} name="disposition" defaultValue={current?.value ?? "accept"}>
            {dispositionValues.map((value) => (
              <option key={value} value={value}>
                {dispositionName(value, t)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id("merge")}>{t("compilation.form.mergeWith")}</label>
          <select id={id("merge")} name="mergeWith" defaultValue={current?.mergeWith?.key ?? ""}>
            <option value="">{t("compilation.form.chooseRow")}</option>
            {mergeOptions
              .filter((option) => option.key !== row.key)
              .map((option) => (
                <option key={option.key} value={option.key}>
                  {option.label}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor={id("amended")}>{t("compilation.form.amendedText")}</label>
          <textarea
            id={id("amended")}
            name="amendedText"
            rows={2}
            maxLength={AMENDED_TEXT_MAX}
            defaultValue={current?.amendedText ?? ""}
          />
        </div>
        <div>
          <label htmlFor={id("note")}>{t("compilation.form.note")}</label>
          <textarea
            id={id("note")}
            name="note"
            rows={2}
            maxLength={DISPOSITION_NOTE_MAX}
            aria-describedby={id("note-hint")}
            defaultValue={current?.note ?? ""}
          />
          <p id={id("note-hint")} className="muted text-xs">
            {t("compilation.form.noteHint")}
          </p>
        </div>
      </ActionForm>
    </details>
  );
}
