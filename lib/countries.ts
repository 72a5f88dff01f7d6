// The complete ISO 3166-1 list (alpha-3 codes), with English and French names.
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import fr from "i18n-iso-countries/langs/fr.json";
import type { Locale } from "./i18n/locales";

countries.registerLocale(en);
countries.registerLocale(fr);

export type Country = { iso3: string; name: string };

const alpha3Codes = Object.keys(countries.getAlpha3Codes()).sort();

const alpha3Set = new Set(alpha3Codes);

/** Alpha-3 codes only (the library also accepts alpha-2 and numeric codes). */
export function isCountryCode(code: string): boolean {
  return alpha3Set.has(code);
}

export function countryName(iso3: string, locale: Locale = "en"): string | undefined {
  return countries.getName(iso3, locale, { select: "official" }) ?? undefined;
}

/** Every country, sorted by its name in `locale`. */
export function listCountries(locale: Locale = "en"): Country[] {
  return alpha3Codes
    .map((iso3) => ({ iso3, name: countryName(iso3, locale) ?? iso3 }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** A partner's name as shown: state names follow the language; organisations keep their own names. */
export function partnerLabel(partner: { name: string; iso3: string | null }, locale: Locale): string {
  return partner.iso3 ? (countryName(partner.iso3, locale) ?? partner.name) : partner.name;
}
