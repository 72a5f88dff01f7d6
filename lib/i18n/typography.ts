// French typography for interface and export strings: a narrow no-break space (U+202F) before
// `: ; ! ?` and inside « ». Applied to the French catalog once, so a string written with a plain
// space or none still reads right, whether it reaches the page through the translator or as a
// whole section handed to a client component. Only templates are touched, never the values
// filled into them (paper text is hashed and stays as written).

export const NARROW_NBSP = "\u202f";

/** `http:`, `https:`, `mailto:` are URL schemes, not punctuation. */
const URL_SCHEME = /(?:https?|mailto)$/;

/** The French form of one interface string. */
export function frenchTypography(text: string): string {
  return (
    text
      // A plain or no-break space before the sign, or inside the guillemets, becomes narrow.
      .replace(/[ \u00a0]+([:;!?»])/g, `${NARROW_NBSP}$1`)
      .replace(/«[ \u00a0\u202f]*/g, `«${NARROW_NBSP}`)
      .replace(/([^\s\u202f])»/g, `$1${NARROW_NBSP}»`)
      // No space at all before a sign that ends a clause (followed by a space or the end).
      .replace(/([\p{L}\p{N}})…"”])([;!?:])(?=\s|$)/gu, (match, before: string, sign: string, offset: number) =>
        sign === ":" && URL_SCHEME.test(text.slice(0, offset + 1)) ? match : `${before}${NARROW_NBSP}${sign}`,
      )
  );
}

/** Every string of a catalog (any nesting) in its French form. */
export function withFrenchTypography<T>(catalog: T): T {
  if (typeof catalog === "string") return frenchTypography(catalog) as T;
  if (typeof catalog !== "object" || catalog === null) return catalog;
  return Object.fromEntries(Object.entries(catalog).map(([key, value]) => [key, withFrenchTypography(value)])) as T;
}
