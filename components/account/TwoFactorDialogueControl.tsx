// The secretariat's switch: whether a dialogue requires its members to sign in with a second factor.
import { setDialogueTwoFactorAction } from "@/app/actions/two-factor";
import { ActionForm } from "@/components/ActionForm";
import type { Translate } from "@/lib/i18n/translate";

export function TwoFactorDialogueControl({
  dialogueId,
  required,
  t,
}: {
  dialogueId: string;
  required: boolean;
  t: Translate;
}) {
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t("twoFactor.admin.title")}</h2>
      <p data-testid="dialogue-two-factor">
        {required ? t("twoFactor.admin.requiredNow") : t("twoFactor.admin.optionalNow")}
      </p>
      <ActionForm
        action={setDialogueTwoFactorAction}
        submitLabel={required ? t("twoFactor.admin.makeOptional") : t("twoFactor.admin.require")}
        pendingLabel={t("common.saving")}
        submitVariant={required ? "secondary" : "primary"}
        label={t("twoFactor.admin.title")}
      >
        <input type="hidden" name="dialogueId" value={dialogueId} />
        <input type="hidden" name="required" value={required ? "false" : "true"} />
      </ActionForm>
    </section>
  );
}
