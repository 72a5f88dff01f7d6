// DOCX export with `docx` 9, from the export model: cover block, headings, literal paragraph
// numbers (the app's), Word list numbering, tables, real footnotes, links, page numbers.
// The package is made byte-stable (docx-package.ts); inline runs are written by docx-inline.ts.
// With annotations, pending suggestions are real tracked changes (w:ins / w:del, author
// "Name (Partner)", dated with the live text's last change: the marks carry no time) and open
// comment threads real Word comments, replies threaded under the opening comment.

import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  FrameAnchorType,
  Header,
  HeadingLevel,
  type ICommentOptions,
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
import { rtlLocales } from "@/lib/i18n/locales";
import type { Cover, ExportSource } from "../types";
import { type Annotating, inlineRuns, textRuns } from "./docx-inline";
import { stabilize } from "./docx-package";
import type { Block, CommentNote, ExportModel } from "./model";

function initials(name: string): string {
  return name
    .replace(/\(.*\)$/, "")
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0]?.toUpperCase() ?? "")
    .join("")
    .slice(0, 4);
}

/** Word comments of the open threads: the opening comment (with the quote when its text is gone), then the replies. */
function threadComments(
  notes: CommentNote[],
  cover: Cover,
): { comments: ICommentOptions[]; ids: Map<number, number[]> } {
  const comments: ICommentOptions[] = [];
  const ids = new Map<number, number[]>();
  for (const note of notes) {
    const threadIds: number[] = [];
    const parentId = comments.length;
    note.entries.forEach((entry, i) => {
      const id = comments.length;
      threadIds.push(id);
      const lines = entry.withdrawn ? [cover.t("exports.annotations.withdrawn")] : entry.body.split("\n");
      const lead =
        i === 0 && !note.anchored
          ? [
              new Paragraph({
                children: [
                  new TextRun({
                    text: `${cover.t("exports.annotations.on", { quote: note.quote })} ${cover.t("exports.annotations.notAnchored")}`,
                    italics: true,
                  }),
                ],
              }),
            ]
          : [];
      comments.push({
        id,
        author: entry.author,
        initials: initials(entry.author),
        date: entry.date,
        ...(i > 0 ? { parentId } : {}),
        children: [...lead, ...lines.map((line) => new Paragraph({ children: textRuns(line, {}) }))],
      });
    });
    ids.set(note.number, threadIds);
  }
  return { comments, ids };
}

function withAgreement(runs: ParagraphChild[], agreement: "bracketed" | "adRef" | null, cover: Cover) {
  if (agreement === "bracketed")
    return [new TextRun({ text: "[", bold: true }), ...runs, new TextRun({ text: "]", bold: true })];
  if (agreement === "adRef") return [...runs, new TextRun({ text: ` ${cover.adRef}`, italics: true })];
  return runs;
}

/** Shared while walking: list numbering definitions, and whether we are inside a quote. */
type Lists = {
  counter: { next: number };
  configs: Map<string, ILevelsOptions[]>;
  quote?: boolean;
  annotating: Annotating | null;
};

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

// A4 is 11906 twips wide; the text ends at its right margin (1134): margin notes sit beyond it.
const PAGE_WIDTH = 11906;
const PAGE_MARGIN = 1134;

/**
 * The paragraph's ledger status as a margin note: a small framed paragraph in the page's right
 * margin, level with the paragraph it precedes. Its own style, so that an import of this file
 * leaves it out (server/export/import/docx.ts).
 */
function ledgerDocx(block: Extract<Block, { kind: "heading" | "paragraph" }>, cover: Cover): Paragraph[] {
  if (!block.ledger) return [];
  const { text } = cover.ledgerMargin(block.ledger, block.kind === "paragraph" ? block.number : null);
  return [
    new Paragraph({
      style: "AccordLedger",
      frame: {
        type: "absolute",
        position: { x: PAGE_WIDTH - PAGE_MARGIN + 113, y: 0 },
        width: PAGE_MARGIN - 170,
        anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.TEXT },
      },
      children: [new TextRun({ text })],
    }),
  ];
}

function blockDocx(block: Block, cover: Cover, lists: Lists, depth: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading": {
      const heading = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 }[block.level];
      return [
        ...ledgerDocx(block, cover),
        new Paragraph({
          heading,
          children: withAgreement(inlineRuns(block.inlines, lists.annotating), block.agreement, cover),
        }),
      ];
    }
    case "paragraph": {
      const runs = withAgreement(inlineRuns(block.inlines, lists.annotating), block.agreement, cover);
      if (block.number === null)
        return [
          ...ledgerDocx(block, cover),
          new Paragraph({ style: lists.quote ? "BlockQuote" : undefined, children: runs }),
        ];
      return [
        ...ledgerDocx(block, cover),
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
                  children: withAgreement(inlineRuns(first.inlines, lists.annotating), first.agreement, cover),
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

function coverDocx(source: ExportSource, cover: Cover, orphanCommentIds: number[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  // The cover is in the reader's language: right to left in Arabic (the text keeps its own).
  const rtl = rtlLocales.has(cover.lang) || undefined;
  if (cover.draftNotice) {
    out.push(
      new Paragraph({
        bidirectional: rtl,
        children: [new TextRun({ text: cover.draftNotice, bold: true, color: "AA0000" })],
      }),
    );
  }
  if (cover.annotationsNotice) {
    // Threads whose commented text is gone are anchored here, on the notice.
    out.push(
      new Paragraph({
        bidirectional: rtl,
        children: [
          ...orphanCommentIds.map((id) => new CommentRangeStart(id)),
          new TextRun({ text: cover.annotationsNotice, bold: true, color: "1D3A8A" }),
          ...orphanCommentIds.flatMap((id) => [
            new CommentRangeEnd(id),
            new TextRun({ children: [new CommentReference(id)] }),
          ]),
        ],
      }),
    );
  }
  out.push(new Paragraph({ bidirectional: rtl, children: [new TextRun({ text: cover.heading, bold: true })] }));
  out.push(
    new Paragraph({ bidirectional: rtl, heading: HeadingLevel.HEADING_1, children: textRuns(source.title, {}) }),
  );
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ bidirectional: rtl, children: textRuns(text, { bold: bold || undefined }) })],
    });
  out.push(
    new Table({
      visuallyRightToLeft: rtl,
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: cover.rows.map((r) => new TableRow({ children: [cell(r.label, true), cell(r.value)] })),
    }),
  );
  out.push(new Paragraph({ bidirectional: rtl, children: [new TextRun({ text: cover.ledger.heading, bold: true })] }));
  out.push(
    new Table({
      visuallyRightToLeft: rtl,
      rows: [
        new TableRow({ tableHeader: true, children: cover.ledger.columns.map((c) => cell(c, true)) }),
        ...cover.ledger.rows.map((r) => new TableRow({ children: [cell(r.label, true), cell(String(r.count))] })),
      ],
    }),
  );
  if (cover.positions) {
    out.push(
      new Paragraph({ bidirectional: rtl, children: [new TextRun({ text: cover.positionsHeading, bold: true })] }),
    );
    out.push(
      new Table({
        visuallyRightToLeft: rtl,
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

/** "Resolved threads left out", after the text, when there were any. */
function annotationsTail(model: ExportModel, cover: Cover): Paragraph[] {
  const resolved = model.annotations?.resolvedLeftOut ?? 0;
  if (!resolved) return [];
  return [
    new Paragraph({
      children: [new TextRun({ text: cover.t("exports.annotations.resolvedLeftOut", { n: resolved }), italics: true })],
    }),
  ];
}

export async function renderDocx(source: ExportSource, model: ExportModel, cover: Cover): Promise<Uint8Array> {
  const threads = model.annotations ? threadComments(model.annotations.comments, cover) : null;
  const annotating: Annotating | null = threads
    ? {
        date: `${source.date.toISOString().slice(0, 19)}Z`,
        nextRevision: threads.comments.length,
        commentIds: threads.ids,
      }
    : null;
  const orphanIds = (model.annotations?.comments ?? [])
    .filter((note) => !note.anchored)
    .flatMap((note) => threads?.ids.get(note.number) ?? []);
  const lists: Lists = { counter: { next: 1 }, configs: new Map(), annotating };
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
        {
          id: "AccordLedger",
          name: "Accord Ledger",
          basedOn: "Normal",
          run: { font: "Noto Sans", size: 14, color: "444444" },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: "AccordRunningHeader",
          name: "Accord Running Header",
          basedOn: "Normal",
          run: { size: 16, color: "444444" },
        },
      ],
    },
    numbering: { config: [...lists.configs].map(([reference, levels]) => ({ reference, levels })) },
    footnotes,
    ...(threads && threads.comments.length > 0 ? { comments: { children: threads.comments } } : {}),
    sections: [
      {
        properties: {
          page: { margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: "AccordRunningHeader",
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: cover.runningHeader })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: "AccordRunningHeader",
                alignment: AlignmentType.CENTER,
                // "Title, Rev.N · 2 / 7": PAGE and NUMPAGES fields, as Word numbers pages.
                children: [
                  new TextRun({ text: `${cover.documentName} · ` }),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                  new TextRun({ text: " / " }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: [...coverDocx(source, cover, orphanIds), ...body, ...annotationsTail(model, cover)],
      },
    ],
  });
  return stabilize(new Uint8Array(await Packer.toBuffer(document)), source.date);
}
