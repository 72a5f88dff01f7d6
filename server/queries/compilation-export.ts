// The compilation as the export thread renders it (server/export/render/compilation.ts): every
// word translated here, on the calling thread, so that the thread gets plain data.
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { CompilationExportInput, CompilationExportRow } from "../export/types";
import type { CompilationFilter, CompilationRow } from "./compilation";
import { dateFormat, dispositionText, statusText } from "./compilation-labels";

function exportRow(row: CompilationRow, t: Translate, date: Intl.DateTimeFormat): CompilationExportRow {
  const proposed: CompilationExportRow["proposed"] =
    row.kind === "suggestion"
      ? row.proposed
      : [
          {
            text: `${row.quote ? `${t("compilation.onQuote", { quote: row.quote })}\n` : ""}${row.body || t("compilation.deletedComment")}`,
            change: null,
          },
        ];
  return {
    paragraph: row.paragraph === null ? t("compilation.unnumbered") : String(row.paragraph),
    original: row.kind === "thread" && row.detached ? t("compilation.detached") : row.original,
    proposed,
    delegation: [row.delegation, row.person].filter(Boolean).join("\n"),
    status: t("compilation.kindStatus", {
      kind: t(row.kind === "suggestion" ? `compilation.kind.${row.change}` : "compilation.kind.thread"),
      status: statusText(row, t, date),
    }),
    disposition: dispositionText(row.disposition, t),
    note: row.disposition?.note ?? "",
  };
}

export function compilationExportInput(options: {
  rows: readonly CompilationRow[];
  paper: { title: string };
  dialogue: { name: string; code: string };
  /** The filters' names as shown (delegation and status translated), when some apply. */
  filterLabel: string | null;
  t: Translate;
  lang: Locale;
  at: Date;
}): CompilationExportInput {
  const { t, lang } = options;
  const date = dateFormat(lang);
  return {
    lang,
    heading: t("compilation.export.heading"),
    title: options.paper.title,
    dialogue: `${options.dialogue.name} (${options.dialogue.code})`,
    subtitle: [
      t("compilation.export.asOf", { date: date.format(options.at) }),
      ...(options.filterLabel ? [t("compilation.export.filtered", { filters: options.filterLabel })] : []),
    ],
    columns: [
      t("compilation.col.paragraphShort"),
      t("compilation.col.original"),
      t("compilation.col.proposedAmendment"),
      t("compilation.col.delegation"),
      t("compilation.col.statusDisposition"),
      t("compilation.col.note"),
    ],
    rows: options.rows.map((row) => exportRow(row, t, date)),
    empty: t("compilation.noMatch"),
    footer: t("compilation.export.footer", { title: options.paper.title }),
    date: options.at.toISOString(),
  };
}

/** "France, para. 2, accepted": the filters applied, in words; null when none. */
export function filterLabel(
  filter: CompilationFilter,
  delegations: readonly { id: string; label: string }[],
  t: Translate,
): string | null {
  const parts = [
    ...(filter.delegation ? [delegations.find((d) => d.id === filter.delegation)?.label ?? ""] : []),
    ...(filter.paragraph !== undefined ? [t("compilation.paragraphNumber", { n: filter.paragraph })] : []),
    ...(filter.status ? [t(`compilation.status.${filter.status}`)] : []),
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}
