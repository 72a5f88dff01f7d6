// How a row of the compilation is named in words, the same on the page, in the CSV and in the
// DOCX and PDF exports: its status (with the decision's date), its disposition and the row a
// merge points to. Pure: translations only.
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { CompilationRow, RowDisposition } from "./compilation";

const DISPOSITION_KEY = {
  accept: "compilation.disposition.accept",
  reject: "compilation.disposition.reject",
  merge: "compilation.disposition.merge",
  orally_amended: "compilation.disposition.orallyAmended",
} as const;

/** The name of a disposition value, for the form's choices. */
export const dispositionName = (value: RowDisposition["value"], t: Translate) => t(DISPOSITION_KEY[value]);

export const dateFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "para. 2 (France)": the row a merge points to. */
export function rowRef(row: { paragraph: number | null; delegation: string }, t: Translate): string {
  return t("compilation.rowRef", {
    paragraph: row.paragraph === null ? t("compilation.unnumbered") : String(row.paragraph),
    delegation: row.delegation || t("compilation.unnumbered"),
  });
}

/** "accepted on 4 Dec 2026, 11:02 UTC", or "pending". */
export function statusText(row: CompilationRow, t: Translate, date: Intl.DateTimeFormat): string {
  const status = t(`compilation.status.${row.status}`);
  if (row.kind === "suggestion" && row.decidedAt)
    return t("compilation.decidedOn", { status, date: date.format(new Date(row.decidedAt)) });
  return status;
}

/** "Accept", "Merge with para. 2 (France)", "As orally amended: “…”"; "" without a disposition. */
export function dispositionText(disposition: RowDisposition | null, t: Translate): string {
  if (!disposition) return "";
  if (disposition.value === "merge")
    return t("compilation.disposition.mergeWith", {
      row: disposition.mergeWith ? rowRef(disposition.mergeWith, t) : t("compilation.unnumbered"),
    });
  if (disposition.value === "orally_amended")
    return t("compilation.disposition.amendedAs", { text: disposition.amendedText ?? "" });
  return t(DISPOSITION_KEY[disposition.value]);
}
