import type { Metadata } from "next";
import Link from "next/link";
import { requireAdministrator } from "@/app/admin/guard";
import { TableScroll } from "@/components/TableScroll";
import { getDb } from "@/db/client";
import { describeHistoryEvent, isHistoryAction } from "@/lib/i18n/history";
import { getTranslator } from "@/server/locale";
import { auditLogPage } from "@/server/queries/admin";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("audit.title") };
}

type Props = { searchParams: Promise<{ before?: string }> };

export default async function AuditPage({ searchParams }: Props) {
  await requireAdministrator("/admin/audit");
  const before = Number((await searchParams).before);
  const [{ t, locale }, { events, nextBefore }] = await Promise.all([
    getTranslator(),
    auditLogPage(await getDb(), { before: Number.isSafeInteger(before) && before > 0 ? before : undefined }),
  ]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("audit.title")}</h1>
      <TableScroll label={t("audit.title")}>
        <table className="card">
          <caption className="sr-only">{t("audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.time")}</th>
              <th scope="col">{t("audit.actor")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.target")}</th>
              <th scope="col">{t("audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <td className="whitespace-nowrap">
                  <time dateTime={e.createdAt.toISOString()}>{date.format(e.createdAt)} UTC</time>
                </td>
                <td>{e.actorName ? `${e.actorName} (${e.actorEmail})` : t("audit.system")}</td>
                <td>
                  {/* Paper events in words too, as the paper's history tells them; the code stays for search. */}
                  {isHistoryAction(e.action) && (
                    <span className="block text-sm">
                      {describeHistoryEvent(e, { t, locale, formatDate: (d) => `${date.format(d)} UTC` }).sentence}
                    </span>
                  )}
                  <span className="font-mono text-xs">{e.action}</span>
                </td>
                <td className="font-mono text-xs">
                  {e.targetType}:{e.targetId.slice(0, 8)}
                </td>
                <td className="max-w-md break-all font-mono text-xs">{JSON.stringify(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label={t("pagination.label")} className="flex gap-4 text-sm">
        {before > 0 && <Link href="/admin/audit">{t("audit.newest")}</Link>}
        {nextBefore && <Link href={`/admin/audit?before=${nextBefore}`}>{t("audit.older")}</Link>}
      </nav>
    </div>
  );
}
