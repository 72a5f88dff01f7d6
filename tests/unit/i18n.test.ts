// Interface language negotiation and the country list behind state partners.
import { describe, expect, it } from "vitest";
import { countryName, isCountryCode, listCountries } from "@/lib/countries";
import { defaultLocale, isLocale, type Locale, localeDirection, locales, negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale", () => {
  const cases: [string | null | undefined, Locale][] = [
    [null, "en"],
    [undefined, "en"],
    ["", "en"],
    ["fr", "fr"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["en-GB,en;q=0.9,fr;q=0.8", "en"],
    ["de-DE,de;q=0.9,fr;q=0.8,en;q=0.7", "fr"],
    ["en;q=0.5, fr;q=0.9", "fr"],
    ["FR-ca", "fr"],
    ["de, es, it", "es"],
    ["de, it", "en"],
    ["ar-MA,ar;q=0.9,fr;q=0.8", "ar"],
    ["zh-CN,zh;q=0.9", "zh"],
    ["zh-Hant-TW", "zh"],
    ["ru-RU,ru;q=0.9,en;q=0.5", "ru"],
    ["pt-PT,es;q=0.5,en;q=0.4", "es"],
    ["fr;q=0, en;q=0.1", "en"],
    ["fr;q=0", "en"],
    ["*", "en"],
    ["fr;q=abc, en;q=0.2", "en"],
    ["  fr-BE ; q=0.8 , de ", "fr"],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected}`, () => {
      expect(negotiateLocale(header)).toBe(expected);
    });
  }

  it("only supported locales count as locales", () => {
    expect(locales).toEqual(["ar", "zh", "en", "fr", "ru", "es"]);
    expect(defaultLocale).toBe("en");
    expect(isLocale("fr")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale("FR")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it("writes Arabic right to left, the other five left to right", () => {
    expect(locales.filter((l) => localeDirection(l) === "rtl")).toEqual(["ar"]);
  });
});

describe("countries", () => {
  it("lists every ISO 3166-1 country, once, with alpha-3 codes", () => {
    for (const locale of locales) {
      const list = listCountries(locale);
      expect(list.length).toBeGreaterThanOrEqual(249);
      expect(new Set(list.map((c) => c.iso3)).size).toBe(list.length);
      for (const country of list) {
        expect(country.iso3).toMatch(/^[A-Z]{3}$/);
        expect(isCountryCode(country.iso3)).toBe(true);
        expect(country.name).not.toBe(country.iso3);
      }
    }
  });

  it("sorts by name in the requested language", () => {
    for (const locale of locales) {
      const names = listCountries(locale).map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, locale)));
    }
  });

  it("names countries in English and French", () => {
    expect(countryName("SEN")).toBe("Senegal");
    expect(countryName("SEN", "fr")).toBe("Sénégal");
    expect(countryName("TUR", "en")).toBe("Türkiye");
    expect(countryName("TUR", "fr")).toBe("Turquie");
    expect(countryName("MAR", "en")).toBe("Morocco");
    expect(countryName("ESP", "fr")).toBe("Espagne");
    expect(listCountries("en").find((c) => c.iso3 === "SEN")).toEqual({ iso3: "SEN", name: "Senegal" });
    expect(countryName("XXX")).toBeUndefined();
  });

  it("accepts only upper-case alpha-3 codes", () => {
    expect(isCountryCode("SEN")).toBe(true);
    expect(isCountryCode("HUN")).toBe(true);
    for (const code of ["sen", "SN", "XXX", "", "SENE"]) expect(isCountryCode(code)).toBe(false);
  });

  // Regression: the library also accepts numeric codes ("686" is Senegal).
  it("refuses numeric codes such as 686", () => {
    expect(isCountryCode("686")).toBe(false);
  });
});
