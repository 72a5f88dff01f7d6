// The compilation of amendments as a CSV file (RFC 4180): a header row, every field quoted,
// CRLF line ends, and a UTF-8 byte order mark so that spreadsheet programs read accents.
import type { Translate } from "@/lib/i18n/translate";
import type { CompilationRow } from "./compilation";
import { dispositionText } from "./compilation-labels";

const BOM = "\uFEFF";

/**
 * One field: quoted, inner quotes doubled. A field a spreadsheet would read as a formula
 * (=, +, -, @, tab, carriage return at its start) is prefixed with an apostrophe, so that text
 * written by a delegate never runs as one when the file is opened.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The text the suggestion leads to: its insertions kept, its deletions left out. */
function proposedText(row: Extract<CompilationRow, { kind: "suggestion" }>): string {
  return row.proposed
    .filter((p) => p.change !== "del")
    .map((p) => p.text)
    .join("");
}

export function compilationCsv(rows: readonly CompilationRow[], t: Translate): string {
  const header = [
    t("compilation.col.paragraph"),
    t("compilation.col.kind"),
    t("compilation.col.original"),
    t("compilation.col.proposedText"),
    t("compilation.col.words"),
    t("compilation.col.delegation"),
    t("compilation.col.person"),
    t("compilation.col.date"),
    t("compilation.col.comment"),
    t("compilation.col.status"),
    t("compilation.col.disposition"),
    t("compilation.col.note"),
  ];
  const disposition = (row: CompilationRow) => [dispositionText(row.disposition, t), row.disposition?.note ?? ""];
  const lines = rows.map((row) =>
    row.kind === "suggestion"
      ? [
          row.paragraph,
          t(`compilation.kind.${row.change}`),
          row.original,
          proposedText(row),
          row.words,
          row.delegation,
          row.person,
          // A decided suggestion's date is its decision's.
          row.decidedAt ?? "",
          "",
          t(`compilation.status.${row.status}`),
          ...disposition(row),
        ]
      : [
          row.paragraph,
          t("compilation.kind.thread"),
          row.original,
          "",
          row.quote,
          row.delegation,
          row.person,
          row.createdAt,
          row.body,
          t(`compilation.status.${row.status}`),
          ...disposition(row),
        ],
  );
  return `${BOM}${[header, ...lines].map((fields) => fields.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** `compilation-<title in ASCII letters and digits>.<extension>`, never a path or a header break. */
export function compilationFilename(title: string, extension: "csv" | "docx" | "pdf" = "csv"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `compilation${slug ? `-${slug}` : ""}.${extension}`;
}
