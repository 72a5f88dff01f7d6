import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { confirmMembershipAction, declineMembershipAction } from "@/app/actions/delegation";
import { ActionForm } from "@/components/ActionForm";
import { getDb } from "@/db/client";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { delegationOf } from "@/server/queries/delegation";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("delegation.title") };
}

/** A focal point's page: who awaits their confirmation to speak for their state, and who does. */
export default async function DelegationPage() {
  const actor = await actorOrSignIn("/delegation");
  const { t, locale } = await getTranslator();
  const delegation = await delegationOf(await getDb(), actor, locale);
  if (!delegation) notFound();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const partnerList = delegation.partners.map((p) => p.label).join(", ");
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("delegation.title")}</h1>
      <p>{t("delegation.intro", { partners: partnerList })}</p>
      <section className="card" aria-labelledby="pending-heading">
        <h2 id="pending-heading" className="mb-3">
          {t("delegation.pendingTitle")}
        </h2>
        {delegation.pending.length === 0 ? (
          <p>{t("delegation.nonePending")}</p>
        ) : (
          <table>
            <caption className="sr-only">{t("delegation.pendingTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("delegation.person")}</th>
                <th scope="col">{t("delegation.partner")}</th>
                <th scope="col">{t("delegation.dialogue")}</th>
                <th scope="col">{t("delegation.role")}</th>
                <th scope="col">{t("delegation.requestedBy")}</th>
                <th scope="col">{t("delegation.requestedAt")}</th>
                <th scope="col">{t("delegation.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {delegation.pending.map((r) => {
                const vars = { name: r.name, partner: r.partner, dialogue: r.dialogue };
                return (
                  <tr key={r.id} data-testid="membership-request">
                    <td>
                      {r.name}
                      <br />
                      <span className="text-sm text-slate-600">{r.email}</span>
                    </td>
                    <td>{r.partner}</td>
                    <td>{r.dialogue}</td>
                    <td>{t(`role.${r.role}`)}</td>
                    <td>{r.requestedBy}</td>
                    <td>{date.format(r.requestedAt)}</td>
                    <td className="flex flex-wrap gap-2">
                      <ActionForm
                        action={confirmMembershipAction}
                        submitLabel={t("delegation.confirm")}
                        pendingLabel={t("common.saving")}
                        className="form-inline"
                        label={t("delegation.confirmOne", vars)}
                      >
                        <input type="hidden" name="requestId" value={r.id} />
                      </ActionForm>
                      <ActionForm
                        action={declineMembershipAction}
                        submitLabel={t("delegation.decline")}
                        pendingLabel={t("common.saving")}
                        className="form-inline"
                        submitVariant="danger"
                        label={t("delegation.declineOne", vars)}
                      >
                        <input type="hidden" name="requestId" value={r.id} />
                      </ActionForm>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {delegation.partners.map((partner) => (
        <section key={partner.id} className="card" aria-labelledby={`members-${partner.id}`}>
          <h2 id={`members-${partner.id}`} className="mb-3">
            {t("delegation.membersTitle", { partner: partner.label })}
          </h2>
          {partner.members.length === 0 ? (
            <p>{t("delegation.noMembers", { partner: partner.label })}</p>
          ) : (
            <table>
              <caption className="sr-only">{t("delegation.membersTitle", { partner: partner.label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("delegation.person")}</th>
                  <th scope="col">{t("delegation.dialogue")}</th>
                  <th scope="col">{t("delegation.role")}</th>
                </tr>
              </thead>
              <tbody>
                {partner.members.map((m) => (
                  <tr key={`${m.email} ${m.dialogue}`}>
                    <td>
                      {m.name}
                      <br />
                      <span className="text-sm text-slate-600">{m.email}</span>
                    </td>
                    <td>{m.dialogue}</td>
                    <td>{t(`role.${m.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
