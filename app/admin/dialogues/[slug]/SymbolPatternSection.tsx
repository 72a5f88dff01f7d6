// The secretariat sets the dialogue's document symbol pattern (server/export/document-symbol.ts);
// the example shows what the third paper's second revision would be called.
import { setSymbolPatternAction } from "@/app/actions/admin";
import { ActionForm } from "@/components/ActionForm";
import type { Translate } from "@/lib/i18n/translate";
import { DOCUMENT_SYMBOL_PATTERN_MAX, documentSymbolFor } from "@/server/export/document-symbol";

export function SymbolPatternSection({
  dialogueId,
  pattern,
  t,
}: {
  dialogueId: string;
  pattern: string | null;
  t: Translate;
}) {
  const example = pattern ? documentSymbolFor(pattern, { serialNumber: 3, revision: 2, frozenAt: new Date() }) : null;
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="symbol-heading">
      <h2 id="symbol-heading">{t("exports.symbol.title")}</h2>
      <p data-testid="symbol-pattern-now">
        {pattern ? t("exports.symbol.current", { pattern, example: example ?? "" }) : t("exports.symbol.noneNow")}
      </p>
      <ActionForm
        action={setSymbolPatternAction}
        submitLabel={t("exports.symbol.save")}
        pendingLabel={t("common.saving")}
        label={t("exports.symbol.title")}
      >
        <input type="hidden" name="dialogueId" value={dialogueId} />
        <div>
          <label htmlFor="symbol-pattern">{t("exports.symbol.label")}</label>
          <input
            id="symbol-pattern"
            name="pattern"
            defaultValue={pattern ?? ""}
            maxLength={DOCUMENT_SYMBOL_PATTERN_MAX}
            aria-describedby="symbol-pattern-help"
            className="font-mono"
          />
          <p id="symbol-pattern-help" className="muted text-sm">
            {t("exports.symbol.help", { max: DOCUMENT_SYMBOL_PATTERN_MAX })}
          </p>
        </div>
      </ActionForm>
    </section>
  );
}
