import type { Metadata } from "next";
import { notFound } from "next/navigation";
import {
  confirmMembershipAction,
  declineMembershipAction,
  inviteToDelegationAction,
  removeDelegationMemberAction,
  setMembershipSuspendedAction,
} from "@/app/actions/delegation";
import { ActionForm } from "@/components/ActionForm";
import { TableScroll } from "@/components/TableScroll";
import { getDb } from "@/db/client";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { rolesFocalPointMayAppoint } from "@/server/policy";
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
          <TableScroll label={t("delegation.pendingTitle")}>
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
          </TableScroll>
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
            <TableScroll label={t("delegation.membersTitle", { partner: partner.label })}>
              <table>
                <caption className="sr-only">{t("delegation.membersTitle", { partner: partner.label })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("delegation.person")}</th>
                    <th scope="col">{t("delegation.dialogue")}</th>
                    <th scope="col">{t("delegation.role")}</th>
                    <th scope="col">{t("delegation.state")}</th>
                    <th scope="col">{t("delegation.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {partner.members.map((m) => {
                    const vars = { name: m.name, dialogue: m.dialogue };
                    return (
                      <tr key={m.membershipId} data-testid="delegation-member">
                        <td>
                          {m.name}
                          <br />
                          <span className="text-sm text-slate-600">{m.email}</span>
                        </td>
                        <td>{m.dialogue}</td>
                        <td>{t(`role.${m.role}`)}</td>
                        <td>
                          {m.suspended
                            ? t("delegation.suspendedState")
                            : m.invited
                              ? t("delegation.invitedState")
                              : t("delegation.active")}
                        </td>
                        <td className="flex flex-wrap gap-2">
                          <ActionForm
                            action={setMembershipSuspendedAction}
                            submitLabel={m.suspended ? t("delegation.restore") : t("delegation.suspend")}
                            pendingLabel={t("common.saving")}
                            className="form-inline"
                            submitVariant="secondary"
                            label={m.suspended ? t("delegation.restoreOne", vars) : t("delegation.suspendOne", vars)}
                          >
                            <input type="hidden" name="membershipId" value={m.membershipId} />
                            <input type="hidden" name="suspended" value={m.suspended ? "false" : "true"} />
                          </ActionForm>
                          <ActionForm
                            action={removeDelegationMemberAction}
                            submitLabel={t("delegation.remove")}
                            pendingLabel={t("common.saving")}
                            className="form-inline"
                            submitVariant="danger"
                            label={t("delegation.removeOne", vars)}
                          >
                            <input type="hidden" name="membershipId" value={m.membershipId} />
                          </ActionForm>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )}
          {partner.mayInvite && partner.dialogues.length > 0 && (
            <ActionForm
              action={inviteToDelegationAction}
              submitLabel={t("delegation.invite")}
              pendingLabel={t("common.saving")}
              resetOnSuccess
              label={t("delegation.inviteTitle", { partner: partner.label })}
              className="mt-4 form-stack"
            >
              <h3 className="text-base font-semibold">{t("delegation.inviteTitle", { partner: partner.label })}</h3>
              <p className="muted text-sm">{t("delegation.inviteHelp")}</p>
              <input type="hidden" name="partnerId" value={partner.id} />
              <div className="grid gap-3 sm:grid-cols-2">
                <div>
                  <label htmlFor={`invite-email-${partner.id}`}>{t("delegation.email")}</label>
                  <input id={`invite-email-${partner.id}`} name="email" type="email" required autoComplete="off" />
                </div>
                <div>
                  <label htmlFor={`invite-name-${partner.id}`}>{t("delegation.name")}</label>
                  <input id={`invite-name-${partner.id}`} name="name" maxLength={200} autoComplete="off" />
                </div>
                <div>
                  <label htmlFor={`invite-dialogue-${partner.id}`}>{t("delegation.dialogue")}</label>
                  <select id={`invite-dialogue-${partner.id}`} name="dialogueId" required>
                    {partner.dialogues.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`invite-role-${partner.id}`}>{t("delegation.role")}</label>
                  <select id={`invite-role-${partner.id}`} name="role" defaultValue="delegate">
                    {rolesFocalPointMayAppoint.map((role) => (
                      <option key={role} value={role}>
                        {t(`role.${role}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            </ActionForm>
          )}
        </section>
      ))}
    </div>
  );
}
