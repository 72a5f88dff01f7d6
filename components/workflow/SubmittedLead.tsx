// What a submitted paper's page leads with: the HLD reference, the record, and the official
// files, which are exactly the files the public verification page recognises.
import Link from "next/link";
import { ExportMenu } from "@/components/export/ExportMenu";
import type { Translate } from "@/lib/i18n/translate";

export function SubmittedLead({
  paperId,
  submission,
  documentSymbol,
  mayExport,
  locale,
  t,
}: {
  paperId: string;
  submission: {
    reference: string;
    revisionNumber: number;
    contentHash: string;
    submittedAt: Date;
    submittedBy: string;
  };
  documentSymbol: string | null;
  mayExport: boolean;
  locale: string;
  t: Translate;
}) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <section className="card flex flex-col gap-4 border-emerald-300" aria-labelledby="submitted-heading">
      <h2 id="submitted-heading">{t("paperPage.submittedTitle")}</h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("hld.reference")}</dt>
        <dd data-testid="lead-reference" className="text-base font-semibold">
          {submission.reference}
        </dd>
        {documentSymbol && (
          <>
            <dt className="font-medium">{t("paperPage.symbol")}</dt>
            <dd data-testid="lead-symbol">{documentSymbol}</dd>
          </>
        )}
        <dt className="font-medium">{t("papers.revision")}</dt>
        <dd>{t("papers.revNumber", { n: submission.revisionNumber })}</dd>
        <dt className="font-medium">{t("papers.hash")}</dt>
        <dd className="break-all font-mono text-xs">{submission.contentHash}</dd>
        <dt className="font-medium">{t("hld.submittedAt")}</dt>
        <dd>
          {date.format(submission.submittedAt)} UTC · {submission.submittedBy}
        </dd>
      </dl>
      {mayExport && (
        <ExportMenu
          paperId={paperId}
          revision={submission.revisionNumber}
          heading={t("paperPage.officialFiles", { n: submission.revisionNumber })}
          help={t("paperPage.officialFilesHelp")}
          t={t}
        />
      )}
      <Link href="/verify" className="text-sm">
        {t("paperPage.verifyLink")}
      </Link>
    </section>
  );
}
