// The vocabulary every part of the exports shares: the formats, what a file is made from (the
// export source), its cover block, the file itself and what an annotated export is. Nothing here
// loads a renderer, so pages and client components may import it.

import type { PaperKind, PaperStatus } from "@/db/schema";
import type { CompareRow } from "@/lib/compare";
import type { DocNode } from "@/lib/document";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { LedgerEntry } from "@/lib/ledger";
import type { Folded } from "../collab/fold";
import type { ImportedDocx, ImportVoice } from "./import/imported";

export const exportFormats = ["docx", "pdf", "html", "md", "akn"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ExportOptions = {
  lang: Locale;
  /**
   * Pending suggestions and open comments: rendered only when asked for here AND carried by the
   * source (`exportSourceForActor` loads them for the live draft, when allowed). Submitted texts,
   * the ZIP and verification never ask, and their sources never carry them.
   */
  includeAnnotations?: boolean;
};

/** Annotations are rendered only when asked for AND carried by the source (the live draft, when allowed). */
export function isAnnotatedExport(source: ExportSource, options: ExportOptions): boolean {
  return options.includeAnnotations === true && source.revision === null && !!source.annotations;
}

/** A revision's number, or the live draft. */
export type RevisionSelector = number | "live";

export type PositionLine = {
  partner: string;
  iso3: string | null;
  /** approve | object | abstain | approve_by_silence | none */
  value: string;
  reason: string | null;
  recordedBy: string | null;
  recordedAt: Date | null;
};

/** One comment of a thread: the opening one first, then the replies. */
export type CommentEntry = { author: string; date: Date; body: string; withdrawn: boolean };

/** What the export source knows about the annotations of the live draft (server/export/annotations-source.ts). */
export type ExportAnnotations = {
  /** Suggestion id (from the mark) → "Name (Partner)". */
  suggestionAuthors: ReadonlyMap<string, string>;
  /** Open threads, oldest first; resolved ones are left out. */
  threads: { anchorId: string; quote: string; entries: CommentEntry[] }[];
  resolvedLeftOut: number;
};

/**
 * What an export is made from: the stored document of one revision (or the live text, marked as
 * a draft) and the facts of its cover block, all read from stored rows (server/export/source.ts),
 * so that a submitted revision always yields the same bytes.
 */
export type ExportSource = {
  paperId: string;
  dialogue: { name: string; code: string };
  title: string;
  kind: PaperKind;
  status: PaperStatus;
  /** null: the live draft (not a frozen revision). */
  revision: number | null;
  /** The document symbol issued with the revision (server/export/document-symbol.ts); null: none, or the live draft. */
  symbol: string | null;
  /**
   * Partner id → how the ledger of agreement names it in the margin (a state's ISO code, an
   * organisation's name): the dialogue's partners. Ids not found are shown as they are.
   */
  partnerCodes: Readonly<Record<string, string>>;
  /** Frozen time of the revision, or the last change of the live text. */
  date: Date;
  /**
   * Always the hash of the agreed text (without suggestions and comments); for a revision of a
   * paper with language versions, the revision's hash, which covers every language it froze.
   */
  hash: string;
  /** The language the text is written in (ISO 639-1): the original's or a language version's. */
  language: string;
  /**
   * Which texts the file holds, for its fingerprint and the files issued for a submission
   * and the verify check: '' the original's, a version's language, or two joined by '+' (bilingual).
   */
  texts: string;
  /** Every language the revision froze together, the original first; null for the live draft or a paper without versions. */
  languages: FrozenLanguage[] | null;
  /** The stored text; with annotations, the live document with its suggestion and anchor marks. */
  doc: DocNode;
  /** Pending suggestions and open comments: only for the live draft, when asked for and allowed. */
  annotations?: ExportAnnotations | null;
  /** For agreed and submitted papers, when this revision is the agreed one. */
  positions: PositionLine[] | null;
  submission: { reference: string; submittedAt: Date; submittedBy: string } | null;
};

/** One language of a revision (table revision_languages): its text's hash and how many translations were outdated. */
export type FrozenLanguage = {
  language: string;
  /** The paper whose text it is: the original, or the language version. */
  paperId: string;
  isOriginal: boolean;
  hash: string;
  outdatedCount: number;
  outdatedNumbers: number[];
};

export type CoverRow = { label: string; value: string; mono?: boolean };
export type CoverPosition = {
  partner: string;
  position: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
};

/** The cover block of every export, as rows of label and value (server/export/render/cover.ts). */
export type Cover = {
  lang: Locale;
  t: Translate;
  heading: string;
  /** Set for the live draft: shown prominently on every format. */
  draftNotice: string | null;
  /** Set when pending suggestions and comments are included: shown prominently on every format. */
  annotationsNotice: string | null;
  rows: CoverRow[];
  positionsHeading: string;
  positionsColumns: [string, string, string, string, string];
  positions: CoverPosition[] | null;
  /** "Title, Rev.N" or "Title, live draft". */
  documentName: string;
  /** The document symbol, or null. */
  symbol: string | null;
  /** The running header of PDF and DOCX pages: the symbol, else the title. */
  runningHeader: string;
  /** The ledger of agreement: count of paragraphs and headings per status, translated, in order. */
  ledger: { heading: string; columns: [string, string]; rows: { status: string; label: string; count: number }[] };
  /** A paragraph's margin note (`text`) and its accessible name (`label`, "Status of paragraph 3: Agreed"). */
  ledgerMargin: (entry: LedgerMargin, number: number | null) => { text: string; label: string };
  revisionLabel: string;
  notesHeading: string;
  adRef: string;
  marker: string;
};

export type ExportFile = { bytes: Uint8Array; contentType: string; filename: string };

export type ZipEntry = { path: string; bytes: Uint8Array };

/** The heavy, pure work of exports and imports, done in this thread or on the export thread (server/export/work.ts). */
export interface ExportWork {
  /** The file's bytes; a PDF is printed by this thread's Chromium. */
  render(source: ExportSource, format: ExportFormat, options: ExportOptions): Promise<Uint8Array>;
  zip(entries: ZipEntry[], mtime: Date): Promise<Uint8Array>;
  /** A Word file read into the paper schema, its tracked changes and comments in the name of `voice`. */
  readDocx(bytes: Uint8Array, voice: ImportVoice): Promise<ImportedDocx>;
  /**
   * The live text from the paper's stored Yjs updates (every acknowledged edit, unlike the
   * debounced snapshot): with its suggestion and comment-anchor marks, or the agreed text only.
   */
  liveDocument(updates: Uint8Array[], keepMarks: boolean): Promise<DocNode>;
  /**
   * A paper's stored state and pending updates folded into one, with its readable snapshot if
   * the text differs from `storedJson` (compaction, server/collab/compaction.ts): work that grows
   * with the paper, done here rather than on the collaboration server's event loop.
   */
  foldPaper(updates: Uint8Array[], storedJson: string | null): Promise<Folded>;
  /** Two texts compared, as a Word document with tracked changes (server/export/render/redline-docx.ts). */
  redlineDocx(input: RedlineInput): Promise<Uint8Array>;
  /** The compilation of amendments as a landscape table, in Word or PDF (server/export/render/compilation.ts). */
  compilationFile(input: CompilationExportInput, format: "docx" | "pdf"): Promise<Uint8Array>;
  /** An original and its language version in two aligned columns (server/export/render/bilingual.ts). */
  bilingualFile(input: BilingualExportInput, format: "docx" | "pdf"): Promise<Uint8Array>;
}

// Inputs of the renderers, here so that the renderers and their callers share them without
// the types reaching back into the renderers.

/** A top-level paragraph's or heading's entry in the ledger of agreement (lib/ledger.ts), shown in the margin. */
export type LedgerMargin = Pick<LedgerEntry, "status" | "partners" | "until" | "alternatives">;

export type CompilationPiece = { text: string; change: "ins" | "del" | null };

export type CompilationExportRow = {
  paragraph: string;
  original: string;
  /** The suggestion's redline of its paragraph; for a comment thread, its text as it is. */
  proposed: CompilationPiece[];
  delegation: string;
  status: string;
  disposition: string;
  note: string;
};

export type CompilationExportInput = {
  lang: Locale;
  heading: string;
  title: string;
  dialogue: string;
  /** "As of 4 Dec 2026, 11:00 UTC" (and the filters, when some are applied). */
  subtitle: string[];
  /** para., original, proposed amendment, delegation, status / disposition, note. */
  columns: [string, string, string, string, string, string];
  rows: CompilationExportRow[];
  /** Shown when there is no row. */
  empty: string;
  /** The PDF's footer. */
  footer: string;
  /** ISO 8601: the file's own date (the same input gives the same bytes). */
  date: string;
};

/** An original and one of its language versions, for the bilingual export (server/export/render/bilingual.ts). */
export type BilingualExportInput = {
  original: ExportSource;
  version: ExportSource;
  /** The cover's language. */
  lang: Locale;
  /** The version's paragraphs whose translation is outdated (live text only; a revision's are in `languages`). */
  outdatedNumbers: number[];
};

export type RedlineInput = {
  rows: CompareRow[];
  /** The paper's title, and what is compared ("Rev.1 → Rev.2"). */
  title: string;
  subtitle: string;
  /** Who the changes are attributed to: the dialogue's secretariat, which keeps the revisions. */
  author: string;
  /** When the later text was fixed (ISO 8601): the date of every change. */
  date: string;
};
