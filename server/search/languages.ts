// The text search configuration (stemming and stop words) for each language a paper may be
// written in. Every index entry records its language; its configuration is chosen here, and the
// same list is what a query is matched against. A language PostgreSQL cannot stem (Chinese, for
// one) is indexed word by word with `simple`.

/** ISO 639-1 code → built-in PostgreSQL configuration (present in PostgreSQL 15+ and PGlite 0.5). */
const stemmedLanguages = {
  en: "english",
  fr: "french",
  es: "spanish",
  ru: "russian",
  ar: "arabic",
  pt: "portuguese",
  de: "german",
  it: "italian",
  tr: "turkish",
} as const;

export type SearchConfig = (typeof stemmedLanguages)[keyof typeof stemmedLanguages] | "simple";

/** Every configuration an entry may have, for the query (one GIN index probe each). */
export const searchConfigs: readonly SearchConfig[] = [
  ...new Set<SearchConfig>([...Object.values(stemmedLanguages), "simple"]),
];

export function searchConfigFor(language: string): SearchConfig {
  return (stemmedLanguages as Record<string, SearchConfig>)[language] ?? "simple";
}
