import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TableScroll } from "@/components/TableScroll";
import { getDb } from "@/db/client";
import { paperKind } from "@/db/schema";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { dialoguesWithSubmissions, INBOX_PAGE_SIZE, listSubmittedPapers } from "@/server/queries/papers";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("hld.title") };
}

const filters = z.object({
  kind: z.enum(paperKind.enumValues).optional().catch(undefined),
  dialogue: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().positive().max(100_000).optional().catch(undefined),
});

export default async function HldInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await actorOrSignIn("/hld");
  if (!can(actor, "hld.viewInbox", null)) notFound();
  const { kind, dialogue, page = 1 } = filters.parse(await searchParams);
  const db = await getDb();
  const [{ t, locale }, rows, dialogues] = await Promise.all([
    getTranslator(),
    listSubmittedPapers(db, actor, { kind, dialogueId: dialogue, page }),
    dialoguesWithSubmissions(db),
  ]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const query = (p: number) =>
    `/hld?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(dialogue ? { dialogue } : {}), page: String(p) })}`;
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("hld.title")}</h1>
      <form action="/hld" className="form-inline" aria-label={t("hld.filters")}>
        <div>
          <label htmlFor="hld-dialogue">{t("hld.dialogue")}</label>
          <select id="hld-dialogue" name="dialogue" defaultValue={dialogue ?? ""}>
            <option value="">{t("hld.allDialogues")}</option>
            {dialogues.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="hld-kind">{t("papers.kind")}</label>
          <select id="hld-kind" name="kind" defaultValue={kind ?? ""}>
            <option value="">{t("hld.allKinds")}</option>
            {paperKind.enumValues.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          {t("hld.filter")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="muted">{kind || dialogue ? t("hld.noMatch") : t("hld.empty")}</p>
      ) : (
        <TableScroll label={t("hld.title")}>
          <table className="card">
            <caption className="sr-only">{t("hld.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("hld.reference")}</th>
                <th scope="col">{t("papers.title")}</th>
                <th scope="col">{t("hld.dialogue")}</th>
                <th scope="col">{t("papers.kind")}</th>
                <th scope="col">{t("papers.revision")}</th>
                <th scope="col">{t("hld.submittedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.paperId}>
                  <td className="font-mono text-xs">{row.reference}</td>
                  <td>
                    <Link href={`/papers/${row.paperId}`}>{row.title}</Link>
                    <div className="break-all font-mono text-xs text-slate-600">{row.contentHash}</div>
                  </td>
                  <td>{row.dialogueName}</td>
                  <td>{t(`kind.${row.kind}`)}</td>
                  <td>{t("papers.revNumber", { n: row.revision })}</td>
                  <td>
                    <time dateTime={row.submittedAt.toISOString()}>{date.format(row.submittedAt)} UTC</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <nav aria-label={t("pagination.label")} className="flex gap-4 text-sm">
        {page > 1 && <Link href={query(page - 1)}>{t("pagination.previous")}</Link>}
        {rows.length === INBOX_PAGE_SIZE && <Link href={query(page + 1)}>{t("pagination.next")}</Link>}
      </nav>
    </div>
  );
}
