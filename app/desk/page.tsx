import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PaperTable } from "@/components/PaperTable";
import { getDb } from "@/db/client";
import { partnerLabel } from "@/lib/countries";
import { timeLeft } from "@/lib/time-left";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { deskFor } from "@/server/queries/desk";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("desk.title") };
}

/** A delegate's first page: what needs them now, across their dialogues. */
export default async function DeskPage() {
  const actor = await actorOrSignIn("/desk");
  if (!can(actor, "dialogue.list", null)) redirect("/hld");
  // The secretariat speaks for no state: its first page is the list of every dialogue.
  if (actor.memberships.size === 0) redirect("/dialogues");
  const [{ t, locale }, desk] = await Promise.all([getTranslator(), deskFor(await getDb(), actor)]);
  const now = new Date();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const due = desk.rounds.filter((r) => r.positionDueFor);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1>{t("desk.title")}</h1>
        <p className="muted">{t("desk.intro")}</p>
      </div>
      <section className="card flex flex-col gap-2" aria-labelledby="due-heading" data-testid="desk-positions">
        <h2 id="due-heading">{t("desk.positionsDue")}</h2>
        {due.length === 0 ? (
          <p className="muted">{t("desk.positionsDueNone")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {due.map((round) => (
              <li key={round.paperId} className="msg-warning rounded p-2">
                <p className="font-medium">
                  {t("desk.positionDue", {
                    partner: partnerLabel(
                      { name: round.positionDueFor?.partner ?? "", iso3: round.positionDueFor?.iso3 ?? null },
                      locale,
                    ),
                    title: round.title,
                    n: round.revisionNumber,
                  })}
                </p>
                <p className="text-sm">
                  {t("desk.closes", { when: timeLeft(round.deadline, now, locale), date: date.format(round.deadline) })}
                </p>
                <Link href={`/papers/${round.paperId}#position-due-heading`} className="text-sm">
                  {t("desk.takePosition")}
                  <span className="sr-only">: {round.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="card flex flex-col gap-2" aria-labelledby="rounds-heading" data-testid="desk-rounds">
          <h2 id="rounds-heading">{t("desk.openRounds")}</h2>
          {desk.rounds.length === 0 ? (
            <p className="muted">{t("desk.openRoundsNone")}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {desk.rounds.map((round) => (
                <li key={round.paperId}>
                  <Link href={`/papers/${round.paperId}/approval`}>
                    {t("desk.roundLine", {
                      title: round.title,
                      n: round.revisionNumber,
                      answered: round.answered,
                      total: round.total,
                    })}
                  </Link>
                  <br />
                  {t("desk.closes", { when: timeLeft(round.deadline, now, locale), date: date.format(round.deadline) })}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card flex flex-col gap-2" aria-labelledby="mentions-heading" data-testid="desk-mentions">
          <h2 id="mentions-heading">{t("desk.mentions")}</h2>
          {desk.mentions.length === 0 ? (
            <p className="muted">{t("desk.mentionsNone")}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {desk.mentions.map((mention) => (
                <li key={mention.id} className={mention.read ? "" : "font-medium"}>
                  {!mention.read && <span className="sr-only">{t("notifications.unread")}: </span>}
                  <Link href={mention.href}>{t("desk.mentionLine", { author: mention.by, title: mention.title })}</Link>{" "}
                  <time dateTime={mention.createdAt.toISOString()} className="text-slate-600">
                    {date.format(mention.createdAt)} UTC
                  </time>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section
          className="card flex flex-col gap-2"
          aria-labelledby="suggestions-heading"
          data-testid="desk-suggestions"
        >
          <h2 id="suggestions-heading">{t("desk.suggestions")}</h2>
          {desk.suggestions.length === 0 ? (
            <p className="muted">{t("desk.suggestionsNone")}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {desk.suggestions.map((line) => (
                <li key={line.paperId}>
                  <Link href={`/papers/${line.paperId}`}>
                    {t("desk.suggestionLine", { title: line.title, count: line.count })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="card flex flex-col gap-2" aria-labelledby="papers-heading">
        <h2 id="papers-heading">{t("desk.papers")}</h2>
        {desk.papers.length === 0 ? (
          <p className="muted">{t("desk.papersNone")}</p>
        ) : (
          <PaperTable papers={desk.papers} t={t} locale={locale} caption={t("desk.papers")} />
        )}
        <Link href="/dialogues" className="text-sm">
          {t("desk.allDialogues")}
        </Link>
      </section>
    </div>
  );
}
