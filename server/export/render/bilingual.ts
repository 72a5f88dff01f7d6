// The bilingual export (issue 19): an original and one of its language versions in two aligned
// columns, paragraph by paragraph as lib/language-versions.ts pairs them (by paragraph id), each
// column in its own language and direction, under the usual cover block and fingerprint (its
// `texts` names both languages, e.g. `en+fr`). DOCX (a real Word table, its header row repeated
// on every page) and PDF (HTML printed by this thread's Chromium). Pure: everything it shows comes
// in the two export sources, so it runs on the export thread.
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
import type { DocNode } from "@/lib/document";
import { rtlLocales } from "@/lib/i18n/locales";
import { alignVersions, blockText, languageName } from "@/lib/language-versions";
import type { BilingualExportInput, Cover, CoverRow } from "../types";
import { buildCover } from "./cover";
import { stabilize } from "./docx-package";
import { escapeHtml } from "./html";
import { renderPdf } from "./pdf";

/** Languages written right to left among those a version may be in. */
const rtlLanguages = new Set(["ar", "fa", "ur", "he", "ps", "ku"]);

export type BilingualRow = { number: number | null; original: string; version: string };

/** The rows of the two columns, in the original's order (a block only the version has, in its place). */
export function bilingualRows(original: DocNode, version: DocNode): BilingualRow[] {
  const originalBlocks = original.content ?? [];
  const versionBlocks = version.content ?? [];
  return alignVersions(original, version).map((row) => {
    const o = row.originalIndex === null ? undefined : originalBlocks[row.originalIndex];
    const v = row.versionIndex === null ? undefined : versionBlocks[row.versionIndex];
    return { number: row.number, original: o ? blockText(o) : "", version: v ? blockText(v) : "" };
  });
}

/** The original's cover, naming both languages, with the version's own hash and its lagging paragraphs. */
export function bilingualCover(input: BilingualExportInput): Cover {
  const { original, version, lang } = input;
  const cover = buildCover({ ...original, texts: `${original.language}+${version.language}` }, lang);
  const t = cover.t;
  const names = [languageName(original.language, lang), languageName(version.language, lang)];
  const versionHash = version.languages?.find((l) => l.language === version.language)?.hash ?? version.hash;
  const lagging = input.outdatedNumbers;
  // The cover names the text's language (its `texts` is set): here, both languages instead.
  const rows: CoverRow[] = cover.rows.flatMap((row) =>
    row.label === t("exports.cover.language")
      ? [{ label: t("exports.bilingual.languages"), value: names.join(" | ") }]
      : [row],
  );
  rows.push({
    label: t("exports.cover.languageHash", { language: names[1] as string }),
    value: versionHash,
    mono: true,
  });
  // The live text's lagging translations (a frozen revision's are in the frozen languages' row).
  if (original.languages === null) {
    rows.push({
      label: t("exports.bilingual.outdated"),
      value: lagging.length > 0 ? lagging.join(", ") : t("exports.bilingual.noneOutdated"),
    });
  }
  return { ...cover, rows, documentName: `${cover.documentName} (${names.join(" | ")})` };
}

const dirOf = (language: string) => (rtlLanguages.has(language) ? "rtl" : "ltr");

const style = `
@page { size: A4 landscape; }
html { font-family: "Noto Serif", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10pt; line-height: 1.4; color: #111; }
header.cover { border-bottom: 1pt solid #444; margin-bottom: 6mm; padding-bottom: 3mm; }
header.cover h1 { font-size: 15pt; margin: 1mm 0 3mm; }
.draft { font-weight: bold; border: 1pt solid #111; padding: 1.5mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: anywhere; }
.mono { font-family: "Noto Sans Mono", monospace; font-size: 8pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #777; padding: 1.5mm 2mm; vertical-align: top; text-align: start; overflow-wrap: anywhere; white-space: pre-wrap; }
thead th { background: #e5e7eb; }
col.number { width: 5%; } col.text { width: 47.5%; }
`;

export function bilingualHtml(input: BilingualExportInput, cover: Cover): string {
  const { original, version } = input;
  const rows = bilingualRows(original.doc, version.doc)
    .map(
      (row) =>
        `<tr><th scope="row">${row.number === null ? "" : `${row.number}.`}</th><td lang="${escapeHtml(original.language)}" dir="${dirOf(original.language)}">${escapeHtml(row.original)}</td><td lang="${escapeHtml(version.language)}" dir="${dirOf(version.language)}">${escapeHtml(row.version)}</td></tr>`,
    )
    .join("\n");
  const t = cover.t;
  const coverRows = cover.rows
    .map(
      (r) =>
        `<dt>${escapeHtml(r.label)}</dt><dd${r.mono ? ' class="mono"' : ' dir="auto"'}>${escapeHtml(r.value)}</dd>`,
    )
    .join("");
  const draft = cover.draftNotice ? `<p class="draft">${escapeHtml(cover.draftNotice)}</p>` : "";
  return `<!doctype html>
<html lang="${cover.lang}"${rtlLocales.has(cover.lang) ? ' dir="rtl"' : ""}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="accord-fingerprint" content="${escapeHtml(cover.marker)}">
<title>${escapeHtml(`${cover.documentName} [${cover.marker}]`)}</title>
<style>${style}</style>
</head>
<body>
<header class="cover" aria-label="${escapeHtml(cover.heading)}">${draft}<p>${escapeHtml(cover.heading)}</p><h1 dir="auto">${escapeHtml(original.title)}</h1><dl>${coverRows}</dl></header>
<main aria-label="${escapeHtml(t("exports.cover.text"))}">
<table><colgroup><col class="number"><col class="text"><col class="text"></colgroup>
<thead><tr><th scope="col">${escapeHtml(t("exports.bilingual.number"))}</th><th scope="col">${escapeHtml(languageName(original.language, cover.lang))}</th><th scope="col">${escapeHtml(languageName(version.language, cover.lang))}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</main>
</body>
</html>
`;
}

// Landscape A4 in twentieths of a point, 2 cm margins: the width the table is given.
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const TABLE_WIDTH = PAGE.width - 2 * PAGE.margin;
const SHARES = [0.05, 0.475, 0.475] as const;

function textParagraphs(text: string, language: string, options: { bold?: boolean; mono?: boolean } = {}) {
  const rtl = rtlLanguages.has(language);
  return text.split("\n").map(
    (line) =>
      new Paragraph({
        bidirectional: rtl,
        children: [
          new TextRun({
            text: line,
            rightToLeft: rtl,
            ...(options.bold ? { bold: true } : {}),
            ...(options.mono ? { font: "Noto Sans Mono", size: 16 } : {}),
            language: { value: language },
          }),
        ],
      }),
  );
}

export async function bilingualDocx(input: BilingualExportInput, cover: Cover): Promise<Uint8Array> {
  const { original, version } = input;
  const cell = (children: Paragraph[], share: number, header = false) =>
    new TableCell({
      width: { size: Math.round(TABLE_WIDTH * share), type: WidthType.DXA },
      children,
      ...(header ? { shading: { fill: "E5E7EB" } } : {}),
    });
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell(textParagraphs(cover.t("exports.bilingual.number"), cover.lang, { bold: true }), SHARES[0], true),
      cell(textParagraphs(languageName(original.language, cover.lang), cover.lang, { bold: true }), SHARES[1], true),
      cell(textParagraphs(languageName(version.language, cover.lang), cover.lang, { bold: true }), SHARES[2], true),
    ],
  });
  const body = bilingualRows(original.doc, version.doc).map(
    (row) =>
      new TableRow({
        children: [
          cell(textParagraphs(row.number === null ? "" : `${row.number}.`, cover.lang), SHARES[0]),
          cell(textParagraphs(row.original, original.language), SHARES[1]),
          cell(textParagraphs(row.version, version.language), SHARES[2]),
        ],
      }),
  );
  const coverBlock = [
    ...(cover.draftNotice ? textParagraphs(cover.draftNotice, cover.lang, { bold: true }) : []),
    new Paragraph({ children: [new TextRun({ text: cover.heading })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: original.title, bold: true })] }),
    ...cover.rows.map(
      (r) =>
        new Paragraph({
          bidirectional: rtlLocales.has(cover.lang),
          children: [
            new TextRun({ text: `${r.label}: `, bold: true }),
            new TextRun({ text: r.value, ...(r.mono ? { font: "Noto Sans Mono", size: 16 } : {}) }),
          ],
        }),
    ),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [] }),
  ];
  const document = new Document({
    creator: "Accord",
    lastModifiedBy: "Accord",
    title: cover.documentName,
    subject: `${original.dialogue.name}: ${cover.revisionLabel}`,
    // The fingerprint, where the verify check reads it (docProps/core.xml).
    keywords: cover.marker,
    description: cover.marker,
    revision: 1,
    styles: { default: { document: { run: { font: "Noto Serif", size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            // Given upright: docx turns the page for a landscape orientation.
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: [
          ...coverBlock,
          new Table({
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: SHARES.map((share) => Math.round(TABLE_WIDTH * share)),
            rows: [header, ...body],
          }),
        ],
      },
    ],
  });
  return stabilize(new Uint8Array(await Packer.toBuffer(document)), original.date);
}

export async function renderBilingual(input: BilingualExportInput, format: "docx" | "pdf"): Promise<Uint8Array> {
  const cover = bilingualCover(input);
  if (format === "docx") return bilingualDocx(input, cover);
  return renderPdf(
    bilingualHtml(input, cover),
    input.original.date,
    {
      header: cover.runningHeader,
      footer: cover.documentName,
      pageLabel: cover.t("exports.cover.page", { page: "\u0000PAGE\u0000", pages: "\u0000PAGES\u0000" }),
    },
    { landscape: true },
  );
}
