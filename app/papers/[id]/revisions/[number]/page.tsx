import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentView } from "@/components/DocumentView";
import { ExportMenu } from "@/components/export/ExportMenu";
import { BilingualExportLinks } from "@/components/versions/BilingualExportLinks";
import { FrozenLanguages } from "@/components/versions/FrozenLanguages";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { catalogs } from "@/lib/i18n/translate";
import { languageName } from "@/lib/language-versions";
import { documentSymbolOf } from "@/server/export/document-symbol";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { dialoguePartnerNames } from "@/server/queries/ledger";
import { paperForPage } from "@/server/queries/paper-page";
import { findRevision } from "@/server/queries/workflow";

type Props = { params: Promise<{ id: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("papers.revNumber", { n: (await params).number }) };
}

export default async function RevisionPage({ params }: Props) {
  const { id, number } = await params;
  const { actor, db, paper } = await paperForPage(id, `/papers/${id}/revisions/${number}`);
  const n = Number(number);
  if (!Number.isSafeInteger(n) || n < 1) notFound();
  const [{ t, locale }, revision] = await Promise.all([getTranslator(), findRevision(db, paper, n)]);
  if (!revision) notFound();
  const symbol = documentSymbolOf(revision);
  const partnerNames = await dialoguePartnerNames(db, paper.dialogueId, locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <PaperSubpage paper={paper} heading={t("papers.revNumber", { n })} t={t}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {symbol && (
          <>
            <dt className="font-medium">{t("exports.symbol.onRevision")}</dt>
            <dd className="break-all font-mono" data-testid="revision-symbol">
              {symbol}
            </dd>
          </>
        )}
        <dt className="font-medium">{t("papers.hash")}</dt>
        <dd className="break-all font-mono text-xs" data-testid="revision-hash">
          {revision.contentHash}
        </dd>
        <dt className="font-medium">{t("revisions.frozen")}</dt>
        <dd>
          {date.format(revision.frozenAt)} UTC · {revision.frozenBy}
        </dd>
      </dl>
      {revision.languages && (
        <section className="card">
          <FrozenLanguages
            languages={revision.languages}
            locale={locale}
            t={t}
            revision={n}
            currentPaperId={paper.id}
          />
        </section>
      )}
      {paper.originalId !== null && can(actor, "paper.export", paper) && (
        <BilingualExportLinks
          originalId={paper.originalId}
          versionId={paper.id}
          language={languageName(paper.language, locale)}
          revision={n}
          t={t}
        />
      )}
      {can(actor, "paper.export", paper) && <ExportMenu paperId={paper.id} revision={n} t={t} />}
      <section className="card">
        <DocumentView
          doc={revision.content}
          label={t("papers.textOf", { title: `${paper.title}, Rev.${n}` })}
          notesLabel={t("editor.footnotes")}
          adRefLabel={t("editor.adRefMarker")}
          ledger={{ labels: catalogs[locale].ledger, partnerNames, locale }}
        />
      </section>
    </PaperSubpage>
  );
}
