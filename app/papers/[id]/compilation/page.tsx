// The compilation of amendments: every pending suggestion and comment thread of the live text,
// in paragraph order, filtered by delegation and paragraph through a GET form (no script needed).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import type { Translate } from "@/lib/i18n/translate";
import { getTranslator } from "@/server/locale";
import { type CompilationRow, compilationOfPaper } from "@/server/queries/compilation";
import { compilationQuery, compilationSearch } from "@/server/queries/compilation-filter";
import { paperForPage } from "@/server/queries/paper-page";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("compilation.title") };
}

function Proposal({ row, t, date }: { row: CompilationRow; t: Translate; date: Intl.DateTimeFormat }) {
  if (row.kind === "suggestion") {
    return (
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

export default async function CompilationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { actor, db, paper } = await paperForPage(id, `/papers/${id}/compilation`);
  const filter = compilationQuery(await searchParams);
  const { t, locale } = await getTranslator();
  const compilation = await compilationOfPaper(db, actor, paper, locale, filter);
  if (!compilation) notFound();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const filtered = filter.delegation !== undefined || filter.paragraph !== undefined;
  const csvHref = `/api/papers/${paper.id}/compilation${compilationSearch(filter, { format: "csv", lang: locale })}`;
  return (
    <PaperSubpage paper={paper} heading={t("compilation.title")} t={t}>
      <p className="muted">{t("compilation.intro")}</p>
      <form
        action={`/papers/${paper.id}/compilation`}
        method="get"
        className="form-inline"
        aria-label={t("compilation.filters")}
      >
        <div>
          <label htmlFor="compilation-delegation">{t("compilation.delegation")}</label>
          <select id="compilation-delegation" name="delegation" defaultValue={filter.delegation ?? ""}>
            <option value="">{t("compilation.allDelegations")}</option>
            {compilation.delegations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="compilation-paragraph">{t("compilation.paragraph")}</label>
          <select
            id="compilation-paragraph"
            name="paragraph"
            defaultValue={filter.paragraph === undefined ? "" : String(filter.paragraph)}
          >
            <option value="">{t("compilation.allParagraphs")}</option>
            {compilation.paragraphs.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          {t("compilation.apply")}
        </button>
        {filtered && <Link href={`/papers/${paper.id}/compilation`}>{t("compilation.reset")}</Link>}
      </form>
      <div className="flex flex-wrap items-center gap-4">
        <p className="muted" role="status">
          {t("compilation.count", { shown: compilation.rows.length, total: compilation.total })}
        </p>
        {/* A download, not a page: a plain link the browser saves. */}
        <a href={csvHref} download className="btn btn-secondary">
          {t("compilation.download")}
        </a>
      </div>
      {compilation.rows.length === 0 ? (
        <p className="muted">{compilation.total === 0 ? t("compilation.none") : t("compilation.noMatch")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="card" data-testid="compilation-table">
            <caption className="sr-only">{t("compilation.caption", { title: paper.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("compilation.col.paragraph")}</th>
                <th scope="col">{t("compilation.col.original")}</th>
                <th scope="col">{t("compilation.col.proposed")}</th>
                <th scope="col">{t("compilation.col.delegation")}</th>
                <th scope="col">{t("compilation.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {compilation.rows.map((row) => (
                <tr key={`${row.kind}-${row.id}-${row.paragraph ?? ""}`} data-testid="compilation-row">
                  <th scope="row" className="align-top">
                    {row.paragraph ?? t("compilation.unnumbered")}
                  </th>
                  <td className="align-top whitespace-pre-wrap">
                    {row.kind === "thread" && !row.original ? t("compilation.detached") : row.original}
                  </td>
                  <td className="align-top">
                    <Proposal row={row} t={t} date={date} />
                  </td>
                  <td className="align-top">
                    <span className="font-medium">{row.delegation}</span>
                    {row.person && <span className="block text-sm">{row.person}</span>}
                  </td>
                  <td className="align-top">
                    {row.kind === "suggestion" && (
                      <span className="sr-only">{t(`compilation.kind.${row.change}`)}: </span>
                    )}
                    {t(`compilation.status.${row.status}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PaperSubpage>
  );
}
