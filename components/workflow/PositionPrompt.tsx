// At the top of the paper page while the viewer's state has not answered the open round: what
// is asked, how long is left, and the form to answer it there and then.
import type { Translate } from "@/lib/i18n/translate";
import { timeLeft } from "@/lib/time-left";
import { PositionForm } from "./PositionForm";

export function PositionPrompt({
  paperId,
  partnerId,
  partner,
  round,
  locale,
  now,
  t,
}: {
  paperId: string;
  partnerId: string;
  partner: string;
  round: { revisionNumber: number; deadline: Date; procedure: "consensus" | "silence" };
  locale: string;
  now: Date;
  t: Translate;
}) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "UTC" });
  return (
    <section className="card msg-warning flex flex-col gap-3" aria-labelledby="position-due-heading">
      <h2 id="position-due-heading">{t("paperPage.positionDueTitle", { partner, n: round.revisionNumber })}</h2>
      <p data-testid="position-due-time">
        {t("paperPage.positionDueWhen", {
          when: timeLeft(round.deadline, now, locale),
          date: date.format(round.deadline),
        })}{" "}
        {round.procedure === "silence" && t("paperPage.positionDueSilence")}
      </p>
      <PositionForm
        paperId={paperId}
        partnerId={partnerId}
        partner={partner}
        current={{ value: null, reason: null }}
        idPrefix="prompt"
        from="prompt"
        t={t}
      />
    </section>
  );
}
