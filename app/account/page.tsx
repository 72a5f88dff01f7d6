import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmailPreferencesSection } from "@/components/account/EmailPreferencesSection";
import { LanguageSection } from "@/components/account/LanguageSection";
import { PasswordSection } from "@/components/account/PasswordSection";
import { SessionsSection } from "@/components/account/SessionsSection";
import { TwoStepSection } from "@/components/account/TwoStepSection";
import { getDb } from "@/db/client";
import { currentSessionId } from "@/server/auth/current";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { accountOf, accountSessions } from "@/server/queries/account";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("account.title") };
}

/** The signed-in user's own account: password, two-step sign-in, language, emails, sessions. */
export default async function AccountPage() {
  const actor = await actorOrSignIn("/account");
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [account, sessions, sessionId] = await Promise.all([
    accountOf(db, actor),
    accountSessions(db, actor),
    currentSessionId(),
  ]);
  if (!account) notFound();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1>{t("account.title")}</h1>
        <p>{t("account.intro", { name: actor.name, email: account.email })}</p>
      </div>
      <PasswordSection t={t} hasPassword={account.hasPassword} />
      <TwoStepSection t={t} enabled={account.totpEnabledAt !== null} />
      <LanguageSection t={t} locale={locale} />
      <EmailPreferencesSection t={t} preferences={account.emailPreferences} />
      <SessionsSection t={t} locale={locale} sessions={sessions} currentSessionId={sessionId} />
    </div>
  );
}
