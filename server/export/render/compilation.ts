// The compilation of amendments as secretariats circulate it: a landscape A4 table (para.,
// original text, proposed amendment as a redline — insertions underlined, deletions struck —,
// delegation, status / disposition, note) under a title naming the paper, the dialogue and the
// date. DOCX (a real Word table, its header row repeated on every page) and PDF (HTML printed
// by this thread's Chromium). Pure: the rows come translated from the caller, so this runs on
// the export thread.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { rtlLocales } from "@/lib/i18n/locales";
import type { CompilationExportInput } from "../types";
import { stabilize } from "./docx-package";
import { escapeHtml } from "./html";
import { renderPdf } from "./pdf";

// Landscape A4 in twentieths of a point, 2 cm margins: the width the table is given.
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const TABLE_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Shares of the table's width: para., original, proposed, delegation, status / disposition, note. */
const SHARES = [0.06, 0.24, 0.28, 0.12, 0.15, 0.15] as const;

const lines = (text: string, options: { underline?: boolean; strike?: boolean; bold?: boolean } = {}) =>
  text.split("\n").map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        ...(options.underline ? { underline: {} } : {}),
        ...(options.strike ? { strike: true } : {}),
        ...(options.bold ? { bold: true } : {}),
      }),
  );

export async function renderCompilationDocx(input: CompilationExportInput): Promise<Uint8Array> {
  const cell = (children: Paragraph[], share: number, header = false) =>
    new TableCell({
      width: { size: Math.round(TABLE_WIDTH * share), type: WidthType.DXA },
      children,
      ...(header ? { shading: { fill: "E5E7EB" } } : {}),
    });
  const text = (value: string) => [new Paragraph({ children: lines(value) })];
  const header = new TableRow({
    tableHeader: true,
    children: input.columns.map((c, i) =>
      cell([new Paragraph({ children: lines(c, { bold: true }) })], SHARES[i] ?? 0.1, true),
    ),
  });
  const body = input.rows.map(
    (row) =>
      new TableRow({
        cantSplit: false,
        children: [
          cell(text(row.paragraph), SHARES[0]),
          cell(text(row.original), SHARES[1]),
          cell(
            [
              new Paragraph({
                children: row.proposed.flatMap((p) =>
                  lines(p.text, { underline: p.change === "ins", strike: p.change === "del" }),
                ),
              }),
            ],
            SHARES[2],
          ),
          cell(text(row.delegation), SHARES[3]),
          cell(
            [
              new Paragraph({ children: lines(row.status) }),
              ...(row.disposition ? [new Paragraph({ children: lines(row.disposition, { bold: true }) })] : []),
            ],
            SHARES[4],
          ),
          cell(text(row.note), SHARES[5]),
        ],
      }),
  );
  const document = new Document({
    creator: input.dialogue,
    title: `${input.heading}: ${input.title}`,
    styles: { default: { document: { run: { font: "Times New Roman", size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            // Given upright: docx turns the page for a landscape orientation (w:w 16838, w:h 11906).
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: lines(input.dialogue) }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: lines(input.heading, { bold: true }),
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: lines(input.title, { bold: true }) }),
          ...input.subtitle.map((s) => new Paragraph({ alignment: AlignmentType.CENTER, children: lines(s) })),
          new Paragraph({ children: [] }),
          input.rows.length
            ? new Table({
                width: { size: TABLE_WIDTH, type: WidthType.DXA },
                columnWidths: SHARES.map((share) => Math.round(TABLE_WIDTH * share)),
                rows: [header, ...body],
              })
            : new Paragraph({ children: lines(input.empty) }),
        ],
      },
    ],
  });
  return stabilize(new Uint8Array(await Packer.toBuffer(document)), new Date(input.date));
}

const multiline = (text: string) => text.split("\n").map(escapeHtml).join("<br>");

const style = `
@page { size: A4 landscape; }
html { font-family: "Noto Serif", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 9.5pt; line-height: 1.35; color: #111; }
header { text-align: center; margin-bottom: 8mm; }
header p { margin: 0.5mm 0; }
h1 { font-size: 14pt; margin: 1mm 0; }
.paper-title { font-weight: bold; font-size: 12pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #555; padding: 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e5e7eb; }
ins { text-decoration: underline; }
del { text-decoration: line-through; }
.disposition { font-weight: bold; margin-top: 1mm; }
col.para { width: 6%; } col.original { width: 24%; } col.proposed { width: 28%; }
col.delegation { width: 12%; } col.status { width: 15%; } col.note { width: 15%; }
`;

export function compilationHtml(input: CompilationExportInput): string {
  const head = input.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
  const rows = input.rows
    .map((row) => {
      const proposed = row.proposed
        .map((p) =>
          p.change === "ins"
            ? `<ins>${multiline(p.text)}</ins>`
            : p.change === "del"
              ? `<del>${multiline(p.text)}</del>`
              : multiline(p.text),
        )
        .join("");
      const disposition = row.disposition ? `<p class="disposition">${multiline(row.disposition)}</p>` : "";
      return `<tr><th scope="row">${escapeHtml(row.paragraph)}</th><td dir="auto">${multiline(row.original)}</td><td dir="auto">${proposed}</td><td>${escapeHtml(row.delegation)}</td><td>${escapeHtml(row.status)}${disposition}</td><td dir="auto">${multiline(row.note)}</td></tr>`;
    })
    .join("\n");
  const table = input.rows.length
    ? `<table><colgroup><col class="para"><col class="original"><col class="proposed"><col class="delegation"><col class="status"><col class="note"></colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`
    : `<p>${escapeHtml(input.empty)}</p>`;
  return `<!doctype html>
<html lang="${input.lang}"${rtlLocales.has(input.lang) ? ' dir="rtl"' : ""}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${input.heading}: ${input.title}`)}</title>
<style>${style}</style>
</head>
<body>
<header><p>${escapeHtml(input.dialogue)}</p><h1>${escapeHtml(input.heading)}</h1><p class="paper-title" dir="auto">${escapeHtml(input.title)}</p>${input.subtitle.map((s) => `<p>${escapeHtml(s)}</p>`).join("")}</header>
<main>${table}</main>
</body>
</html>
`;
}

export async function renderCompilation(input: CompilationExportInput, format: "docx" | "pdf"): Promise<Uint8Array> {
  if (format === "docx") return renderCompilationDocx(input);
  return renderPdf(compilationHtml(input), new Date(input.date), { footer: input.footer }, { landscape: true });
}
