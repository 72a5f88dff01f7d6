// The account's live sessions: device, sign-in method, when; each but this one can be signed out.
import { endOtherSessionsAction, endSessionAction } from "@/app/actions/account";
import { ActionForm } from "@/components/ActionForm";
import { TableScroll } from "@/components/TableScroll";
import type { SignInMethod } from "@/db/schema";
import { describeDevice } from "@/lib/device";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";

export type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  signInMethod: SignInMethod;
};

/** "Firefox on Windows", "Safari", "A browser on Linux", or "Unknown device". */
export function deviceName(t: Translate, userAgent: string | null): string {
  const { browser, os } = describeDevice(userAgent);
  if (browser && os) return t("account.sessions.deviceOn", { browser, os });
  if (os) return t("account.sessions.deviceOn", { browser: t("account.sessions.unknownBrowser"), os });
  return browser ?? t("account.sessions.unknownDevice");
}

export function SessionsSection({
  t,
  locale,
  sessions,
  currentSessionId,
}: {
  t: Translate;
  locale: Locale;
  sessions: SessionRow[];
  currentSessionId: string | null;
}) {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const when = (date: Date) => `${format.format(date)} UTC`;
  const others = sessions.filter((s) => s.id !== currentSessionId);
  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="mb-3">
        {t("account.sessions.title")}
      </h2>
      <p className="mb-3">{t("account.sessions.intro")}</p>
      <TableScroll label={t("account.sessions.title")}>
        <table>
          <caption className="sr-only">{t("account.sessions.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("account.sessions.device")}</th>
              <th scope="col">{t("account.sessions.method")}</th>
              <th scope="col">{t("account.sessions.signedIn")}</th>
              <th scope="col">{t("account.sessions.lastSeen")}</th>
              <th scope="col">{t("account.sessions.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => {
              const device = deviceName(t, session.userAgent);
              const isCurrent = session.id === currentSessionId;
              return (
                <tr key={session.id} data-testid="account-session" data-current={isCurrent ? "true" : undefined}>
                  <td>{device}</td>
                  <td>{t(`account.sessions.methods.${session.signInMethod}`)}</td>
                  <td>{when(session.createdAt)}</td>
                  <td>{when(session.lastSeenAt)}</td>
                  <td>
                    {isCurrent ? (
                      <strong>{t("account.sessions.thisSession")}</strong>
                    ) : (
                      <ActionForm
                        action={endSessionAction}
                        submitLabel={t("account.sessions.signOut")}
                        pendingLabel={t("common.saving")}
                        className="form-inline"
                        submitVariant="secondary"
                        label={t("account.sessions.signOutOne", { device, lastSeen: when(session.lastSeenAt) })}
                      >
                        <input type="hidden" name="sessionId" value={session.id} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <div className="mt-4">
        {others.length > 0 ? (
          <ActionForm
            action={endOtherSessionsAction}
            submitLabel={t("account.sessions.signOutOthers")}
            pendingLabel={t("common.saving")}
            submitVariant="danger"
            label={t("account.sessions.signOutOthers")}
          >
            {null}
          </ActionForm>
        ) : (
          <p>{t("account.sessions.noOthers")}</p>
        )}
      </div>
    </section>
  );
}
