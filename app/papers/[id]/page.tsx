import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentView } from "@/components/DocumentView";
import { PaperEditor } from "@/components/editor/PaperEditor";
import { ExportMenu } from "@/components/export/ExportMenu";
import { ImportSummaryNotice } from "@/components/export/ImportSummaryNotice";
import { StatusBadge } from "@/components/PaperTable";
import { WorkflowPanel } from "@/components/workflow/WorkflowPanel";
import { getDb } from "@/db/client";
import { hasBracketedText } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import { userColor } from "@/lib/editor/presence";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { catalogs } from "@/lib/i18n/translate";
import { currentActor } from "@/server/auth/current";
import { actorOrSignIn } from "@/server/auth/guard";
import { getTranslator } from "@/server/locale";
import {
  can,
  type PaperRef,
  paperAbilities,
  type ReadOnlyReason,
  readOnlyReason,
  suggestionVoice,
} from "@/server/policy";
import { dialogueMembers, pendingSuggestionCounts, threadsOfPaper } from "@/server/queries/comments";
import { importSummaryFor } from "@/server/queries/import-summary";
import { paperForRequest } from "@/server/queries/paper-page";

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ imported?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return {};
  const found = await paperForRequest(actor, id);
  return { title: found?.paper.title };
}

/** The message next to the read-only editor, for the policy's reason. */
function readOnlyMessage(reason: ReadOnlyReason, paper: PaperRef, t: Translate): string {
  if (reason === "frozen") return t("editor.readOnly.frozen", { status: t(`status.${paper.status}` as MessageKey) });
  return t(reason === "observer" ? "editor.readOnly.observer" : "editor.readOnly.notAllowed");
}

export default async function PaperPage({ params, searchParams }: Props) {
  const { id } = await params;
  const justImported = (await searchParams)?.imported === "1";
  const actor = await actorOrSignIn(`/papers/${id}`);
  const found = await paperForRequest(actor, id);
  if (!found) notFound();
  const { paper, dialogue, latestRevision, content } = found;
  const { t, locale } = await getTranslator();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const memberOfDialogue = can(actor, "dialogue.view", { dialogueId: dialogue.id });
  const canEdit = can(actor, "paper.edit", paper);
  const canSuggest = can(actor, "paper.suggest", paper);
  const readOnly = readOnlyReason(actor, paper);
  const db = await getDb();
  const [threads, members, pending, imported] = await Promise.all([
    threadsOfPaper(db, actor, paper, locale),
    // The people one may @mention: only for whoever takes part in the discussion.
    can(actor, "paper.viewComments", paper) ? dialogueMembers(db, dialogue.id, locale) : [],
    // The chair about to freeze is told what is still pending.
    can(actor, "paper.freezeRevision", paper)
      ? pendingSuggestionCounts(db, actor, paper)
      : new Map<string | null, number>(),
    // Just imported from Word: what came with the text (only for whoever imported it).
    justImported ? importSummaryFor(db, actor, paper.id) : null,
  ]);
  const partnerName = (partnerId: string | null) =>
    members.find((m) => m.partnerId === partnerId)?.partner ?? t("workflow.noPartner");
  // Who the actor is to the others (the editor's presence, shown only with the members loaded):
  // the partner they represent here, as the member list names it.
  const representing = actor.memberships.has(dialogue.id) ? members.find((m) => m.id === actor.id) : undefined;
  const presenceUser = {
    id: actor.id,
    name: actor.name,
    partner: representing
      ? representing.partner
      : actor.globalRole
        ? t(`globalRole.${actor.globalRole}`)
        : dialogue.name,
    color: userColor(actor.id),
  };
  return (
    <div className="flex flex-col gap-6">
      <div>
        {memberOfDialogue ? (
          <Link href={`/dialogues/${dialogue.slug}`} className="text-sm">
            {dialogue.name}
          </Link>
        ) : (
          <p className="text-sm">{dialogue.name}</p>
        )}
        <h1 className="mt-1">{paper.title}</h1>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t("papers.kind")}</dt>
          <dd>{t(`kind.${paper.kind}`)}</dd>
          <dt className="font-medium">{t("papers.status")}</dt>
          <dd>
            <StatusBadge status={paper.status} t={t} />
          </dd>
          <dt className="font-medium">{t("papers.revision")}</dt>
          <dd>{latestRevision ? t("papers.revNumber", { n: latestRevision.number }) : t("papers.noRevision")}</dd>
          {latestRevision && (
            <>
              <dt className="font-medium">{t("papers.hash")}</dt>
              <dd className="break-all font-mono text-xs">{latestRevision.contentHash}</dd>
            </>
          )}
          <dt className="font-medium">{t("papers.lastChange")}</dt>
          <dd>
            <time dateTime={paper.updatedAt.toISOString()}>{date.format(paper.updatedAt)} UTC</time>
          </dd>
        </dl>
      </div>
      {imported && <ImportSummaryNotice summary={imported} t={t} />}
      <WorkflowPanel
        paper={paper}
        abilities={paperAbilities(actor, paper)}
        nextRevision={(latestRevision?.number ?? 0) + 1}
        bracketed={hasBracketedText(content)}
        pendingSuggestions={[...pending].map(([partnerId, count]) => ({ partner: partnerName(partnerId), count }))}
        t={t}
      />
      {can(actor, "paper.export", paper) && (
        <ExportMenu
          paperId={paper.id}
          revision="live"
          annotations={can(actor, "paper.exportAnnotations", paper)}
          t={t}
        />
      )}
      <section className="card" aria-labelledby="text-heading">
        <h2 id="text-heading" className="mb-1">
          {t("papers.text")}
        </h2>
        {can(actor, "paper.viewComments", paper) ? (
          <PaperEditor
            paperId={paper.id}
            title={paper.title}
            user={presenceUser}
            canEdit={canEdit}
            canMarkAgreement={can(actor, "paper.markAgreement", paper)}
            canSuggest={canSuggest}
            suggestOnly={canSuggest && !canEdit}
            partnerId={actor.memberships.get(dialogue.id)?.partnerId ?? null}
            comments={{
              threads: threads ?? [],
              members,
              canComment: can(actor, "paper.comment", paper),
              canDecide: can(actor, "paper.decideSuggestions", paper),
              withdrawAs: suggestionVoice(actor, paper),
              labels: catalogs[locale].comments,
              locale,
            }}
            readOnlyReason={readOnly && readOnlyMessage(readOnly, paper, t)}
            labels={catalogs[locale].editor}
          >
            {/* The stored text: what is seen before the live text loads, or without JavaScript. */}
            <DocumentView
              doc={content}
              label={t("papers.textOf", { title: paper.title })}
              notesLabel={t("editor.footnotes")}
              adRefLabel={t("editor.adRefMarker")}
            />
          </PaperEditor>
        ) : (
          // Without the threads (the HLD reviewer): the agreed text alone, no live socket.
          <DocumentView
            doc={agreedContent(content)}
            label={t("papers.textOf", { title: paper.title })}
            notesLabel={t("editor.footnotes")}
            adRefLabel={t("editor.adRefMarker")}
          />
        )}
      </section>
    </div>
  );
}
