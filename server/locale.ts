// The interface language of this request: the user's saved choice, else the cookie, else the browser.
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { isLocale, type Locale, localeCookie, negotiateLocale } from "@/lib/i18n/locales";
import { type Translate, translator } from "@/lib/i18n/translate";
import { currentActor } from "./auth/current";

export const requestLocale = cache(async (): Promise<Locale> => {
  const actor = await currentActor();
  if (actor?.locale) return actor.locale;
  const cookie = (await cookies()).get(localeCookie)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale((await headers()).get("accept-language"));
});

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await requestLocale();
  return { locale, t: translator(locale) };
}
