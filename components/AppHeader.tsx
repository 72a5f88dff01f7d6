// Top bar: the links this user may follow, language choice, and who is signed in.
import Link from "next/link";
import { setLocaleAction, signOutAction } from "@/app/actions/session";
import { getDb } from "@/db/client";
import { locales } from "@/lib/i18n/locales";
import type { ActorProfile } from "@/server/actor";
import { unreadNotificationCount } from "@/server/domain/notifications";
import { getTranslator } from "@/server/locale";
import { can, searchScope } from "@/server/policy";

export async function AppHeader({ actor }: { actor: ActorProfile | null }) {
  const { t, locale } = await getTranslator();
  const isAdmin = can(actor, "system.administer", null);
  const unread = actor ? await unreadNotificationCount(await getDb(), actor) : 0;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3 2xl:max-w-[96rem]">
        <Link href="/" className="text-lg font-bold text-slate-900 no-underline">
          {t("app.name")}
        </Link>
        {actor && (
          <nav aria-label={t("nav.label")} className="flex flex-wrap gap-4 text-sm">
            {actor.memberships.size > 0 && <Link href="/desk">{t("desk.nav")}</Link>}
            {can(actor, "dialogue.list", null) && <Link href="/dialogues">{t("nav.dialogues")}</Link>}
            {can(actor, "hld.viewInbox", null) && <Link href="/hld">{t("nav.hldInbox")}</Link>}
            {can(actor, "delegation.viewAny", null) && <Link href="/delegation">{t("nav.delegation")}</Link>}
            {searchScope(actor).length > 0 && <Link href="/search">{t("search.nav")}</Link>}
            {isAdmin && <Link href="/admin">{t("nav.admin")}</Link>}
            {isAdmin && <Link href="/admin/users">{t("nav.accounts")}</Link>}
            {isAdmin && <Link href="/admin/audit">{t("nav.audit")}</Link>}
            <Link href="/account">{t("account.nav")}</Link>
          </nav>
        )}
        <div className="ms-auto flex flex-wrap items-center gap-3">
          <form action={setLocaleAction} className="flex flex-wrap gap-1" aria-label={t("nav.language")}>
            {locales.map((l) => (
              <button
                key={l}
                type="submit"
                name="locale"
                value={l}
                lang={l}
                aria-pressed={l === locale}
                className={`btn ${l === locale ? "btn-primary" : "btn-secondary"} px-2 py-1`}
              >
                {t(`languages.${l}`)}
              </button>
            ))}
          </form>
          {actor && (
            <>
              <Link
                href="/notifications"
                className="relative inline-flex items-center gap-1 text-sm"
                aria-label={unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}
                data-testid="notification-bell"
              >
                {/* A drawn bell beside the word: an emoji alone is no label (and some systems draw a box). */}
                <svg
                  aria-hidden="true"
                  width="16"
                  height="16"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                >
                  <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                  <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                </svg>
                {/* The visible words, then the count, both part of the link's name (WCAG 2.5.3). */}
                <span aria-hidden="true">{t("notifications.bell")}</span>{" "}
                {unread > 0 && (
                  <span
                    aria-hidden="true"
                    className="ms-1 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white"
                  >
                    {unread}
                  </span>
                )}
              </Link>
              <span className="text-sm text-slate-700" data-testid="signed-in-user">
                {actor.name}
              </span>
              <form action={signOutAction}>
                <button type="submit" className="btn btn-secondary px-2 py-1">
                  {t("nav.signOut")}
                </button>
              </form>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
