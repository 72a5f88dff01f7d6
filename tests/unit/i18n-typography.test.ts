// French typography: every French catalog string, as written in lib/i18n/messages, has a narrow
// no-break space (U+202F) before `: ; ! ?` and inside « », and the translator guarantees it for
// interpolated messages and for sections handed whole to client components.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fr } from "@/lib/i18n/messages/fr";
import { catalogs, translator } from "@/lib/i18n/translate";
import { frenchTypography, NARROW_NBSP } from "@/lib/i18n/typography";

const messagesDir = path.join(import.meta.dirname, "../../lib/i18n/messages");

/** Every string of a catalog with its dotted key. */
function strings(node: unknown, key = ""): [string, string][] {
  if (typeof node === "string") return [[key, node]];
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
}

/** What is wrong with one French string, independently of the translator's own fixer. */
function typographyFaults(text: string): string[] {
  const faults: string[] = [];
  for (const m of text.matchAll(/[ \u00a0]([:;!?»])/g)) faults.push(`plain space before ${m[1]}`);
  for (const m of text.matchAll(/[\p{L}\p{N}})…](?<sign>[:;!?])(?=\s|$)/gu)) {
    const before = text.slice(0, m.index + m[0].length);
    if (!/(?:https?|mailto):$/.test(before)) faults.push(`no space before ${m.groups?.sign}`);
  }
  for (const _ of text.matchAll(/«(?!\u202f)/g)) faults.push("no narrow space after «");
  for (const _ of text.matchAll(/(?<!\u202f)»/g)) faults.push("no narrow space before »");
  return faults;
}

/** Every French catalog: fr.ts and each module's `…Fr` export, wired into fr.ts or not yet. */
async function frenchCatalogs(): Promise<[string, unknown][]> {
  const found: [string, unknown][] = [["fr", fr]];
  for (const file of readdirSync(messagesDir).filter((f) => f.endsWith(".ts"))) {
    const module = (await import(path.join(messagesDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (/Fr$/.test(name)) found.push([name, value]);
  }
  return found;
}

describe("French catalogs", () => {
  it("have a narrow no-break space before : ; ! ? and inside « » in every string", async () => {
    const catalogsFound = await frenchCatalogs();
    expect(catalogsFound.length).toBeGreaterThan(5);
    const wrong = catalogsFound.flatMap(([name, catalog]) =>
      strings(catalog).flatMap(([key, text]) =>
        typographyFaults(text).map((fault) => `${name}: ${key}: ${fault}: ${JSON.stringify(text)}`),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it("are left as written by the translator's fixer (nothing to fix)", () => {
    expect(catalogs.fr).toEqual(fr);
  });
});

describe("frenchTypography", () => {
  it("narrows a plain or no-break space before the signs and inside guillemets", () => {
    expect(frenchTypography("Statut : projet ; fini ! Vraiment ?")).toBe(
      `Statut${NARROW_NBSP}: projet${NARROW_NBSP}; fini${NARROW_NBSP}! Vraiment${NARROW_NBSP}?`,
    );
    expect(frenchTypography("Sur « {quote} »")).toBe(`Sur «${NARROW_NBSP}{quote}${NARROW_NBSP}»`);
    expect(frenchTypography("Sur «\u00a0{quote}\u00a0»")).toBe(`Sur «${NARROW_NBSP}{quote}${NARROW_NBSP}»`);
  });

  it("adds the space where there was none", () => {
    expect(frenchTypography("{partner}: {count}")).toBe(`{partner}${NARROW_NBSP}: {count}`);
    expect(frenchTypography("Prêt? Oui!")).toBe(`Prêt${NARROW_NBSP}? Oui${NARROW_NBSP}!`);
    expect(frenchTypography("«{text}»")).toBe(`«${NARROW_NBSP}{text}${NARROW_NBSP}»`);
  });

  it("leaves URL schemes, times and query strings alone, and is idempotent", () => {
    for (const text of ["http://, https:// et mailto: sont acceptés", "à 14:30", "/verify?hash={hash}"]) {
      expect(frenchTypography(text)).toBe(text);
    }
    const once = frenchTypography("Filtre : {filters} ; « a »");
    expect(frenchTypography(once)).toBe(once);
  });
});

describe("the French translator", () => {
  it("keeps the narrow spaces in interpolated messages, and fills values as given", () => {
    const t = translator("fr");
    expect(t("workflow.pendingPartner", { partner: "Sénégal", count: 2 })).toBe(`Sénégal${NARROW_NBSP}: 2`);
    expect(t("comments.suggestions.insert", { text: "a : b" })).toBe(`Insérer «${NARROW_NBSP}a : b${NARROW_NBSP}»`);
    expect(translator("en")("workflow.pendingPartner", { partner: "Senegal", count: 2 })).toBe("Senegal: 2");
  });
});
