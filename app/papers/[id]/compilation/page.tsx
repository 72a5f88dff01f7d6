// The compilation of amendments: every suggestion (pending or decided) and comment thread of the
// live text, in paragraph order, filtered by delegation, paragraph and status through a GET form
// (no script needed); the chair records proposed dispositions here; CSV, DOCX and PDF downloads.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompilationTable } from "@/components/compilation/CompilationTable";
import { DispositionForm, type MergeOption } from "@/components/compilation/DispositionForm";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import type { Translate } from "@/lib/i18n/translate";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { type CompilationRow, compilationOfPaper, compilationStatuses } from "@/server/queries/compilation";
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

export default async function CompilationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { actor, db, paper } = await paperForPage(id, `/papers/${id}/compilation`);
  const filter = compilationQuery(await searchParams);
  const { t, locale } = await getTranslator();
  const compilation = await compilationOfPaper(db, actor, paper, locale, filter);
  if (!compilation) notFound();
  const filtered = filter.delegation !== undefined || filter.paragraph !== undefined || filter.status !== undefined;
  const download = (format: "csv" | "docx" | "pdf") =>
    `/api/papers/${paper.id}/compilation${compilationSearch(filter, { format, lang: locale })}`;
  // The interface shows the form only where the policy allows it; the action asks again.
  const mayRecord = can(actor, "paper.recordDisposition", paper);
  const mergeOptions: MergeOption[] = mayRecord ? compilation.all.map((row) => mergeOption(row, t)) : [];
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
        <div>
          <label htmlFor="compilation-status">{t("compilation.statusFilter")}</label>
          <select id="compilation-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("compilation.allStatuses")}</option>
            {compilationStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`compilation.status.${status}`)}
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
        <a href={download("csv")} download className="btn btn-secondary">
          {t("compilation.download")}
        </a>
        <a href={download("docx")} download className="btn btn-secondary">
          {t("compilation.downloadDocx")}
        </a>
        <a href={download("pdf")} download className="btn btn-secondary">
          {t("compilation.downloadPdf")}
        </a>
      </div>
      {compilation.rows.length === 0 ? (
        <p className="muted">{compilation.total === 0 ? t("compilation.none") : t("compilation.noMatch")}</p>
      ) : (
        <CompilationTable
          rows={compilation.rows}
          caption={t("compilation.caption", { title: paper.title })}
          t={t}
          locale={locale}
          form={
            mayRecord
              ? (row, index) => (
                  <DispositionForm paperId={paper.id} row={row} index={index} mergeOptions={mergeOptions} t={t} />
                )
              : undefined
          }
        />
      )}
    </PaperSubpage>
  );
}

/** A row as a choice of "merge with": its paragraph, delegation, kind and first words. */
function mergeOption(row: CompilationRow, t: Translate): MergeOption {
  const words = row.kind === "suggestion" ? row.words : row.quote || row.body;
  return {
    key: row.key,
    label: t("compilation.rowOption", {
      paragraph: row.paragraph === null ? t("compilation.unnumbered") : String(row.paragraph),
      delegation: row.delegation || t("compilation.unnumbered"),
      kind: t(row.kind === "suggestion" ? `compilation.kind.${row.change}` : "compilation.kind.thread"),
      words: words.length > 60 ? `${words.slice(0, 59)}…` : words,
    }),
  };
}
