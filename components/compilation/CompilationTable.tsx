// The compilation of amendments as a table (server component): paragraph, original text, the
// proposed change as a small redline (or the comment), delegation, status and the chair's
// proposed disposition with its note (and, where the page passes one, the chair's form).
// Everything a user wrote is rendered as text, never as HTML.
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { CompilationRow } from "@/server/queries/compilation";
import { dateFormat, dispositionText, statusText } from "@/server/queries/compilation-labels";

function Proposal({ row, t, date }: { row: CompilationRow; t: Translate; date: Intl.DateTimeFormat }) {
  if (row.kind === "suggestion") {
    // A change beyond words inserted or deleted says what it is (a new paragraph, a split, bold…).
    const formats = row.formats.map((f) => t(`comments.suggestions.formats.${f as "bold"}`)).join(", ");
    const what =
      row.change === "insert" || row.change === "delete"
        ? null
        : row.change === "format"
          ? t("compilation.formatTo", { formats: formats || t("comments.suggestions.formats.plain") })
          : t(`compilation.kind.${row.change}`);
    return (
      <>
        {what && <p className="text-xs font-semibold text-slate-700">{what}</p>}
        <p className="whitespace-pre-wrap">
          {row.proposed.map((piece, i) =>
            piece.change === "ins" ? (
              <ins key={i} className="bg-green-100 text-green-900">
                <span className="sr-only">{t("compilation.inserted")} </span>
                {piece.text}
              </ins>
            ) : piece.change === "del" ? (
              <del key={i} className="bg-red-100 text-red-900">
                <span className="sr-only">{t("compilation.deleted")} </span>
                {piece.text}
              </del>
            ) : (
              <span key={i}>{piece.text}</span>
            ),
          )}
        </p>
      </>
    );
  }
  const created = new Date(row.createdAt);
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs text-slate-600">
        {t("compilation.kind.thread")} · <time dateTime={row.createdAt}>{date.format(created)} UTC</time>
        {row.replies > 0 && <> · {t("compilation.replies", { count: row.replies })}</>}
      </p>
      {row.quote && <p className="text-sm italic">{t("compilation.onQuote", { quote: row.quote })}</p>}
      {/* Plain text as written: React escapes it; nothing a user wrote is read as HTML. */}
      <p className="whitespace-pre-wrap">{row.body || t("compilation.deletedComment")}</p>
    </div>
  );
}

function Disposition({ row, t, date }: { row: CompilationRow; t: Translate; date: Intl.DateTimeFormat }) {
  const d = row.disposition;
  if (!d) return null;
  return (
    <div className="flex flex-col gap-1" data-testid="disposition">
      <p className="font-medium whitespace-pre-wrap">{dispositionText(d, t)}</p>
      {d.note && <p className="whitespace-pre-wrap text-sm">{d.note}</p>}
      <p className="text-xs text-slate-600">
        {t("compilation.disposition.recorded", { name: d.recordedBy, date: date.format(new Date(d.recordedAt)) })}
      </p>
    </div>
  );
}

export function CompilationTable({
  rows,
  caption,
  t,
  locale,
  form,
}: {
  rows: readonly CompilationRow[];
  caption: string;
  t: Translate;
  locale: Locale;
  /** The chair's disposition form for a row, when the policy allows it. */
  form?: (row: CompilationRow, index: number) => ReactNode;
}) {
  const date = dateFormat(locale);
  return (
    <table className="card" data-testid="compilation-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("compilation.col.paragraph")}</th>
          <th scope="col">{t("compilation.col.original")}</th>
          <th scope="col">{t("compilation.col.proposed")}</th>
          <th scope="col">{t("compilation.col.delegation")}</th>
          <th scope="col">{t("compilation.col.status")}</th>
          <th scope="col">{t("compilation.col.disposition")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.kind}-${row.id}-${index}`} data-testid="compilation-row">
            <th scope="row" className="align-top">
              {row.paragraph ?? t("compilation.unnumbered")}
            </th>
            <td className="align-top whitespace-pre-wrap">
              {row.kind === "thread" && row.detached ? t("compilation.detached") : row.original}
            </td>
            <td className="align-top">
              <Proposal row={row} t={t} date={date} />
            </td>
            <td className="align-top">
              <span className="font-medium">{row.delegation}</span>
              {row.person && <span className="block text-sm">{row.person}</span>}
            </td>
            <td className="align-top">
              {row.kind === "suggestion" && <span className="sr-only">{t(`compilation.kind.${row.change}`)}: </span>}
              {statusText(row, t, date)}
            </td>
            <td className="align-top">
              <Disposition row={row} t={t} date={date} />
              {form?.(row, index)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
