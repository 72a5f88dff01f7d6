// DOCX export with `docx` 9, from the export model: cover block, headings, literal paragraph
// numbers (the app's), Word list numbering, tables, real footnotes, links, page numbers.
// `docx` writes creation dates, zip times and random relationship ids; `stabilize` rewrites
// them from the source's stored date so the same revision always gives the same bytes.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from "fflate";
import type { Cover } from "./cover";
import type { Block, ExportModel, Inline } from "./model";
import type { ExportSource } from "./source";

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
// A right-to-left run: RTL letters, with the spaces and neutral marks between them.
const RTL_RUN =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF](?:[\s\u060C\u061B\u061F.,:;!?\-–]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])*/g;

type RunStyle = { bold?: boolean; italics?: boolean; underline?: object; strike?: boolean; font?: string };

/** Splits text by script: Arabic/Hebrew segments become right-to-left runs, the rest stays LTR. */
function textRuns(text: string, style: RunStyle, styleId?: string): TextRun[] {
  if (!RTL.test(text)) return [new TextRun({ text, ...style, style: styleId })];
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    const index = match.index ?? 0;
    if (index > last) runs.push(new TextRun({ text: text.slice(last, index), ...style, style: styleId }));
    runs.push(new TextRun({ text: match[0], ...style, style: styleId, rightToLeft: true }));
    last = index + match[0].length;
  }
  if (last < text.length) runs.push(new TextRun({ text: text.slice(last), ...style, style: styleId }));
  return runs;
}

function inlineRuns(inlines: Inline[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of inlines) {
    if (inline.kind === "break") {
      out.push(new TextRun({ text: "", break: 1 }));
    } else if (inline.kind === "note") {
      out.push(new FootnoteReferenceRun(inline.number));
    } else {
      const style: RunStyle = {
        bold: inline.marks.includes("bold") || undefined,
        italics: inline.marks.includes("italic") || undefined,
        underline: inline.marks.includes("underline") ? {} : undefined,
        strike: inline.marks.includes("strike") || undefined,
        font: inline.marks.includes("code") ? "Noto Sans Mono" : undefined,
      };
      if (inline.href) {
        out.push(new ExternalHyperlink({ link: inline.href, children: textRuns(inline.text, style, "Hyperlink") }));
      } else {
        out.push(...textRuns(inline.text, style));
      }
    }
  }
  return out;
}

function withAgreement(runs: ParagraphChild[], agreement: "bracketed" | "adRef" | null, cover: Cover) {
  if (agreement === "bracketed")
    return [new TextRun({ text: "[", bold: true }), ...runs, new TextRun({ text: "]", bold: true })];
  if (agreement === "adRef") return [...runs, new TextRun({ text: ` ${cover.adRef}`, italics: true })];
  return runs;
}

/** Shared while walking: list numbering definitions, and whether we are inside a quote. */
type Lists = { counter: { next: number }; configs: Map<string, ILevelsOptions[]>; quote?: boolean };

function listLevels(ordered: boolean, start: number): ILevelsOptions[] {
  const bullets = ["•", "◦", "▪"];
  return Array.from({ length: 6 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : (bullets[level % bullets.length] as string),
    start: level === 0 ? start : 1,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

function blocksDocx(blocks: Block[], cover: Cover, lists: Lists, depth = -1): (Paragraph | Table)[] {
  return blocks.flatMap((block) => blockDocx(block, cover, lists, depth));
}

function blockDocx(block: Block, cover: Cover, lists: Lists, depth: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading": {
      const heading = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 }[block.level];
      return [new Paragraph({ heading, children: withAgreement(inlineRuns(block.inlines), block.agreement, cover) })];
    }
    case "paragraph": {
      const runs = withAgreement(inlineRuns(block.inlines), block.agreement, cover);
      if (block.number === null)
        return [new Paragraph({ style: lists.quote ? "BlockQuote" : undefined, children: runs })];
      return [
        new Paragraph({
          style: "NumberedParagraph",
          children: [new TextRun({ text: `${block.number}.` }), new TextRun({ text: "\t" }), ...runs],
        }),
      ];
    }
    case "list": {
      const reference = block.ordered ? `ordered-${block.start}` : "bullets";
      if (!lists.configs.has(reference)) lists.configs.set(reference, listLevels(block.ordered, block.start));
      const instance = lists.counter.next++;
      const level = Math.min(depth + 1, 5);
      return block.items.flatMap((item) => {
        const [first, ...rest] = item;
        const head =
          first?.kind === "paragraph" || first?.kind === "heading"
            ? [
                new Paragraph({
                  numbering: { reference, level, instance },
                  children: withAgreement(inlineRuns(first.inlines), first.agreement, cover),
                }),
              ]
            : [
                new Paragraph({ numbering: { reference, level, instance }, children: [] }),
                ...(first ? blockDocx(first, cover, lists, level) : []),
              ];
        return [...head, ...rest.flatMap((b) => blockDocx(b, cover, lists, level))];
      });
    }
    case "quote":
      return blocksDocx(block.blocks, cover, { ...lists, quote: true }, depth);
    case "code":
      return block.text
        .split("\n")
        .map(
          (line) =>
            new Paragraph({ style: "CodeBlock", children: [new TextRun({ text: line, font: "Noto Sans Mono" })] }),
        );
    case "rule":
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "666666", space: 1 } },
          children: [],
        }),
      ];
    case "table":
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map(
            (row) =>
              new TableRow({
                // Set only when true: a false tableHeader is read as a header row by some readers.
                ...(row.cells.length > 0 && row.cells.every((c) => c.header) ? { tableHeader: true } : {}),
                children: row.cells.map(
                  (cell) =>
                    new TableCell({
                      columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                      rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                      children: (() => {
                        const inner = blocksDocx(cell.blocks, cover, lists, depth);
                        return inner.length ? inner : [new Paragraph({ children: [] })];
                      })(),
                    }),
                ),
              }),
          ),
        }),
      ];
  }
}

function coverDocx(source: ExportSource, cover: Cover): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (cover.draftNotice) {
    out.push(new Paragraph({ children: [new TextRun({ text: cover.draftNotice, bold: true, color: "AA0000" })] }));
  }
  out.push(new Paragraph({ children: [new TextRun({ text: cover.heading, bold: true })] }));
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(source.title, {}) }));
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: textRuns(text, { bold: bold || undefined }) })] });
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: cover.rows.map((r) => new TableRow({ children: [cell(r.label, true), cell(r.value)] })),
    }),
  );
  if (cover.positions) {
    out.push(new Paragraph({ children: [new TextRun({ text: cover.positionsHeading, bold: true })] }));
    out.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: cover.positionsColumns.map((c) => cell(c, true)) }),
          ...cover.positions.map(
            (p) =>
              new TableRow({
                children: [p.partner, p.position, p.reason, p.recordedBy, p.recordedAt].map((v) => cell(v)),
              }),
          ),
        ],
      }),
    );
  }
  // End of the cover: its own style, so an import of this file knows where the text starts.
  out.push(new Paragraph({ style: "AccordCoverEnd", children: [] }));
  return out;
}

export async function renderDocx(source: ExportSource, model: ExportModel, cover: Cover): Promise<Uint8Array> {
  const lists: Lists = { counter: { next: 1 }, configs: new Map() };
  const body = blocksDocx(model.blocks, cover, lists);
  const footnotes = Object.fromEntries(
    model.notes.map((n) => [String(n.number), { children: [new Paragraph({ children: textRuns(n.text, {}) })] }]),
  );
  const document = new Document({
    creator: "Accord",
    lastModifiedBy: "Accord",
    title: cover.documentName,
    subject: `${source.dialogue.name}: ${cover.revisionLabel}`,
    keywords: cover.marker,
    description: cover.marker,
    revision: 1,
    styles: {
      default: { document: { run: { font: "Noto Serif", size: 22 } } },
      paragraphStyles: [
        {
          id: "NumberedParagraph",
          name: "Numbered Paragraph",
          basedOn: "Normal",
          paragraph: { indent: { left: 567, hanging: 567 } },
        },
        {
          id: "AccordCoverEnd",
          name: "Accord Cover End",
          basedOn: "Normal",
          paragraph: { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "444444", space: 1 } } },
        },
        { id: "BlockQuote", name: "Block Quote", basedOn: "Normal", paragraph: { indent: { left: 720, right: 720 } } },
        { id: "CodeBlock", name: "Code Block", basedOn: "Normal", run: { font: "Noto Sans Mono", size: 18 } },
      ],
    },
    numbering: { config: [...lists.configs].map(([reference, levels]) => ({ reference, levels })) },
    footnotes,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${cover.documentName} · ` }),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children: [...coverDocx(source, cover), ...body],
      },
    ],
  });
  return stabilize(new Uint8Array(await Packer.toBuffer(document)), source.date);
}

/**
 * Makes the package byte-stable: creation and modification dates from the stored date,
 * random relationship ids renumbered in order of appearance, fixed zip entry times.
 */
export function stabilize(zip: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(zip);
  const stamp = `${date.toISOString().slice(0, 19)}Z`;
  const randomIds = new Map<string, string>();
  // docx names hyperlink (and some other) relationships with 21-character random ids.
  const renumber = (xml: string) =>
    xml.replace(/(Id|r:id|w:id|r:embed)="([^"]+)"/g, (whole, attr: string, id: string) => {
      if (!/^[a-z0-9_-]{21}$/.test(id.replace(/^rId/, ""))) return whole;
      let stable = randomIds.get(id);
      if (!stable) {
        stable = `rIdAccord${randomIds.size + 1}`;
        randomIds.set(id, stable);
      }
      return `${attr}="${stable}"`;
    });
  const names = Object.keys(files).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b),
  );
  // Relationship files last seen: renumber the document first so ids follow reading order.
  const ordered = [...names.filter((n) => !n.endsWith(".rels")), ...names.filter((n) => n.endsWith(".rels"))];
  const rewritten = new Map<string, Uint8Array>();
  for (const name of ordered) {
    const data = files[name] as Uint8Array;
    if (!/\.(xml|rels)$/.test(name)) {
      rewritten.set(name, data);
      continue;
    }
    let xml = strFromU8(data);
    if (name === "docProps/core.xml") {
      xml = xml
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    }
    rewritten.set(name, strToU8(renumber(xml)));
  }
  // Zip times are local-time fields: build them from the UTC fields so every server agrees.
  const mtime = new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds() - (date.getUTCSeconds() % 2),
  );
  const out: Zippable = {};
  for (const name of names) out[name] = [rewritten.get(name) as Uint8Array, { mtime, level: 6 }];
  return zipSync(out);
}
