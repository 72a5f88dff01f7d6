// The progress of a paper through the ledger of agreement: paragraphs by status for each frozen
// revision and the live text, as a server-drawn SVG chart with the same numbers in a table (its
// text alternative), then the live ledger paragraph by paragraph.
import type { Metadata } from "next";
import { TableScroll } from "@/components/TableScroll";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { type LedgerStatus, ledgerStatuses } from "@/lib/ledger";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { ledgerProgress, type ProgressRow } from "@/server/queries/ledger";
import { paperForPage } from "@/server/queries/paper-page";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("ledger.progress.title") };
}

/** Fill colours of the statuses; the chart's legend and the table carry the words. */
const statusColour: Record<LedgerStatus, string> = {
  agreed: "#15803d",
  adRef: "#1d4ed8",
  bracketed: "#b45309",
  pending: "#64748b",
};

const CHART = { width: 640, labelWidth: 110, bar: 26, gap: 14, legend: 34 };

function ProgressChart({
  rows,
  rowLabel,
  statusLabel,
  title,
  description,
}: {
  rows: ProgressRow[];
  rowLabel: (row: ProgressRow) => string;
  statusLabel: (status: LedgerStatus) => string;
  title: string;
  description: string;
}) {
  const barWidth = CHART.width - CHART.labelWidth - 10;
  const most = Math.max(1, ...rows.map((r) => ledgerStatuses.reduce((sum, s) => sum + r.counts[s], 0)));
  const height = CHART.legend + rows.length * (CHART.bar + CHART.gap);
  return (
    <svg
      role="img"
      aria-label={description}
      viewBox={`0 0 ${CHART.width} ${height}`}
      className="h-auto w-full max-w-3xl"
      data-testid="ledger-chart"
    >
      <title>{title}</title>
      {ledgerStatuses.map((status, i) => (
        <g key={status} transform={`translate(${CHART.labelWidth + i * 130}, 8)`}>
          <rect width="14" height="14" fill={statusColour[status]} />
          <text x="20" y="12" fontSize="13" fill="#0f172a">
            {statusLabel(status)}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const y = CHART.legend + r * (CHART.bar + CHART.gap);
        let x = CHART.labelWidth;
        return (
          <g key={row.revision ?? "live"} data-testid="ledger-chart-row">
            <text x="0" y={y + CHART.bar / 2 + 5} fontSize="13" fill="#0f172a">
              {rowLabel(row)}
            </text>
            {ledgerStatuses.map((status) => {
              const count = row.counts[status];
              if (count === 0) return null;
              const width = (count / most) * barWidth;
              const segment = (
                <g key={status} data-status={status} data-count={count}>
                  <rect x={x} y={y} width={width} height={CHART.bar} fill={statusColour[status]} />
                  {width >= 18 && (
                    <text x={x + width / 2} y={y + CHART.bar / 2 + 5} fontSize="13" fill="#fff" textAnchor="middle">
                      {count}
                    </text>
                  )}
                </g>
              );
              x += width;
              return segment;
            })}
          </g>
        );
      })}
    </svg>
  );
}

export default async function ProgressPage({ params }: Props) {
  const { id } = await params;
  const { actor, db, paper } = await paperForPage(id, `/papers/${id}/progress`);
  const { t, locale } = await getTranslator();
  const { rows, current, partnerNames } = await ledgerProgress(db, paper, locale, {
    withSuggestions: can(actor, "paper.viewComments", paper),
  });
  const statusLabel = (status: LedgerStatus) => t(`ledger.status.${status}`);
  const rowLabel = (row: ProgressRow) =>
    row.revision === null ? t("ledger.progress.live") : t("ledger.progress.revision", { number: row.revision });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <PaperSubpage paper={paper} heading={t("ledger.progress.title")} t={t}>
      <p className="muted">{t("ledger.progress.intro")}</p>
      <section className="card flex flex-col gap-4" aria-labelledby="progress-chart-heading">
        <h2 id="progress-chart-heading">{t("ledger.progress.chartTitle")}</h2>
        <ProgressChart
          rows={rows}
          rowLabel={rowLabel}
          statusLabel={statusLabel}
          title={t("ledger.progress.chartTitle")}
          description={t("ledger.progress.chartLabel")}
        />
        <TableScroll label={t("ledger.progress.tableCaption")}>
          <table className="w-full text-sm" data-testid="ledger-progress-table">
            <caption className="text-start font-medium">{t("ledger.progress.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ledger.progress.text")}</th>
                {ledgerStatuses.map((status) => (
                  <th key={status} scope="col">
                    {statusLabel(status)}
                  </th>
                ))}
                <th scope="col">{t("ledger.progress.total")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.revision ?? "live"}>
                  <th scope="row">{rowLabel(row)}</th>
                  {ledgerStatuses.map((status) => (
                    <td key={status} data-status={status}>
                      {row.counts[status]}
                    </td>
                  ))}
                  <td>{ledgerStatuses.reduce((sum, s) => sum + row.counts[s], 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="card flex flex-col gap-3" aria-labelledby="progress-ledger-heading">
        <h2 id="progress-ledger-heading">{t("ledger.progress.current")}</h2>
        {current.length === 0 ? (
          <p className="muted">{t("ledger.progress.empty")}</p>
        ) : (
          <TableScroll label={t("ledger.progress.current")}>
            <table className="w-full text-sm" data-testid="ledger-list">
              <thead>
                <tr>
                  <th scope="col">{t("ledger.progress.number")}</th>
                  <th scope="col">{t("ledger.progress.paragraphText")}</th>
                  <th scope="col">{t("ledger.control.status")}</th>
                  <th scope="col">{t("ledger.progress.partners")}</th>
                  <th scope="col">{t("ledger.progress.until")}</th>
                </tr>
              </thead>
              <tbody>
                {current.map((entry) => (
                  <tr key={entry.index} data-status={entry.status}>
                    <td>{entry.number ?? t("ledger.progress.heading")}</td>
                    <td>
                      {entry.text.length > 120 ? `${entry.text.slice(0, 120)}…` : entry.text}
                      {entry.alternatives.length > 0 && (
                        <ul className="mt-1 text-slate-700" aria-label={t("ledger.progress.alternatives")}>
                          {entry.alternatives.map((alternative) => (
                            <li key={`${alternative.partnerId}:${alternative.text}`} data-testid="ledger-alternative">
                              {t("ledger.progress.alternative", {
                                partner: alternative.partnerId
                                  ? (partnerNames[alternative.partnerId] ?? t("workflow.noPartner"))
                                  : t("workflow.noPartner"),
                                text: alternative.text,
                              })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{statusLabel(entry.status)}</td>
                    <td>
                      {entry.partners
                        .map((p) => partnerNames[p])
                        .filter(Boolean)
                        .join(", ")}
                    </td>
                    <td>{entry.until ? day.format(new Date(`${entry.until}T00:00:00Z`)) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </PaperSubpage>
  );
}
