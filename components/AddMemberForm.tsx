// Adding a member to a dialogue: an existing account by email, or a new person, invited by email.
import { addMemberAction } from "@/app/actions/admin";
import { ActionForm } from "@/components/ActionForm";
import type { DialogueRole } from "@/db/schema";
import { partnerLabel } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

type Props = {
  dialogueId: string;
  partners: { id: string; name: string; iso3: string | null }[];
  roles: readonly DialogueRole[];
  t: Translate;
  locale: Locale;
};

export function AddMemberForm({ dialogueId, partners, roles, t, locale }: Props) {
  return (
    <ActionForm
      action={addMemberAction}
      submitLabel={t("members.add")}
      pendingLabel={t("common.saving")}
      resetOnSuccess
      label={t("members.addTitle")}
    >
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="member-email">{t("members.email")}</label>
          <input id="member-email" name="email" type="email" required autoComplete="off" />
        </div>
        <div>
          <label htmlFor="member-role">{t("members.role")}</label>
          <select
            id="member-role"
            name="role"
            required
            defaultValue={roles.includes("delegate") ? "delegate" : roles[0]}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="member-partner">{t("members.partner")}</label>
          <select id="member-partner" name="partnerId" required>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {partnerLabel(p, locale)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("members.newAccount")}</legend>
        <p className="muted mb-2" id="new-account-help">
          {t("members.newAccountHelp")}
        </p>
        <div>
          <label htmlFor="member-name">{t("members.name")}</label>
          <input id="member-name" name="name" autoComplete="off" maxLength={200} aria-describedby="new-account-help" />
        </div>
      </fieldset>
    </ActionForm>
  );
}
