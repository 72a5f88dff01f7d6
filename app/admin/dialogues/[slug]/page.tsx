import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { addPartnerAction, changeMemberRoleAction, removeMemberAction } from "@/app/actions/admin";
import { requireAdministrator } from "@/app/admin/guard";
import { ActionForm } from "@/components/ActionForm";
import { AddMemberForm } from "@/components/AddMemberForm";
import { TwoFactorDialogueControl } from "@/components/account/TwoFactorDialogueControl";
import { PartnerList } from "@/components/PartnerList";
import { getDb } from "@/db/client";
import { dialogueRole } from "@/db/schema";
import { listCountries, partnerLabel } from "@/lib/countries";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { dialogueDetails, dialogueLanguagesInUse, findDialogueForActor } from "@/server/queries/dialogues";
import { LanguagesSection } from "./LanguagesSection";
import { SymbolPatternSection } from "./SymbolPatternSection";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("admin.manageDialogue") };
}

export default async function ManageDialoguePage({ params }: Props) {
  const { slug } = await params;
  const actor = await requireAdministrator(`/admin/dialogues/${slug}`);
  const db = await getDb();
  const dialogue = await findDialogueForActor(db, actor, slug);
  if (!dialogue) notFound();
  const [{ t, locale }, details, languagesInUse] = await Promise.all([
    getTranslator(),
    dialogueDetails(db, dialogue.id, 1),
    dialogueLanguagesInUse(db, actor, dialogue.id),
  ]);
  const taken = new Set(details.partners.map((p) => p.iso3).filter(Boolean));
  const countries = listCountries(locale).filter((c) => !taken.has(c.iso3));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/admin" className="text-sm">
          {t("admin.title")}
        </Link>
        <h1 className="mt-1">{t("admin.manageNamed", { name: dialogue.name })}</h1>
        <Link href={`/dialogues/${dialogue.slug}`} className="text-sm">
          {t("admin.openDialogue")}
        </Link>
      </div>

      <section className="card flex flex-col gap-4" aria-labelledby="partners-heading">
        <h2 id="partners-heading">{t("dialogues.partners")}</h2>
        <PartnerList partners={details.partners} t={t} locale={locale} />
        <div className="grid gap-6 md:grid-cols-2">
          <ActionForm
            action={addPartnerAction}
            submitLabel={t("admin.addState")}
            pendingLabel={t("common.saving")}
            label={t("admin.addState")}
          >
            <input type="hidden" name="dialogueId" value={dialogue.id} />
            <input type="hidden" name="kind" value="state" />
            <div>
              <label htmlFor="partner-country">{t("admin.country")}</label>
              <select id="partner-country" name="iso3" required>
                {countries.map((c) => (
                  <option key={c.iso3} value={c.iso3}>
                    {c.name} ({c.iso3})
                  </option>
                ))}
              </select>
            </div>
          </ActionForm>
          <ActionForm
            action={addPartnerAction}
            submitLabel={t("admin.addOrganisation")}
            pendingLabel={t("common.saving")}
            resetOnSuccess
            label={t("admin.addOrganisation")}
          >
            <input type="hidden" name="dialogueId" value={dialogue.id} />
            <input type="hidden" name="kind" value="organisation" />
            <div>
              <label htmlFor="partner-organisation">{t("admin.organisationName")}</label>
              <input id="partner-organisation" name="name" required maxLength={200} />
            </div>
          </ActionForm>
        </div>
      </section>

      <TwoFactorDialogueControl dialogueId={dialogue.id} required={dialogue.requireTwoFactor} t={t} />

      <SymbolPatternSection dialogueId={dialogue.id} pattern={dialogue.documentSymbolPattern} t={t} />

      {can(actor, "dialogue.manageLanguages", { dialogueId: dialogue.id }) && (
        <LanguagesSection
          dialogueId={dialogue.id}
          otherLanguages={dialogue.otherLanguages}
          inUse={languagesInUse}
          locale={locale}
          t={t}
        />
      )}

      <section className="card flex flex-col gap-4" aria-labelledby="members-heading">
        <h2 id="members-heading">{t("members.title")}</h2>
        {details.members.length === 0 && <p className="muted">{t("members.none")}</p>}
        <ul className="flex flex-col gap-3">
          {details.members.map((m) => (
            <li key={m.id} className="rounded border border-slate-200 p-3" data-testid="member-row">
              <p className="mb-2 text-sm">
                <span className="font-medium">{m.name}</span> · {m.email} · {t(`role.${m.role}`)} ·{" "}
                {partnerLabel(
                  { name: m.partner, iso3: details.partners.find((p) => p.id === m.partnerId)?.iso3 ?? null },
                  locale,
                )}
                {m.deactivated && <span className="msg-error"> · {t("admin.deactivated")}</span>}
                {m.invited && <span className="muted"> · {t("accountLink.invited")}</span>}
                {m.suspended && <span className="muted"> · {t("delegation.suspendedState")}</span>}
              </p>
              <div className="flex flex-wrap items-end gap-4">
                <ActionForm
                  action={changeMemberRoleAction}
                  submitLabel={t("members.change")}
                  pendingLabel={t("common.saving")}
                  className="form-inline"
                  submitVariant="secondary"
                  label={t("members.changeFor", { name: m.name })}
                >
                  <input type="hidden" name="membershipId" value={m.id} />
                  <div>
                    <label htmlFor={`role-${m.id}`}>{t("members.role")}</label>
                    <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                      {dialogueRole.enumValues.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`partner-${m.id}`}>{t("members.partner")}</label>
                    <select id={`partner-${m.id}`} name="partnerId" defaultValue={m.partnerId}>
                      {details.partners.map((p) => (
                        <option key={p.id} value={p.id}>
                          {partnerLabel(p, locale)}
                        </option>
                      ))}
                    </select>
                  </div>
                </ActionForm>
                <ActionForm
                  action={removeMemberAction}
                  submitLabel={t("members.remove")}
                  pendingLabel={t("common.saving")}
                  className="form-inline"
                  submitVariant="danger"
                  label={t("members.removeFor", { name: m.name })}
                >
                  <input type="hidden" name="membershipId" value={m.id} />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
        <div className="border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-semibold">{t("members.addTitle")}</h3>
          <AddMemberForm
            dialogueId={dialogue.id}
            partners={details.partners}
            roles={dialogueRole.enumValues}
            t={t}
            locale={locale}
          />
        </div>
      </section>
    </div>
  );
}
