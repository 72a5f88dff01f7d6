// Language versions of a paper (issue 19): which languages a version may be in, and how a
// version's paragraphs line up with its original's. Pure, shared by the server (outdated
// translations, the parallel page) and the browser (the parallel editor's margin).
import { type DocNode, docToPlainText } from "./document";
import { locales } from "./i18n/locales";
import { paragraphNumbers } from "./numbering";
import { paragraphIdOf } from "./paragraph-ids";

/**
 * The languages a dialogue may work in besides the six of the UN (ISO 639-1): the official and
 * widely used languages of the partner states of the migration dialogues the secretariat runs
 * (Rabat, Khartoum, Budapest and Prague Processes, MTM, Euromed, the Africa-EU MME partnership),
 * so that a delegation can read a text in its own language. Curated rather than every ISO code:
 * each must be a language PostgreSQL, the browser and the exports can name, and the list is what
 * the secretariat ticks from. Add a code here when a dialogue needs one more.
 */
export const otherLanguageChoices = [
  // Lusophone partners (Cabo Verde, Guinea-Bissau, Angola, Mozambique, Portugal, Brazil).
  "pt",
  // European Union and other European partners.
  "de",
  "it",
  "nl",
  "el",
  "pl",
  "ro",
  "hu",
  "cs",
  "sk",
  "sl",
  "hr",
  "bg",
  "sv",
  "da",
  "fi",
  "et",
  "lv",
  "lt",
  "mt",
  // The Western Balkans, Eastern Europe and the South Caucasus (Prague and Budapest Processes).
  "sq",
  "sr",
  "bs",
  "mk",
  "uk",
  "be",
  "ka",
  "hy",
  "az",
  "tr",
  // Central and South Asia, the Silk Routes (Budapest Process).
  "fa",
  "ps",
  "ur",
  "bn",
  "ku",
  "uz",
  "tg",
  "ky",
  "kk",
  "tk",
  // Africa (Rabat and Khartoum Processes, the MME partnership).
  "am",
  "ti",
  "so",
  "sw",
  "ha",
  "yo",
  "ig",
  "wo",
  "ff",
  "bm",
  "ln",
  "rw",
  "mg",
] as const;

/** At most this many other languages per dialogue (the database's check says the same). */
export const MAX_OTHER_LANGUAGES = 12;

export function isOtherLanguageChoice(value: unknown): value is (typeof otherLanguageChoices)[number] {
  return typeof value === "string" && (otherLanguageChoices as readonly string[]).includes(value);
}

/**
 * The languages a version of a paper of a dialogue may be written in: the six UN languages, in
 * the UN's order, then the dialogue's other languages (`dialogues.other_languages`) in its order.
 */
export function versionLanguagesOf(otherLanguages: readonly string[]): string[] {
  const un = new Set<string>(locales);
  return [...locales, ...otherLanguages.filter((code) => !un.has(code))];
}

export function isVersionLanguageOf(value: unknown, otherLanguages: readonly string[]): value is string {
  return typeof value === "string" && versionLanguagesOf(otherLanguages).includes(value);
}

/** The text of a block as its translation is judged: its words, not its formatting or ledger marks. */
export function blockText(node: DocNode): string {
  return docToPlainText({ type: "doc", content: [node] }).normalize("NFC");
}

/** Each paragraph id's words (the first block with that id), to see which paragraphs' words changed. */
export function paragraphWordsById(doc: DocNode): Map<string, string> {
  const words = new Map<string, string>();
  for (const node of doc.content ?? []) {
    const id = paragraphIdOf(node);
    if (id !== null && !words.has(id)) words.set(id, blockText(node));
  }
  return words;
}

/** One row of the parallel view: an original block, a version block, or both. */
export type AlignedRow = {
  /** The original's UN paragraph number (a version's paragraph shows its original's), if any. */
  number: number | null;
  /** The version block's id (what a translation confirmation is stored under), if any. */
  pid: string | null;
  originalIndex: number | null;
  versionIndex: number | null;
};

const hasText = (node: DocNode) => blockText(node).trim().length > 0;

/**
 * Pairs the top-level blocks of a version with its original's: by paragraph id first; where a
 * block has no id (texts from before ids), by UN paragraph number, then by place among blocks of
 * the same type. Rows follow the original's order; a block only the version has comes after the
 * row of the version block before it. Empty blocks are left out.
 */
export function alignVersions(original: DocNode, version: DocNode): AlignedRow[] {
  const originalBlocks = original.content ?? [];
  const versionBlocks = version.content ?? [];
  const originalNumbers = paragraphNumbers(original);
  const versionNumbers = paragraphNumbers(version);
  const pairOfOriginal = new Map<number, number>();
  const pairOfVersion = new Map<number, number>();
  const pair = (o: number, v: number) => {
    pairOfOriginal.set(o, v);
    pairOfVersion.set(v, o);
  };
  const isCandidate = (node: DocNode) => hasText(node);

  const originalById = new Map<string, number>();
  originalBlocks.forEach((node, o) => {
    const id = paragraphIdOf(node);
    if (id !== null && isCandidate(node) && !originalById.has(id)) originalById.set(id, o);
  });
  versionBlocks.forEach((node, v) => {
    const id = paragraphIdOf(node);
    const o = id === null ? undefined : originalById.get(id);
    if (o !== undefined && isCandidate(node) && !pairOfOriginal.has(o)) pair(o, v);
  });
  // Where ids are missing: the same paragraph number, then the same place and type.
  const originalByNumber = new Map<number, number>();
  originalBlocks.forEach((node, o) => {
    const n = originalNumbers[o];
    if (n !== undefined && isCandidate(node)) originalByNumber.set(n, o);
  });
  const lacksId = (o: number, v: number) =>
    paragraphIdOf(originalBlocks[o] as DocNode) === null || paragraphIdOf(versionBlocks[v] as DocNode) === null;
  versionBlocks.forEach((node, v) => {
    const n = versionNumbers[v];
    const o = n === undefined ? undefined : originalByNumber.get(n);
    if (o !== undefined && !pairOfVersion.has(v) && !pairOfOriginal.has(o) && isCandidate(node) && lacksId(o, v)) {
      pair(o, v);
    }
  });
  versionBlocks.forEach((node, v) => {
    const twin = originalBlocks[v];
    if (
      twin &&
      !pairOfVersion.has(v) &&
      !pairOfOriginal.has(v) &&
      twin.type === node.type &&
      isCandidate(node) &&
      isCandidate(twin) &&
      lacksId(v, v)
    ) {
      pair(v, v);
    }
  });

  const rows: AlignedRow[] = [];
  const emitted = new Set<number>();
  const versionRow = (v: number): AlignedRow => ({
    number: null,
    pid: paragraphIdOf(versionBlocks[v] as DocNode),
    originalIndex: null,
    versionIndex: v,
  });
  const emitVersionOnlyBefore = (limit: number) => {
    for (let v = 0; v < limit; v++) {
      if (emitted.has(v) || pairOfVersion.has(v) || !isCandidate(versionBlocks[v] as DocNode)) continue;
      emitted.add(v);
      rows.push(versionRow(v));
    }
  };
  originalBlocks.forEach((node, o) => {
    const v = pairOfOriginal.get(o);
    if (v === undefined && !isCandidate(node)) return;
    if (v !== undefined) {
      emitVersionOnlyBefore(v);
      emitted.add(v);
    }
    rows.push({
      number: originalNumbers[o] ?? null,
      pid: v === undefined ? null : paragraphIdOf(versionBlocks[v] as DocNode),
      originalIndex: o,
      versionIndex: v ?? null,
    });
  });
  emitVersionOnlyBefore(versionBlocks.length);
  return rows;
}

/** A language's name in the reader's language ("French", « Français »…), from the platform's data. */
export function languageName(code: string, readerLocale: string): string {
  try {
    const name = new Intl.DisplayNames([readerLocale], { type: "language" }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(readerLocale) + name.slice(1);
  } catch {
    return code;
  }
}

/** Languages named in the reader's language as one phrase ("Arabic, Chinese and English"). */
export function languageListText(codes: readonly string[], readerLocale: string): string {
  const names = codes.map((code) => languageName(code, readerLocale));
  try {
    return new Intl.ListFormat([readerLocale], { style: "long", type: "conjunction" }).format(names);
  } catch {
    return names.join(", ");
  }
}
