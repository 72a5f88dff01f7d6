// The compilation of amendments: every pending suggestion and comment thread of the live text,
// in paragraph order, filtered by delegation and paragraph through a GET form (no script needed).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompilationTable } from "@/components/compilation/CompilationTable";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { getTranslator } from "@/server/locale";
import { compilationOfPaper } from "@/server/queries/compilation";
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
        <CompilationTable
          rows={compilation.rows}
          caption={t("compilation.caption", { title: paper.title })}
          t={t}
          locale={locale}
        />
      )}
    </PaperSubpage>
  );
}
