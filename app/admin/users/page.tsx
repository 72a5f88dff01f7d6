import type { Metadata } from "next";
import {
  createAccountAction,
  requestPasswordResetAction,
  resendInvitationAction,
  resetTwoFactorAction,
  setAccountActiveAction,
} from "@/app/actions/admin";
import { requireAdministrator } from "@/app/admin/guard";
import { ActionForm } from "@/components/ActionForm";
import { Pagination, pageParam } from "@/components/Pagination";
import { TableScroll } from "@/components/TableScroll";
import { getDb } from "@/db/client";
import { getTranslator } from "@/server/locale";
import { listAccounts, USERS_PAGE_SIZE } from "@/server/queries/admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("accounts.title") };
}

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

export default async function AccountsPage({ searchParams }: Props) {
  const actor = await requireAdministrator("/admin/users");
  const { q, page: pageRaw } = await searchParams;
  const page = pageParam(pageRaw);
  const query = q?.slice(0, 200);
  const [{ t }, accounts] = await Promise.all([getTranslator(), listAccounts(await getDb(), { query, page })]);
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("accounts.title")}</h1>
      <search>
        <form className="form-inline" action="/admin/users">
          <div className="min-w-72">
            <label htmlFor="account-search">{t("accounts.search")}</label>
            <input id="account-search" name="q" type="search" defaultValue={query} />
          </div>
          <button type="submit" className="btn btn-secondary">
            {t("accounts.searchButton")}
          </button>
        </form>
      </search>
      <section className="card" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="mb-3">
          {t("accounts.list")}
        </h2>
        <TableScroll label={t("accounts.list")}>
          <table>
            <caption className="sr-only">{t("accounts.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.email")}</th>
                <th scope="col">{t("accounts.globalRole")}</th>
                <th scope="col">{t("accounts.state")}</th>
                <th scope="col">
                  <span className="sr-only">{t("accounts.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} data-testid="account-row">
                  <td>{a.name}</td>
                  <td>{a.email}</td>
                  <td>{a.globalRole ? t(`globalRole.${a.globalRole}`) : "—"}</td>
                  <td>
                    {a.deactivatedAt
                      ? t("admin.deactivated")
                      : a.activatedAt
                        ? `${t("accounts.active")}${a.twoFactorOn ? ` · ${t("twoFactor.on")}` : ""}`
                        : t("accountLink.invited")}
                  </td>
                  <td className="flex flex-wrap gap-2">
                    {!a.deactivatedAt && (
                      <ActionForm
                        action={a.activatedAt ? requestPasswordResetAction : resendInvitationAction}
                        submitLabel={a.activatedAt ? t("accountLink.reset") : t("accountLink.resend")}
                        pendingLabel={t("common.saving")}
                        className="form-inline"
                        submitVariant="secondary"
                        label={
                          a.activatedAt
                            ? t("accountLink.resetOne", { name: a.name })
                            : t("accountLink.resendOne", { name: a.name })
                        }
                      >
                        <input type="hidden" name="userId" value={a.id} />
                      </ActionForm>
                    )}
                    {a.twoFactorOn && (
                      <ActionForm
                        action={resetTwoFactorAction}
                        submitLabel={t("twoFactor.adminReset")}
                        pendingLabel={t("common.saving")}
                        className="form-inline"
                        submitVariant="secondary"
                        label={t("twoFactor.adminResetOne", { name: a.name })}
                      >
                        <input type="hidden" name="userId" value={a.id} />
                      </ActionForm>
                    )}
                    {a.id !== actor.id && (
                      <ActionForm
                        action={setAccountActiveAction}
                        submitLabel={a.deactivatedAt ? t("accounts.reactivate") : t("accounts.deactivate")}
                        pendingLabel={t("common.saving")}
                        className="form-inline"
                        submitVariant={a.deactivatedAt ? "secondary" : "danger"}
                        label={t("accounts.changeStateFor", { email: a.email })}
                      >
                        <input type="hidden" name="userId" value={a.id} />
                        <input type="hidden" name="active" value={a.deactivatedAt ? "true" : "false"} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <Pagination
          page={page}
          pageCount={accounts.length === USERS_PAGE_SIZE ? page + 1 : page}
          href={(p) => `/admin/users?page=${p}${query ? `&q=${encodeURIComponent(query)}` : ""}`}
          t={t}
        />
      </section>
      <section className="card" aria-labelledby="new-account-heading">
        <h2 id="new-account-heading" className="mb-3">
          {t("accounts.new")}
        </h2>
        <ActionForm
          action={createAccountAction}
          label={t("accounts.new")}
          submitLabel={t("accounts.create")}
          pendingLabel={t("common.saving")}
          resetOnSuccess
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="account-name">{t("members.name")}</label>
              <input id="account-name" name="name" required maxLength={200} />
            </div>
            <div>
              <label htmlFor="account-email">{t("members.email")}</label>
              <input id="account-email" name="email" type="email" required />
            </div>
            <div>
              <label htmlFor="account-role">{t("accounts.globalRole")}</label>
              <select id="account-role" name="globalRole" defaultValue="">
                <option value="">{t("accounts.noGlobalRole")}</option>
                <option value="admin">{t("globalRole.admin")}</option>
                <option value="hld_reviewer">{t("globalRole.hld_reviewer")}</option>
              </select>
            </div>
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
