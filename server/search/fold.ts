// Accent and case folding, done here rather than with PostgreSQL's `unaccent` so that the
// embedded database and PostgreSQL fold exactly alike: the index stores the folded text, and
// every query is folded the same way before it reaches the database.

/** Combining diacritics left once a letter is decomposed (é → e + U+0301). */
const diacritic = /[\u0300-\u036f]/g;
/** Letters that carry their accent in their shape, not as a combining mark. */
const ligatures: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", ł: "l", đ: "d", ı: "i" };
/** The snippet's highlight markers (server/queries/search.ts): never part of a folded text. */
export const HIGHLIGHT_START = "\u27e6";
export const HIGHLIGHT_END = "\u27e7";

function foldChar(char: string): string {
  if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) return " ";
  const base = char.normalize("NFD").replace(diacritic, "").toLowerCase();
  return ligatures[base] ?? base;
}

/**
 * The folded text, and for each of its UTF-16 units the index in `text` of the character it came
 * from (a snippet found in the folded text is cut from the original with these).
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = "";
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldChar(char);
    folded += piece;
    for (let i = 0; i < piece.length; i++) offsets.push(index);
    index += char.length;
  }
  return { folded, offsets };
}

/** "Mobilité" → "mobilite", "Œuvre" → "oeuvre", "STRAẞE" → "strasse". */
export function foldText(text: string): string {
  return foldWithOffsets(text).folded;
}
