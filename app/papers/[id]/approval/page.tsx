import type { Metadata } from "next";
import Link from "next/link";
import { TableScroll } from "@/components/TableScroll";
import { FrozenLanguages } from "@/components/versions/FrozenLanguages";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { PositionForm } from "@/components/workflow/PositionForm";
import { partnerLabel } from "@/lib/countries";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { paperForPage } from "@/server/queries/paper-page";
import { findSubmission, latestRound } from "@/server/queries/workflow";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("approval.title") };
}

export default async function ApprovalPage({ params }: Props) {
  const { id } = await params;
  const { actor, db, paper } = await paperForPage(id, `/papers/${id}/approval`);
  // A language version is approved with its original (issue 19): the original's round and record.
  const originalId = paper.originalId ?? paper.id;
  const [{ t, locale }, round, submission] = await Promise.all([
    getTranslator(),
    latestRound(db, { id: originalId, dialogueId: paper.dialogueId }),
    findSubmission(db, originalId),
  ]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const fmt = (d: Date | null) => (d ? `${date.format(d)} UTC` : "");
  const own = actor.memberships.get(paper.dialogueId);
  const ownLine = own ? round?.positions.find((p) => p.partnerId === own.partnerId) : undefined;
  const mayTakePosition =
    paper.originalId === null &&
    round &&
    !round.closedAt &&
    ownLine &&
    can(actor, "paper.takePosition", { ...paper, partnerId: ownLine.partnerId, partnerKind: "state" });
  const answered = round?.positions.filter((p) => p.value).length ?? 0;

  return (
    <PaperSubpage paper={paper} heading={t("approval.title")} t={t}>
      {paper.originalId !== null && (
        <p className="text-sm" data-testid="version-approval-note">
          {t("versions.versionApproval")}{" "}
          <Link href={`/papers/${paper.originalId}/approval`}>{t("versions.originalApproval")}</Link>
        </p>
      )}
      {submission && (
        <section className="card" aria-labelledby="submission-heading">
          <h2 id="submission-heading" className="mb-2">
            {t("approval.submission")}
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t("hld.reference")}</dt>
            <dd data-testid="submission-reference">{submission.reference}</dd>
            <dt className="font-medium">{t("papers.revision")}</dt>
            <dd>{t("papers.revNumber", { n: submission.revisionNumber })}</dd>
            <dt className="font-medium">{t("papers.hash")}</dt>
            <dd className="break-all font-mono text-xs" data-testid="submission-hash">
              {submission.contentHash}
            </dd>
            <dt className="font-medium">{t("hld.submittedAt")}</dt>
            <dd>
              {fmt(submission.submittedAt)} · {submission.submittedBy}
            </dd>
          </dl>
          <h3 className="mb-1 mt-3 font-semibold">{t("approval.recordAtSubmission")}</h3>
          <ul className="text-sm">
            {submission.positionsRecord.map((line) => (
              <li key={line.partner}>
                {t("approval.recordLine", {
                  partner: partnerLabel({ name: line.partner, iso3: line.iso3 }, locale),
                  position: t(`position.${line.value}`),
                })}
                {line.recordedAt ? ` (${fmt(new Date(line.recordedAt))})` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!round ? (
        <p className="muted">{t("approval.noRound")}</p>
      ) : (
        <section className="card flex flex-col gap-3" aria-labelledby="round-heading">
          <h2 id="round-heading">
            {t("approval.roundOn", { n: round.revisionNumber })} ·{" "}
            {round.closedAt ? t(`approval.outcome.${round.outcome ?? "not_agreed"}`) : t("approval.open")}
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">{t("papers.hash")}</dt>
            <dd className="break-all font-mono text-xs" data-testid="round-hash">
              {round.revisionHash}
            </dd>
            <dt className="font-medium">{t("workflow.procedure")}</dt>
            <dd>{t(`workflow.${round.procedure}`)}</dd>
            <dt className="font-medium">{t("workflow.deadline")}</dt>
            <dd>{fmt(round.deadline)}</dd>
            <dt className="font-medium">{t("approval.opened")}</dt>
            <dd>
              {fmt(round.openedAt)} · {round.openedBy}
            </dd>
            {round.closedAt && (
              <>
                <dt className="font-medium">{t("approval.closed")}</dt>
                <dd>{fmt(round.closedAt)}</dd>
              </>
            )}
          </dl>
          {round.languages && (
            <FrozenLanguages
              languages={round.languages}
              locale={locale}
              t={t}
              revision={round.revisionNumber}
              currentPaperId={paper.id}
            />
          )}
          <TableScroll label={t("approval.answered", { answered, total: round.positions.length })}>
            <table>
              <caption className="text-start text-sm">
                {t("approval.answered", { answered, total: round.positions.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("approval.partner")}</th>
                  <th scope="col">{t("approval.position")}</th>
                  <th scope="col">{t("approval.reason")}</th>
                  <th scope="col">{t("approval.recordedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {round.positions.map((p) => (
                  <tr key={p.partnerId} data-testid="position-row">
                    <th scope="row" className="font-normal">
                      {partnerLabel({ name: p.partner, iso3: p.iso3 }, locale)}
                    </th>
                    <td>
                      {p.value ? t(`position.${p.value}`) : <span className="muted">{t("approval.notAnswered")}</span>}
                    </td>
                    <td>{p.reason ?? ""}</td>
                    <td>{p.recordedBy ? `${p.recordedBy}, ${fmt(p.recordedAt)}` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {mayTakePosition && ownLine && (
            <div className="border-t border-slate-200 pt-4">
              <h3 id="own-position-heading" className="mb-2 font-semibold">
                {t("approval.yourPosition", {
                  partner: partnerLabel({ name: ownLine.partner, iso3: ownLine.iso3 }, locale),
                })}
              </h3>
              <PositionForm
                paperId={paper.id}
                partnerId={ownLine.partnerId}
                partner={partnerLabel({ name: ownLine.partner, iso3: ownLine.iso3 }, locale)}
                current={ownLine}
                idPrefix="approval"
                labelledBy="own-position-heading"
                t={t}
              />
            </div>
          )}
          {round.history.length > 0 && (
            <details className="border-t border-slate-200 pt-3">
              <summary className="cursor-pointer text-sm font-medium">
                {t("approval.history", { count: round.history.length })}
              </summary>
              <ol className="mt-2 text-sm">
                {round.history.map((h) => (
                  <li key={h.id}>
                    {t("approval.historyLine", {
                      at: fmt(h.recordedAt),
                      partner: partnerLabel({ name: h.partner, iso3: h.iso3 }, locale),
                      position: t(`position.${h.value}`),
                    })}
                    {h.reason ? ` ${t("approval.historyReason", { reason: h.reason })}` : ""} · {h.recordedBy}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </section>
      )}
    </PaperSubpage>
  );
}
