// The one reading of a stored document for every export format: blocks in order, paragraph
// numbers from lib/numbering.ts, footnotes numbered in document order, marks reduced to the
// supported set and links to safe targets. Every serializer (HTML, PDF, Markdown, DOCX, AKN)
// walks this model, so no format can number, mark or sanitize differently from another.
import { type AgreementMark, agreementOf, type DocMark, type DocNode } from "@/lib/document";
import { paragraphNumbers } from "@/lib/numbering";

export type InlineMark = "bold" | "italic" | "underline" | "strike" | "code";

export type Inline =
  | { kind: "text"; text: string; marks: InlineMark[]; href: string | null }
  | { kind: "break" }
  | { kind: "note"; number: number; text: string };

export type Block =
  | { kind: "heading"; level: 2 | 3 | 4; inlines: Inline[]; agreement: AgreementMark | null }
  | { kind: "paragraph"; number: number | null; inlines: Inline[]; agreement: AgreementMark | null }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] }
  | { kind: "quote"; blocks: Block[] }
  | { kind: "code"; text: string }
  | { kind: "rule" }
  | { kind: "table"; rows: TableRow[] };

export type TableCell = { header: boolean; colspan: number; rowspan: number; blocks: Block[] };
export type TableRow = { cells: TableCell[] };

export type ExportModel = {
  blocks: Block[];
  notes: { number: number; text: string }[];
  /** Every paragraph number, in order (for checks and the AKN eIds). */
  numbers: number[];
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

export function cleanText(text: string): string {
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

export type ModelOptions = {
  /**
   * Suggestions and comments: left out by default. Accepted for the future (tracked changes and
   * comments in DOCX); today the document carries neither, so true and false give the same output.
   */
  includeAnnotations?: boolean;
};

export function buildModel(doc: DocNode, _options: ModelOptions = {}): ExportModel {
  const notes: ExportModel["notes"] = [];
  const numbersByIndex = paragraphNumbers(doc);

  const inlinesOf = (node: DocNode): Inline[] => {
    const out: Inline[] = [];
    for (const child of node.content ?? []) {
      if (child.type === "text") {
        const text = cleanText(child.text ?? "");
        if (!text) continue;
        out.push({ kind: "text", text, ...marksOf(child.marks) });
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

  const blocks = (doc.content ?? [])
    .map((node, i) => blockOf(node, numbersByIndex[i] ?? null))
    .filter((b): b is Block => b !== null);
  return { blocks, notes, numbers: numbersByIndex.filter((n): n is number => n !== undefined) };
}

/** The plain text of inline content (notes as their number), e.g. for table cells in Markdown. */
export function inlineText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "break" ? "\n" : `[${i.number}]`)).join("");
}
