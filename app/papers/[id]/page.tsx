import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentView } from "@/components/DocumentView";
import { PaperEditor } from "@/components/editor/PaperEditor";
import { ExportMenu } from "@/components/export/ExportMenu";
import { ImportSummaryNotice } from "@/components/export/ImportSummaryNotice";
import { FlashArea } from "@/components/FlashArea";
import { StatusBadge } from "@/components/PaperTable";
import { LanguageVersions } from "@/components/versions/LanguageVersions";
import { OutdatedTranslations } from "@/components/versions/OutdatedTranslations";
import { NegotiationPanel } from "@/components/workflow/NegotiationPanel";
import { PositionPrompt } from "@/components/workflow/PositionPrompt";
import { RoundSummary } from "@/components/workflow/RoundSummary";
import { SubmittedLead } from "@/components/workflow/SubmittedLead";
import { WorkflowPanel } from "@/components/workflow/WorkflowPanel";
import { getDb } from "@/db/client";
import { partnerLabel } from "@/lib/countries";
import { hasBracketedText } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import { userColor } from "@/lib/editor/presence";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { catalogs } from "@/lib/i18n/translate";
import { languageName, versionLanguagesOf } from "@/lib/language-versions";
import { currentActor } from "@/server/auth/current";
import { actorOrSignIn } from "@/server/auth/guard";
import { leadCandidates, sessionLead } from "@/server/domain/live-session";
import { getTranslator } from "@/server/locale";
import {
  can,
  type PaperRef,
  paperAbilities,
  type ReadOnlyReason,
  readOnlyReason,
  suggestionVoice,
  textIsOpen,
} from "@/server/policy";
import { dialogueMembers, pendingSuggestionCounts, threadsOfPaper } from "@/server/queries/comments";
import { importSummaryFor } from "@/server/queries/import-summary";
import { languageFamily, parallelReading } from "@/server/queries/language-versions";
import { dialoguePartnerNames } from "@/server/queries/ledger";
import { paperForRequest } from "@/server/queries/paper-page";
import { findSubmission, latestRound } from "@/server/queries/workflow";

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
  const canHandLead = can(actor, "paper.handLead", paper);
  const [family, translation] = await Promise.all([
    languageFamily(db, actor, paper),
    // A language version: its paragraphs beside the original's, for the numbers and outdated ones.
    paper.originalId ? parallelReading(db, actor, paper.originalId, paper.id) : null,
  ]);
  const versionLabels = catalogs[locale].versions;
  const [threads, members, pending, imported, round, submission, partnerNames, lead, candidateIds] = await Promise.all([
    threadsOfPaper(db, actor, paper, locale),
    // The people one may @mention: only for whoever takes part in the discussion.
    can(actor, "paper.viewComments", paper) ? dialogueMembers(db, dialogue.id, locale) : [],
    // The chair about to freeze is told what is still pending.
    can(actor, "paper.freezeRevision", paper)
      ? pendingSuggestionCounts(db, actor, paper)
      : new Map<string | null, number>(),
    // Just imported from Word: what came with the text (only for whoever imported it).
    justImported ? importSummaryFor(db, actor, paper.id) : null,
    // A language version is approved and submitted with its original (issue 19).
    paper.status === "approval"
      ? latestRound(db, { id: paper.originalId ?? paper.id, dialogueId: paper.dialogueId })
      : null,
    paper.status === "submitted" ? findSubmission(db, paper.originalId ?? paper.id) : null,
    dialoguePartnerNames(db, dialogue.id, locale),
    sessionLead(db, paper.id),
    // Whom the chair may hand the lead to: asked of the policy here, not left to the server's refusal.
    canHandLead ? leadCandidates(db, paper) : new Set<string>(),
  ]);
  // The ledger's margin, in every view of the text (live, before it loads, without JavaScript).
  const ledger = { labels: catalogs[locale].ledger, partnerNames, locale };
  const now = new Date();
  const openRound = round && !round.closedAt ? round : null;
  // The viewer's state, when it has not answered the open round and they may answer for it.
  const own = actor.memberships.get(dialogue.id);
  const ownLine = own && openRound?.positions.find((p) => p.partnerId === own.partnerId);
  const positionDue =
    openRound && ownLine && !ownLine.value && openRound.deadline > now
      ? can(actor, "paper.takePosition", { ...paper, partnerId: ownLine.partnerId, partnerKind: "state" })
        ? ownLine
        : undefined
      : undefined;
  const mayExport = can(actor, "paper.export", paper);
  const partnerName = (partnerId: string | null) =>
    members.find((m) => m.partnerId === partnerId)?.partner ?? t("workflow.noPartner");
  // Who the actor is to the others (the editor's presence, shown only with the members loaded):
  // the partner they represent here, as the member list names it (already in the viewer's
  // language, hence no ISO3 code).
  const representing = actor.memberships.has(dialogue.id) ? members.find((m) => m.id === actor.id) : undefined;
  const presenceUser = {
    id: actor.id,
    name: actor.name,
    partner: representing
      ? representing.partner
      : actor.globalRole
        ? t(`globalRole.${actor.globalRole}`)
        : dialogue.name,
    iso3: null,
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
          {family.length > 1 && (
            <>
              <dt className="font-medium">{t("versions.language")}</dt>
              <dd data-testid="paper-language">
                {paper.originalId
                  ? languageName(paper.language, locale)
                  : t("versions.original", { language: languageName(paper.language, locale) })}
              </dd>
            </>
          )}
          <dt className="font-medium">{t("papers.status")}</dt>
          <dd>
            <StatusBadge status={paper.status} t={t} />
          </dd>
          <dt className="font-medium">{t("papers.revision")}</dt>
          <dd>
            {latestRevision?.number ? t("papers.revNumber", { n: latestRevision.number }) : t("papers.noRevision")}
          </dd>
          {latestRevision?.documentSymbol && (
            <>
              <dt className="font-medium">{t("paperPage.symbol")}</dt>
              <dd data-testid="document-symbol">{latestRevision.documentSymbol}</dd>
            </>
          )}
          {latestRevision?.contentHash && (
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
      <FlashArea t={t} />
      {imported && <ImportSummaryNotice summary={imported} t={t} />}
      {submission && (
        <SubmittedLead
          paperId={paper.id}
          submission={submission}
          documentSymbol={latestRevision?.documentSymbol ?? null}
          mayExport={mayExport}
          locale={locale}
          t={t}
        />
      )}
      {openRound && positionDue && (
        <PositionPrompt
          paperId={paper.id}
          partnerId={positionDue.partnerId}
          partner={partnerLabel({ name: positionDue.partner, iso3: positionDue.iso3 }, locale)}
          round={openRound}
          locale={locale}
          now={now}
          t={t}
        />
      )}
      {translation && (
        <OutdatedTranslations
          versionId={paper.id}
          rows={translation.rows}
          canConfirm={can(actor, "paper.confirmTranslation", paper)}
          originalLanguage={translation.original.language}
          t={t}
        />
      )}
      {/* The text first, as wide as the comments beside it allow; the negotiation panel beside it
          where the screen has room for both (kept in view while the text scrolls), folded away on
          a laptop, after the text on a phone (NegotiationPanel). */}
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_22rem] 2xl:items-start">
        <section className="card min-w-0" aria-labelledby="text-heading">
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
              ledgerPartners={Object.entries(partnerNames).map(([id, name]) => ({ id, name }))}
              ledgerLabels={catalogs[locale].ledger}
              followLead={{
                lead,
                canHandLead,
                candidates: members.filter((m) => candidateIds.has(m.id)),
                labels: catalogs[locale].liveSession,
              }}
              version={
                translation
                  ? {
                      beside: translation.originalText,
                      outdated: translation.rows.flatMap((row) => (row.outdated && row.pid ? [row.pid] : [])),
                      labels: {
                        outdated: versionLabels.outdated,
                        originalParagraph: versionLabels.originalParagraph,
                        originalBlock: versionLabels.originalBlock,
                        onlyInVersion: versionLabels.onlyInVersion,
                      },
                      besideLanguage: translation.original.language,
                      sideBySide: false,
                    }
                  : undefined
              }
            >
              {/* The stored text: what is seen before the live text loads, or without JavaScript. */}
              <DocumentView
                doc={content}
                label={t("papers.textOf", { title: paper.title })}
                notesLabel={t("editor.footnotes")}
                adRefLabel={t("editor.adRefMarker")}
                ledger={ledger}
              />
            </PaperEditor>
          ) : (
            // Without the threads (the HLD reviewer): the agreed text alone, no live socket.
            <DocumentView
              doc={agreedContent(content)}
              label={t("papers.textOf", { title: paper.title })}
              notesLabel={t("editor.footnotes")}
              adRefLabel={t("editor.adRefMarker")}
              ledger={ledger}
            />
          )}
        </section>
        <NegotiationPanel
          labels={{ panel: t("paperPage.panel"), open: t("paperPage.panelOpen"), close: t("paperPage.panelClose") }}
        >
          {openRound && (
            <RoundSummary
              paperId={paper.id}
              round={{
                ...openRound,
                answered: openRound.positions.filter((p) => p.value).length,
                total: openRound.positions.length,
              }}
              locale={locale}
              now={now}
              t={t}
            />
          )}
          <WorkflowPanel
            paper={paper}
            abilities={paperAbilities(actor, paper)}
            nextRevision={(latestRevision?.number ?? 0) + 1}
            latestRevision={latestRevision?.number ?? null}
            bracketed={hasBracketedText(content)}
            pendingSuggestions={[...pending].map(([partnerId, count]) => ({ partner: partnerName(partnerId), count }))}
            t={t}
          />
          {/* Live-draft files only while the text can change; then the frozen revision's. */}
          {mayExport && !submission && textIsOpen(paper.status) && (
            <ExportMenu
              paperId={paper.id}
              revision="live"
              annotations={can(actor, "paper.exportAnnotations", paper)}
              t={t}
            />
          )}
          {mayExport && !submission && !textIsOpen(paper.status) && latestRevision?.number && (
            <ExportMenu
              paperId={paper.id}
              revision={latestRevision.number}
              heading={t("paperPage.revisionFiles", { n: latestRevision.number })}
              help={t("paperPage.revisionFilesHelp", { n: latestRevision.number })}
              t={t}
            />
          )}
        </NegotiationPanel>
      </div>
      <LanguageVersions
        paperId={paper.id}
        family={family}
        languages={versionLanguagesOf(dialogue.otherLanguages)}
        canAdd={can(actor, "paper.addLanguageVersion", paper)}
        locale={locale}
        t={t}
      />
    </div>
  );
}
