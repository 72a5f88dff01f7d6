import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { describeHistoryEvent } from "@/lib/i18n/history";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { paperForPage } from "@/server/queries/paper-page";
import { paperHistory } from "@/server/queries/workflow";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("history.title") };
}

export default async function HistoryPage({ params }: Props) {
  const { id } = await params;
  const { actor, db, paper } = await paperForPage(id, `/papers/${id}/history`);
  if (!can(actor, "paper.viewHistory", paper)) notFound();
  const [{ t, locale }, events] = await Promise.all([getTranslator(), paperHistory(db, paper.id)]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  return (
    <PaperSubpage paper={paper} heading={t("history.title")} t={t}>
      <ol className="card flex flex-col gap-2">
        {events.map((e) => {
          const entry = describeHistoryEvent(e, { t, locale, formatDate: (d) => `${date.format(d)} UTC` });
          return (
            <li key={e.id} data-testid="history-event" className="border-b border-slate-100 pb-2 text-sm">
              <time dateTime={e.createdAt.toISOString()} className="text-slate-600">
                {date.format(e.createdAt)} UTC
              </time>{" "}
              · <span className="font-medium">{entry.sentence}</span> · {e.actor ?? t("audit.system")}
              {entry.notes.map((note) => (
                <div key={note} className="break-all text-xs text-slate-600">
                  {note}
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </PaperSubpage>
  );
}
