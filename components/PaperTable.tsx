// Papers of a dialogue: title, kind, status, revision, last change.
import Link from "next/link";
import { TableScroll } from "@/components/TableScroll";
import type { Translate } from "@/lib/i18n/translate";
import type { PaperRow } from "@/server/queries/dialogues";

/**
 * The paper's stage as a badge. Screen readers hear "Status:" before it, so it is not read as loose
 * text; the prefix sits outside the badge, whose own text stays the status name.
 */
export function StatusBadge({ status, t }: { status: PaperRow["status"]; t: Translate }) {
  return (
    <span className="inline-flex items-center">
      <span className="sr-only">{t("papers.statusPrefix")} </span>
      <span className={`badge badge-${status}`} data-status={status}>
        {t(`status.${status}`)}
      </span>
    </span>
  );
}

export function PaperTable({
  papers,
  t,
  locale,
  caption,
}: {
  papers: PaperRow[];
  t: Translate;
  locale: string;
  caption: string;
}) {
  if (papers.length === 0) return <p className="muted">{t("papers.none")}</p>;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("papers.title")}</th>
            <th scope="col">{t("papers.kind")}</th>
            <th scope="col">{t("papers.status")}</th>
            <th scope="col">{t("papers.revision")}</th>
            <th scope="col">{t("papers.lastChange")}</th>
          </tr>
        </thead>
        <tbody>
          {papers.map((paper) => (
            <tr key={paper.id}>
              <td>
                <Link href={`/papers/${paper.id}`}>{paper.title}</Link>
              </td>
              <td>{t(`kind.${paper.kind}`)}</td>
              <td>
                <StatusBadge status={paper.status} t={t} />
              </td>
              <td>{paper.revision > 0 ? t("papers.revNumber", { n: paper.revision }) : t("papers.noRevision")}</td>
              <td>
                <time dateTime={paper.updatedAt.toISOString()}>{date.format(paper.updatedAt)} UTC</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
