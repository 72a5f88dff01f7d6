import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { paperKind } from "@/db/schema";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import { listSubmittedPapers } from "@/server/queries/papers";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("hld.title") };
}

const filters = z.object({ kind: z.enum(paperKind.enumValues).optional().catch(undefined) });

export default async function HldInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await actorOrSignIn("/hld");
  if (actor.globalRole !== "hld_reviewer" && actor.globalRole !== "admin") notFound();
  const { kind } = filters.parse(await searchParams);
  const [{ t, locale }, rows] = await Promise.all([
    getTranslator(),
    listSubmittedPapers(await getDb(), actor, { kind }),
  ]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-6">
      <h1>{t("hld.title")}</h1>
      <nav aria-label={t("hld.filterByKind")} className="flex gap-4 text-sm">
        <Link href="/hld" aria-current={!kind ? "page" : undefined}>
          {t("hld.allKinds")}
        </Link>
        {paperKind.enumValues.map((k) => (
          <Link key={k} href={`/hld?kind=${k}`} aria-current={kind === k ? "page" : undefined}>
            {t(`kind.${k}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="muted">{t("hld.empty")}</p>
      ) : (
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
      )}
    </div>
  );
}
