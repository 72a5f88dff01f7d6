// A language version beside its original (issue 19): /papers/<original>/parallel?with=<version>.
// One live editor, the version's (editable by whoever may edit it), with the original's
// paragraphs drawn beside each of its own in a two-column grid, aligned by paragraph id and
// numbered as in the original (lib/editor/version-margin.ts); the original column is the
// original's live text, read-only (components/versions/LiveVersionEditor.tsx). With
// `&edit=original` the same view edits the original (for whoever may) and draws the version's
// paragraphs beside it, live and read-only: either text can be worked on against the other.
// Then the paragraphs whose translation is outdated.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DocumentView } from "@/components/DocumentView";
import { BilingualExportLinks } from "@/components/versions/BilingualExportLinks";
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

const query = z.object({ with: z.uuid(), edit: z.enum(["version", "original"]).default("version") });

export default async function ParallelPage({ params, searchParams }: Props) {
  const { id } = await params;
  const parsed = query.safeParse(await searchParams);
  const { actor, db, paper, dialogue } = await paperForPage(id, `/papers/${id}`);
  if (!parsed.success) notFound();
  const reading = await parallelReading(db, actor, paper.id, parsed.data.with);
  if (!reading) notFound();
  const { original, version, beside, originalText, versionText, besideText, rows } = reading;
  const { t, locale } = await getTranslator();
  const originalName = languageName(original.language, locale);
  const versionName = languageName(version.language, locale);
  const besideName = languageName(beside.language, locale);
  // Beside the original, either text may be the one edited here; beside another version, the
  // version named by `with` is (its link swaps them). The other is drawn beside, read-only, live.
  const besideIsOriginal = beside.id === original.id;
  const editingOriginal = besideIsOriginal && parsed.data.edit === "original";
  const edited = editingOriginal ? original : version;
  const other = editingOriginal ? version : beside;
  const editedName = editingOriginal ? originalName : versionName;
  const canEdit = can(actor, "paper.edit", edited);
  const canSuggest = can(actor, "paper.suggest", edited);
  const readOnly = readOnlyReason(actor, edited);
  const mayWorkOnOther = can(actor, "paper.edit", other) || can(actor, "paper.suggest", other);
  const members = can(actor, "paper.viewComments", edited) ? await dialogueMembers(db, dialogue.id, locale) : [];
  const representing = members.find((m) => m.id === actor.id);
  const labels = catalogs[locale].versions;
  const editedText = editingOriginal ? originalText : versionText;
  const textLabel = t("papers.textOf", { title: `${edited.title} (${editedName})` });
  const base = `/papers/${paper.id}/parallel?with=${version.id}`;
  const intro = !besideIsOriginal
    ? t("versions.parallelIntroVersions", { beside: besideName, language: versionName })
    : t(editingOriginal ? "versions.parallelIntroOriginal" : "versions.parallelIntro", { language: versionName });
  const switchLink = !mayWorkOnOther
    ? null
    : !besideIsOriginal
      ? {
          href: `/papers/${version.id}/parallel?with=${beside.id}`,
          label: t("versions.editBesideHere", { language: besideName }),
        }
      : editingOriginal
        ? { href: base, label: t("versions.editVersionHere", { language: versionName }) }
        : { href: `${base}&edit=original`, label: t("versions.editOriginalHere", { language: originalName }) };
  const cellLabels = editingOriginal
    ? {
        outdated: labels.outdated,
        originalParagraph: labels.versionParagraph,
        originalBlock: labels.versionBlock,
        onlyInVersion: labels.onlyInOriginal,
      }
    : besideIsOriginal
      ? {
          outdated: labels.outdated,
          originalParagraph: labels.originalParagraph,
          originalBlock: labels.originalBlock,
          onlyInVersion: labels.onlyInVersion,
        }
      : {
          outdated: labels.outdated,
          originalParagraph: t("versions.languageParagraph", { language: besideName, n: "{n}" }),
          originalBlock: besideName,
          onlyInVersion: labels.onlyInVersion,
        };
  return (
    <PaperSubpage paper={paper} heading={t("versions.parallelTitle", { title: paper.title })} t={t}>
      <p className="muted">{intro}</p>
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link href={`/papers/${original.id}`}>{t("versions.backToOriginal")}</Link>
        <Link href={`/papers/${version.id}`}>{t("versions.backToVersion")}</Link>
        {switchLink && (
          <Link href={switchLink.href} data-testid="parallel-switch">
            {switchLink.label}
          </Link>
        )}
      </p>
      <section className="card min-w-0" aria-labelledby="parallel-heading">
        <h2 id="parallel-heading" className="sr-only">
          {t("versions.parallelWith", { language: versionName })}
        </h2>
        <div className="parallel-columns mb-2 text-sm font-semibold" aria-hidden="true">
          <span>
            {besideIsOriginal
              ? t("versions.originalColumn", { language: originalName })
              : t("versions.versionColumn", { language: besideName })}
          </span>
          <span>{t("versions.versionColumn", { language: versionName })}</span>
        </div>
        {can(actor, "paper.viewComments", edited) ? (
          <LiveVersionEditor
            besideId={other.id}
            paperId={edited.id}
            title={`${edited.title} (${editedName})`}
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
                ? t("editor.readOnly.frozen", { status: t(`status.${edited.status}` as MessageKey) })
                : t(readOnly === "observer" ? "editor.readOnly.observer" : "editor.readOnly.notAllowed"))
            }
            labels={catalogs[locale].editor}
            version={{
              beside: editingOriginal ? versionText : besideText,
              outdated: rows.flatMap((row) => (row.outdated && row.pid ? [row.pid] : [])),
              labels: cellLabels,
              besideLanguage: other.language,
              sideBySide: true,
              editing: editingOriginal ? "original" : "version",
              readOriginal: originalText,
            }}
            flagChangesBeside={besideIsOriginal}
          >
            <DocumentView
              doc={editedText}
              label={textLabel}
              notesLabel={t("editor.footnotes")}
              adRefLabel={t("editor.adRefMarker")}
            />
          </LiveVersionEditor>
        ) : (
          <DocumentView
            doc={editedText}
            label={textLabel}
            notesLabel={t("editor.footnotes")}
            adRefLabel={t("editor.adRefMarker")}
          />
        )}
      </section>
      {besideIsOriginal && can(actor, "paper.export", original) && can(actor, "paper.export", version) && (
        <BilingualExportLinks
          originalId={original.id}
          versionId={version.id}
          language={versionName}
          revision="live"
          t={t}
        />
      )}
      <OutdatedTranslations
        versionId={version.id}
        rows={rows}
        canConfirm={can(actor, "paper.confirmTranslation", version)}
        originalLanguage={original.language}
        t={t}
      />
    </PaperSubpage>
  );
}
