import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { paperForPage } from "@/server/queries/paper-page";
import { paperHistory } from "@/server/queries/workflow";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("history.title") };
}

function summarizeDetails(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object")
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(" · ");
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
        {events.map((e) => (
          <li key={e.id} data-testid="history-event" className="border-b border-slate-100 pb-2 text-sm">
            <time dateTime={e.createdAt.toISOString()} className="text-slate-600">
              {date.format(e.createdAt)} UTC
            </time>{" "}
            · <span className="font-medium">{t(`history.action.${e.action}` as Parameters<typeof t>[0])}</span> ·{" "}
            {e.actor ?? t("audit.system")}
            <div className="font-mono text-xs text-slate-600">{summarizeDetails(e.details)}</div>
          </li>
        ))}
      </ol>
    </PaperSubpage>
  );
}
