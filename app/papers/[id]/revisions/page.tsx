import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/TableScroll";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { getTranslator } from "@/server/locale";
import { paperForPage } from "@/server/queries/paper-page";
import { listRevisions } from "@/server/queries/workflow";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("revisions.title") };
}

export default async function RevisionsPage({ params }: Props) {
  const { id } = await params;
  const { db, paper } = await paperForPage(id, `/papers/${id}/revisions`);
  const [{ t, locale }, revisions] = await Promise.all([getTranslator(), listRevisions(db, paper)]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const [latest, previous] = revisions;
  return (
    <PaperSubpage paper={paper} heading={t("revisions.title")} t={t}>
      {revisions.length === 0 ? (
        <p className="muted">{t("revisions.none")}</p>
      ) : (
        <>
          <TableScroll label={t("revisions.title")}>
            <table className="card">
              <caption className="sr-only">{t("revisions.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("papers.revision")}</th>
                  <th scope="col">{t("papers.hash")}</th>
                  <th scope="col">{t("revisions.frozen")}</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link href={`/papers/${paper.id}/revisions/${r.number}`}>
                        {t("papers.revNumber", { n: r.number })}
                      </Link>
                    </td>
                    <td className="break-all font-mono text-xs">{r.contentHash}</td>
                    <td>
                      {date.format(r.frozenAt)} UTC · {r.frozenBy}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <section className="card" aria-labelledby="compare-heading">
            <h2 id="compare-heading" className="mb-3">
              {t("revisions.compare")}
            </h2>
            <form action={`/papers/${paper.id}/compare`} className="form-inline">
              {(["from", "to"] as const).map((side) => (
                <div key={side}>
                  <label htmlFor={`compare-${side}`}>{t(`revisions.${side}`)}</label>
                  <select
                    id={`compare-${side}`}
                    name={side}
                    defaultValue={String(side === "to" ? "live" : (previous ?? latest)?.number)}
                  >
                    {side === "to" && <option value="live">{t("revisions.liveText")}</option>}
                    {revisions.map((r) => (
                      <option key={r.id} value={r.number}>
                        {t("papers.revNumber", { n: r.number })}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <div>
                <label htmlFor="compare-view">{t("revisions.view")}</label>
                <select id="compare-view" name="view" defaultValue="inline">
                  <option value="inline">{t("revisions.inline")}</option>
                  <option value="side">{t("revisions.sideBySide")}</option>
                </select>
              </div>
              <button type="submit" className="btn btn-primary">
                {t("revisions.compareButton")}
              </button>
            </form>
          </section>
        </>
      )}
    </PaperSubpage>
  );
}
