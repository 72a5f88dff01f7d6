/** The six UN languages, in the UN's order (as its sites list them: by name in English). */
export const locales = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type Locale = (typeof locales)[number];

/** Each language by its own name (the same in every catalog: a reader finds their own). */
export const localeNames = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
} as const satisfies Record<Locale, string>;

/** Languages written right to left: the page's `dir`. */
export const rtlLocales: ReadonlySet<Locale> = new Set(["ar"]);
export const localeDirection = (locale: Locale): "rtl" | "ltr" => (rtlLocales.has(locale) ? "rtl" : "ltr");
export const defaultLocale: Locale = "en";
export const localeCookie = "accord-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? defaultLocale;
}
