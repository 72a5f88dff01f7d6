// The one reading of a stored document for every export format: blocks in order, paragraph
// numbers from lib/numbering.ts, footnotes numbered in document order, marks reduced to the
// supported set and links to safe targets. Every serializer (HTML, PDF, Markdown, DOCX, AKN)
// walks this model, so no format can number, mark or sanitize differently from another.
// With annotations (the live draft only, on request), pending suggestions and open comment
// threads are carried too; paragraph numbers stay those of the agreed text.
import { type AgreementMark, agreementOf, type DocMark, type DocNode } from "@/lib/document";
import {
  agreedContent,
  COMMENT_ANCHOR,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  type SuggestionKind,
} from "@/lib/editor/annotations";
import { type LedgerEntry, paragraphLedger } from "@/lib/ledger";
import { paragraphNumbers } from "@/lib/numbering";
import type { CommentEntry, ExportAnnotations, LedgerMargin } from "../types";

export type InlineMark = "bold" | "italic" | "underline" | "strike" | "code";

/** A run of a pending suggestion. */
export type SuggestionRun = {
  /** Text inserted or deleted (proposed formatting is not shown in exports). */
  kind: Exclude<SuggestionKind, "format">;
  /** 1, 2, … per suggestion, in document order (one suggestion may span several runs). */
  number: number;
  /** "Name (Partner)". */
  author: string;
  /** The last run of this suggestion in its block: where its author is named. */
  last: boolean;
};

export type TextInline = {
  kind: "text";
  text: string;
  marks: InlineMark[];
  href: string | null;
  suggestion?: SuggestionRun;
  /** Numbers of the open comment threads anchored on this run. */
  comments?: number[];
  /** Threads whose anchored text starts / ends with this run (in the whole document). */
  commentStarts?: number[];
  commentEnds?: number[];
};

export type Inline = TextInline | { kind: "break" } | { kind: "note"; number: number; text: string };

export type Block =
  | { kind: "heading"; level: 2 | 3 | 4; inlines: Inline[]; agreement: AgreementMark | null; ledger?: LedgerMargin }
  | {
      kind: "paragraph";
      number: number | null;
      inlines: Inline[];
      agreement: AgreementMark | null;
      ledger?: LedgerMargin;
    }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] }
  | { kind: "quote"; blocks: Block[] }
  | { kind: "code"; text: string }
  | { kind: "rule" }
  | { kind: "table"; rows: TableRow[] };

export type TableCell = { header: boolean; colspan: number; rowspan: number; blocks: Block[] };
export type TableRow = { cells: TableCell[] };

export type ExportModel = {
  blocks: Block[];
  /** The ledger of agreement of the whole text (lib/ledger.ts), for the cover's summary. */
  ledger: LedgerEntry[];
  notes: { number: number; text: string }[];
  /** Every paragraph number, in order (for checks and the AKN eIds). */
  numbers: number[];
  /** Null unless annotations were asked for (and allowed). */
  annotations: ModelAnnotations | null;
};

export type CommentNote = {
  /** C1, C2, … in order of the anchored text; threads whose text is gone come last. */
  number: number;
  quote: string;
  /** False when the commented text is no longer in the draft. */
  anchored: boolean;
  entries: CommentEntry[];
};

export type ModelAnnotations = {
  suggestions: number;
  /** Every suggestion author, in order of first appearance. */
  authors: string[];
  comments: CommentNote[];
  resolvedLeftOut: number;
};

/** Links survive only to these targets, in every format. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== "string") return null;
  try {
    const url = new URL(href);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

// C0/C1 controls (other than tab and line feed), non-characters and lone surrogates make XML
// invalid and confuse every reader: drop them from exported text.
function isUnsafeCodeUnit(code: number, prev: number, next: number): boolean {
  if (code === 0x09 || code === 0x0a) return false;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff) return true;
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  if (isHigh(code)) return !isLow(next);
  if (isLow(code)) return !isHigh(prev);
  return false;
}

function cleanText(text: string): string {
  const normalized = text.normalize("NFC");
  let out = "";
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    if (!isUnsafeCodeUnit(code, normalized.charCodeAt(i - 1), normalized.charCodeAt(i + 1))) out += normalized[i];
  }
  return out;
}

const markOrder: InlineMark[] = ["bold", "italic", "underline", "strike", "code"];

function marksOf(marks: DocMark[] | undefined): { marks: InlineMark[]; href: string | null } {
  const set = new Set<InlineMark>();
  let href: string | null = null;
  for (const mark of marks ?? []) {
    if ((markOrder as string[]).includes(mark.type)) set.add(mark.type as InlineMark);
    else if (mark.type === "link") href = safeHref(mark.attrs?.href);
  }
  return { marks: markOrder.filter((m) => set.has(m)), href };
}

type ModelOptions = {
  /**
   * Pending suggestions and open comment threads of the live draft, whose document then carries
   * their marks. Absent (the default): the marks are not read, only the agreed text is shown.
   */
  annotations?: ExportAnnotations | null;
};

/** Reads the suggestion and comment-anchor marks of the live draft into the model. */
class AnnotationReader {
  private readonly suggestionNumbers = new Map<string, number>();
  private readonly authors: string[] = [];
  private readonly threads: Map<string, ExportAnnotations["threads"][number]>;
  private readonly threadNumbers = new Map<string, number>();
  private readonly first = new Map<number, TextInline>();
  private readonly last = new Map<number, TextInline>();

  constructor(private readonly source: ExportAnnotations) {
    this.threads = new Map(source.threads.map((t) => [t.anchorId, t]));
  }

  annotate(inline: TextInline, marks: DocMark[] | undefined) {
    const suggestion = marks?.find((m) => m.type === SUGGESTION_INSERT || m.type === SUGGESTION_DELETE);
    const id = suggestion?.attrs?.id;
    if (suggestion && typeof id === "string") {
      let number = this.suggestionNumbers.get(id);
      if (number === undefined) {
        number = this.suggestionNumbers.size + 1;
        this.suggestionNumbers.set(id, number);
      }
      const author = this.source.suggestionAuthors.get(id) ?? "";
      if (!this.authors.includes(author)) this.authors.push(author);
      inline.suggestion = {
        kind: suggestion.type === SUGGESTION_INSERT ? "insert" : "delete",
        number,
        author,
        last: false,
      };
    }
    const comments: number[] = [];
    for (const mark of marks ?? []) {
      const anchorId = mark.type === COMMENT_ANCHOR ? mark.attrs?.id : undefined;
      if (typeof anchorId !== "string" || !this.threads.has(anchorId)) continue;
      let number = this.threadNumbers.get(anchorId);
      if (number === undefined) {
        number = this.threadNumbers.size + 1;
        this.threadNumbers.set(anchorId, number);
      }
      if (!comments.includes(number)) comments.push(number);
    }
    if (comments.length > 0) inline.comments = comments.sort((a, b) => a - b);
  }

  /** Records where each thread's anchored text starts and ends (after `annotate`, once per placed run). */
  place(inline: TextInline) {
    for (const number of inline.comments ?? []) {
      if (!this.first.has(number)) this.first.set(number, inline);
      this.last.set(number, inline);
    }
  }

  /** Marks the last run of each suggestion within one block's inline content. */
  closeRuns(inlines: Inline[]) {
    inlines.forEach((inline, i) => {
      if (inline.kind !== "text" || !inline.suggestion) return;
      const next = inlines[i + 1];
      inline.suggestion.last = !(
        next?.kind === "text" &&
        next.suggestion?.number === inline.suggestion.number &&
        next.suggestion.kind === inline.suggestion.kind
      );
    });
  }

  finish(): ModelAnnotations {
    for (const [number, inline] of this.first) inline.commentStarts = [...(inline.commentStarts ?? []), number];
    for (const [number, inline] of this.last) inline.commentEnds = [...(inline.commentEnds ?? []), number];
    const comments: CommentNote[] = [];
    for (const [anchorId, number] of this.threadNumbers) {
      const thread = this.threads.get(anchorId);
      if (thread) comments.push({ number, quote: thread.quote, anchored: true, entries: thread.entries });
    }
    // Open threads whose commented text is gone (deleted, or a suggestion rejected): still listed.
    for (const thread of this.source.threads) {
      if (this.threadNumbers.has(thread.anchorId)) continue;
      comments.push({ number: comments.length + 1, quote: thread.quote, anchored: false, entries: thread.entries });
    }
    return {
      suggestions: this.suggestionNumbers.size,
      authors: this.authors,
      comments,
      resolvedLeftOut: this.source.resolvedLeftOut,
    };
  }
}

/** Two runs that read the same in every format: same marks, link, suggestion and threads. */
function sameRun(a: TextInline, b: TextInline): boolean {
  return (
    a.href === b.href &&
    a.marks.join() === b.marks.join() &&
    a.suggestion?.kind === b.suggestion?.kind &&
    a.suggestion?.number === b.suggestion?.number &&
    (a.comments ?? []).join() === (b.comments ?? []).join()
  );
}

export function buildModel(doc: DocNode, options: ModelOptions = {}): ExportModel {
  const notes: ExportModel["notes"] = [];
  const reader = options.annotations ? new AnnotationReader(options.annotations) : null;
  // Numbers are those of the agreed text: a paragraph that is only a suggested insertion has none.
  const numbersByIndex = paragraphNumbers(reader ? agreedContent(doc) : doc);

  const inlinesOf = (node: DocNode): Inline[] => {
    const out: Inline[] = [];
    for (const child of node.content ?? []) {
      if (child.type === "text") {
        const text = cleanText(child.text ?? "");
        if (!text) continue;
        const inline: TextInline = { kind: "text", text, ...marksOf(child.marks) };
        if (!reader) {
          out.push(inline);
          continue;
        }
        reader.annotate(inline, child.marks);
        // Marks that are not exported (a resolved thread's anchor) split the text: joined again.
        const previous = out[out.length - 1];
        if (previous?.kind === "text" && sameRun(previous, inline)) {
          previous.text += inline.text;
          reader.place(previous);
        } else {
          out.push(inline);
          reader.place(inline);
        }
      } else if (child.type === "hardBreak") {
        out.push({ kind: "break" });
      } else if (child.type === "footnote") {
        const text = cleanText(typeof child.attrs?.content === "string" ? child.attrs.content : "");
        const number = notes.length + 1;
        notes.push({ number, text });
        out.push({ kind: "note", number, text });
      } else {
        // Unknown inline content: keep its text rather than lose it.
        out.push(...inlinesOf(child));
      }
    }
    reader?.closeRuns(out);
    return out;
  };

  const blockOf = (node: DocNode, number: number | null): Block | null => {
    switch (node.type) {
      case "heading": {
        const level = Math.min(Math.max(Number(node.attrs?.level ?? 2) || 2, 2), 4) as 2 | 3 | 4;
        return { kind: "heading", level, inlines: inlinesOf(node), agreement: agreementOf(node) };
      }
      case "paragraph":
        return { kind: "paragraph", number, inlines: inlinesOf(node), agreement: agreementOf(node) };
      case "bulletList":
      case "orderedList":
        return {
          kind: "list",
          ordered: node.type === "orderedList",
          start: Math.max(1, Math.floor(Number(node.attrs?.start ?? 1)) || 1),
          items: (node.content ?? []).map((item) => blocksOf(item.content ?? [])),
        };
      case "blockquote":
        return { kind: "quote", blocks: blocksOf(node.content ?? []) };
      case "codeBlock":
        return { kind: "code", text: cleanText((node.content ?? []).map((c) => c.text ?? "").join("")) };
      case "horizontalRule":
        return { kind: "rule" };
      case "table":
        return {
          kind: "table",
          rows: (node.content ?? []).map((row) => ({
            cells: (row.content ?? []).map((cell) => ({
              header: cell.type === "tableHeader",
              colspan: Math.max(1, Number(cell.attrs?.colspan ?? 1) || 1),
              rowspan: Math.max(1, Number(cell.attrs?.rowspan ?? 1) || 1),
              blocks: blocksOf(cell.content ?? []),
            })),
          })),
        };
      default:
        if (node.content?.some((c) => c.type === "text")) {
          return { kind: "paragraph", number, inlines: inlinesOf(node), agreement: agreementOf(node) };
        }
        return node.content ? { kind: "quote", blocks: blocksOf(node.content) } : null;
    }
  };

  const blocksOf = (nodes: DocNode[]): Block[] =>
    nodes.map((n) => blockOf(n, null)).filter((b): b is Block => b !== null);

  // The ledger skips proposed blocks itself, so its indices are those of `doc`.
  const ledger = paragraphLedger(doc);
  const ledgerByIndex = new Map(ledger.map((entry) => [entry.index, entry]));
  const blocks = (doc.content ?? [])
    .map((node, i) => {
      const block = blockOf(node, numbersByIndex[i] ?? null);
      const entry = ledgerByIndex.get(i);
      // Only a recorded status gets a margin note: "Pending" beside every paragraph of a text
      // nobody has marked would drown the page; the cover counts the pending ones.
      if (entry && entry.status !== "pending" && (block?.kind === "paragraph" || block?.kind === "heading")) {
        block.ledger = {
          status: entry.status,
          partners: entry.partners,
          until: entry.until,
          alternatives: entry.alternatives,
        };
      }
      return block;
    })
    .filter((b): b is Block => b !== null);
  return {
    blocks,
    ledger,
    notes,
    numbers: numbersByIndex.filter((n): n is number => n !== undefined),
    annotations: reader?.finish() ?? null,
  };
}
