import type { Metadata } from "next";
import Link from "next/link";
import { markNotificationsReadAction } from "@/app/actions/workflow";
import { ActionForm } from "@/components/ActionForm";
import { getDb } from "@/db/client";
import { actorOrSignIn } from "@/server/auth/guard";
import { listNotifications } from "@/server/domain/notifications";
import { getTranslator } from "@/server/locale";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("notifications.title") };
}

export default async function NotificationsPage() {
  const actor = await actorOrSignIn("/notifications");
  const [{ t, locale }, items] = await Promise.all([getTranslator(), listNotifications(await getDb(), actor)]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("notifications.title")}</h1>
      {items.some((n) => !n.read) && (
        <ActionForm
          action={markNotificationsReadAction}
          submitLabel={t("notifications.markAllRead")}
          pendingLabel={t("common.saving")}
          submitVariant="secondary"
        >
          <span />
        </ActionForm>
      )}
      {items.length === 0 ? (
        <p className="muted">{t("notifications.none")}</p>
      ) : (
        <ul className="card flex flex-col gap-2">
          {items.map((n) => {
            const details = n.details as { title?: string; outcome?: string };
            const kind = n.kind as "round.opened" | "round.reminder" | "round.closed" | "mention";
            return (
              <li
                key={n.id}
                data-testid="notification"
                className={`border-b border-slate-100 pb-2 text-sm ${n.read ? "text-slate-600" : "font-medium"}`}
              >
                {!n.read && <span className="sr-only">{t("notifications.unread")}: </span>}
                <Link
                  href={
                    !n.paperId
                      ? "/notifications"
                      : kind === "mention"
                        ? `/papers/${n.paperId}${typeof (details as { threadId?: unknown }).threadId === "string" ? `#thread-${(details as { threadId: string }).threadId}` : ""}`
                        : `/papers/${n.paperId}/approval`
                  }
                >
                  {t(`notifications.text.${kind}`, {
                    title: details.title ?? "",
                    outcome:
                      details.outcome === "agreed" || details.outcome === "not_agreed"
                        ? t(`approval.outcome.${details.outcome}`)
                        : "",
                  })}
                </Link>{" "}
                <time dateTime={n.createdAt.toISOString()} className="text-slate-600">
                  {date.format(n.createdAt)} UTC
                </time>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
