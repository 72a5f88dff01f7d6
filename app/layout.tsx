import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/AppHeader";
import { localeDirection } from "@/lib/i18n/locales";
import { currentActor } from "@/server/auth/current";
import { getTranslator } from "@/server/locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` }, description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ t, locale }, actor] = await Promise.all([getTranslator(), currentActor()]);
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body>
        <a href="#main" className="sr-only-focusable">
          {t("nav.skipToContent")}
        </a>
        <AppHeader actor={actor} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8 2xl:max-w-[96rem]">
          {children}
        </main>
      </body>
    </html>
  );
}
