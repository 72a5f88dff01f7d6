// The open round in the paper page's side panel: how many states have answered, when it closes.
import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { timeLeft } from "@/lib/time-left";

export function RoundSummary({
  paperId,
  round,
  locale,
  now,
  t,
}: {
  paperId: string;
  round: { revisionNumber: number; deadline: Date; answered: number; total: number };
  locale: string;
  now: Date;
  t: Translate;
}) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <section className="card flex flex-col gap-2" aria-labelledby="round-summary-heading">
      <h2 id="round-summary-heading">{t("approval.title")}</h2>
      <p data-testid="round-summary">
        {t("paperPage.roundSummary", { n: round.revisionNumber, answered: round.answered, total: round.total })}
      </p>
      <p className="text-sm">
        {t("paperPage.roundClosesOn", {
          date: date.format(round.deadline),
          when: timeLeft(round.deadline, now, locale),
        })}
      </p>
      <Link href={`/papers/${paperId}/approval`} className="text-sm">
        {t("paperPage.roundDetails")}
      </Link>
    </section>
  );
}
