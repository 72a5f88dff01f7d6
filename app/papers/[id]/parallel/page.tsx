// A language version beside its original (issue 19): /papers/<original>/parallel?with=<version>.
// One live editor, the version's (editable by whoever may edit it), with the original's
// paragraphs drawn beside each of its own in a two-column grid, aligned by paragraph id and
// numbered as in the original (lib/editor/version-margin.ts); the original column is the
// original's live text, read-only (components/versions/LiveVersionEditor.tsx). Then the
// paragraphs whose translation is outdated.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DocumentView } from "@/components/DocumentView";
import { LiveVersionEditor } from "@/components/versions/LiveVersionEditor";
import { OutdatedTranslations } from "@/components/versions/OutdatedTranslations";
import { PaperSubpage } from "@/components/workflow/PaperSubpage";
import { userColor } from "@/lib/editor/presence";
import { catalogs, type MessageKey } from "@/lib/i18n/translate";
import { languageName } from "@/lib/language-versions";
import { getTranslator } from "@/server/locale";
import { can, readOnlyReason } from "@/server/policy";
import { dialogueMembers } from "@/server/queries/comments";
import { parallelReading } from "@/server/queries/language-versions";
import { paperForPage } from "@/server/queries/paper-page";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("versions.parallel") };
}

const query = z.object({ with: z.uuid() });

export default async function ParallelPage({ params, searchParams }: Props) {
  const { id } = await params;
  const parsed = query.safeParse(await searchParams);
  const { actor, db, paper, dialogue } = await paperForPage(id, `/papers/${id}`);
  if (!parsed.success) notFound();
  const reading = await parallelReading(db, actor, paper.id, parsed.data.with);
  if (!reading) notFound();
  const { version, originalText, versionText, rows } = reading;
  const { t, locale } = await getTranslator();
  const originalName = languageName(reading.original.language, locale);
  const versionName = languageName(version.language, locale);
  const canEdit = can(actor, "paper.edit", version);
  const canSuggest = can(actor, "paper.suggest", version);
  const readOnly = readOnlyReason(actor, version);
  const members = can(actor, "paper.viewComments", version) ? await dialogueMembers(db, dialogue.id, locale) : [];
  const representing = members.find((m) => m.id === actor.id);
  const labels = catalogs[locale].versions;
  return (
    <PaperSubpage paper={paper} heading={t("versions.parallelTitle", { title: paper.title })} t={t}>
      <p className="muted">{t("versions.parallelIntro", { language: versionName })}</p>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={`/papers/${paper.id}`}>{t("versions.backToOriginal")}</Link>
        <Link href={`/papers/${version.id}`}>{t("versions.backToVersion")}</Link>
      </p>
      <section className="card min-w-0" aria-labelledby="parallel-heading">
        <h2 id="parallel-heading" className="sr-only">
          {t("versions.parallelWith", { language: versionName })}
        </h2>
        <div className="parallel-columns mb-2 text-sm font-semibold" aria-hidden="true">
          <span>{t("versions.originalColumn", { language: originalName })}</span>
          <span>{t("versions.versionColumn", { language: versionName })}</span>
        </div>
        {can(actor, "paper.viewComments", version) ? (
          <LiveVersionEditor
            originalId={paper.id}
            paperId={version.id}
            title={`${version.title} (${versionName})`}
            user={{
              id: actor.id,
              name: actor.name,
              partner: representing?.partner ?? dialogue.name,
              iso3: null,
              color: userColor(actor.id),
            }}
            canEdit={canEdit}
            canSuggest={canSuggest}
            suggestOnly={canSuggest && !canEdit}
            partnerId={actor.memberships.get(dialogue.id)?.partnerId ?? null}
            readOnlyReason={
              readOnly &&
              (readOnly === "frozen"
                ? t("editor.readOnly.frozen", { status: t(`status.${version.status}` as MessageKey) })
                : t(readOnly === "observer" ? "editor.readOnly.observer" : "editor.readOnly.notAllowed"))
            }
            labels={catalogs[locale].editor}
            version={{
              original: originalText,
              outdated: rows.flatMap((row) => (row.outdated && row.pid ? [row.pid] : [])),
              labels: {
                outdated: labels.outdated,
                originalParagraph: labels.originalParagraph,
                originalBlock: labels.originalBlock,
                onlyInVersion: labels.onlyInVersion,
              },
              originalLanguage: reading.original.language,
              sideBySide: true,
            }}
          >
            <DocumentView
              doc={versionText}
              label={t("papers.textOf", { title: `${version.title} (${versionName})` })}
              notesLabel={t("editor.footnotes")}
              adRefLabel={t("editor.adRefMarker")}
            />
          </LiveVersionEditor>
        ) : (
          <DocumentView
            doc={versionText}
            label={t("papers.textOf", { title: `${version.title} (${versionName})` })}
            notesLabel={t("editor.footnotes")}
            adRefLabel={t("editor.adRefMarker")}
          />
        )}
      </section>
      <OutdatedTranslations
        versionId={version.id}
        rows={rows}
        canConfirm={can(actor, "paper.confirmTranslation", version)}
        originalLanguage={reading.original.language}
        t={t}
      />
    </PaperSubpage>
  );
}
