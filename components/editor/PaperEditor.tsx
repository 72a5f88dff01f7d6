"use client";
// The live, shared text of a paper: the connection (useCollabSession), its status and who is
// present, why it is read-only, the suggest-mode switch, and the editor with its comments panel.
// Until the first sync the server-rendered text (children) stays on screen, so the page is
// readable without JavaScript and an editor is never mounted on an empty Y.Doc (which would
// write an empty paragraph into the shared document).
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { listThreadsAction } from "@/app/actions/comments";
import type { SessionLead } from "@/lib/collab/wire";
import type { PresenceUser } from "@/lib/editor/presence";
import type { VersionMarginOptions } from "@/lib/editor/version-margin";
import { fill } from "@/lib/i18n/fill";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages/en";
import { blockLedgerStatus, ledgerLabel } from "@/lib/ledger";
import type { ThreadView } from "@/server/queries/comments";
import { ConnectionStatus } from "./ConnectionStatus";
import { EditorSurface } from "./EditorSurface";
import { FollowLead, type FollowLeadLabels } from "./FollowLead";
import { KeptTypingNotice } from "./KeptTypingNotice";
import { LedgerControl } from "./LedgerControl";
import type { EditorLabels } from "./labels";
import { PresenceList } from "./PresenceList";
import { SuggestModeSwitch } from "./SuggestModeSwitch";
import type { CommentsSetup } from "./session";
import { type ServerNotice, useCollabSession } from "./useCollabSession";
import { useLeaveWarning } from "./useLeaveWarning";
import { useParagraphAddress } from "./useParagraphAddress";

type Props = {
  paperId: string;
  title: string;
  user: PresenceUser;
  /** What the policy allowed when the page was rendered. */
  canEdit: boolean;
  /** Whether the policy lets this user mark paragraphs [bracketed] or ad ref. */
  canMarkAgreement?: boolean;
  /** Whether the policy lets this user suggest changes (`paper.suggest`). */
  canSuggest?: boolean;
  /** Suggesting is all this user may do (delegate in consultation). */
  suggestOnly?: boolean;
  /** The partner the user speaks for in this dialogue (part of their suggestion ids). */
  partnerId?: string | null;
  /** Comment threads and suggestions beside the text; none when absent. */
  comments?: CommentsSetup;
  /** Why the text is read-only for this user, already translated (null when editable). */
  readOnlyReason: string | null;
  labels: EditorLabels;
  /** The dialogue's delegations, named in the ledger of agreement (brackets held, ad ref.). */
  ledgerPartners?: { id: string; name: string }[];
  /** The ledger's strings: with them, each block's status shows beside it (and the chair's control). */
  ledgerLabels?: Messages["ledger"];
  /** The stored text, rendered on the server, shown until the live text has loaded. */
  children: ReactNode;
  /** A language version (issue 19): its original, for the numbers, outdated flags and side-by-side cells. */
  version?: VersionMarginOptions;
  /** "Follow the chair" (absent: not offered): who leads, whether this user may hand the lead, to whom. */
  followLead?: {
    lead: SessionLead;
    canHandLead: boolean;
    candidates: { id: string; name: string; partner: string }[];
    labels: FollowLeadLabels;
  };
};

export function PaperEditor({
  paperId,
  title,
  user,
  canEdit,
  canMarkAgreement = false,
  canSuggest = false,
  suggestOnly = false,
  partnerId = null,
  comments,
  readOnlyReason,
  labels,
  ledgerPartners = [],
  ledgerLabels,
  children,
  followLead,
  version,
}: Props) {
  const [suggestToggle, setSuggestToggle] = useState(false);
  const [threads, setThreads] = useState<ThreadView[]>(comments?.threads ?? []);
  const [active, setActive] = useState<string | null>(null);
  const [notice, setNotice] = useState<ServerNotice | "blocked" | null>(null);
  const refreshThreads = useCallback(() => {
    listThreadsAction(paperId)
      .then(setThreads)
      .catch(() => {});
  }, [paperId]);
  const onServerNotice = useCallback((kind: ServerNotice) => setNotice(kind), []);
  const {
    session,
    generation,
    connection,
    loaded,
    synced,
    unsynced,
    serverReadOnly,
    refused,
    peers,
    rights,
    kept,
    setKept,
  } = useCollabSession({
    paperId,
    user,
    initialRights: { suggestOnly, commentOnly: !canEdit && !canSuggest },
    onCommentsChanged: refreshThreads,
    onServerNotice,
  });

  const writable = (canEdit || canSuggest) && !rights.commentOnly;
  const editable = writable && !serverReadOnly && !refused;
  const suggestMode = editable && (rights.suggestOnly || suggestToggle);
  const openThreads = useMemo(
    () => new Set(threads.filter((t) => t.resolvedAt === null).map((t) => t.anchorId)),
    [threads],
  );
  const activeAnchor = threads.find((t) => t.id === active)?.anchorId ?? null;
  const onSuggestBlocked = useCallback(
    (attempted: string) => {
      setNotice("blocked");
      if (attempted) setKept({ cause: "blocked", text: attempted });
    },
    [setKept],
  );
  const commentLabels = comments?.labels;
  const countLabel = useCallback(
    (t: number, s: number) => (commentLabels ? fill(commentLabels.paragraphCount, { threads: t, suggestions: s }) : ""),
    [commentLabels],
  );
  const locale = comments?.locale ?? "en";
  const ledgerLabelOf = useMemo(() => {
    if (!ledgerLabels) return undefined;
    const names = Object.fromEntries(ledgerPartners.map((p) => [p.id, p.name]));
    return (block: Parameters<typeof blockLedgerStatus>[0]) => {
      const status = blockLedgerStatus(block);
      return status.status === "pending" ? null : ledgerLabel(status, ledgerLabels, names, locale);
    };
  }, [ledgerLabels, ledgerPartners, locale]);
  useLeaveWarning(editable && unsynced > 0);
  useParagraphAddress(Boolean(session && loaded));
  const reload = useCallback(() => window.location.reload(), []);

  const reason = refused
    ? null
    : serverReadOnly && writable
      ? labels.readOnly.server
      : writable
        ? null
        : readOnlyReason;

  return (
    <div className="paper-editor flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ConnectionStatus
          connection={connection}
          refused={refused}
          loaded={loaded}
          synced={synced}
          editable={editable}
          unsynced={unsynced}
          labels={labels.status}
        />
        <PresenceList peers={peers} labels={labels} locale={isLocale(locale) ? locale : defaultLocale} />
      </div>
      {reason && (
        <p className="read-only-reason" data-testid="read-only-reason">
          <strong>{labels.readOnly.title}:</strong> {reason}
        </p>
      )}
      {refused && (
        <div role="alert" className="editor-alert">
          <p>{labels.refused}</p>
          <button type="button" className="btn btn-secondary mt-2" onClick={reload}>
            {labels.reload}
          </button>
        </div>
      )}
      {followLead && session && loaded && (
        <FollowLead session={session} paperId={paperId} userId={user.id} {...followLead} />
      )}
      {commentLabels && editable && (canSuggest || rights.suggestOnly) && (
        <SuggestModeSwitch
          on={suggestMode}
          locked={rights.suggestOnly}
          onToggle={() => setSuggestToggle((on) => !on)}
          labels={commentLabels.suggestions}
        />
      )}
      {notice && (notice === "tooLarge" || notice === "tooFast" || commentLabels) && (
        <p role="status" className="editor-notice text-sm" data-testid="editor-notice">
          {notice === "tooLarge"
            ? labels.tooLarge
            : notice === "tooFast"
              ? labels.tooFast
              : notice === "refused"
                ? commentLabels?.suggestions.refused
                : commentLabels?.suggestions.blocked}
        </p>
      )}
      {kept && <KeptTypingNotice kept={kept} labels={labels.kept} onDismiss={() => setKept(null)} />}
      {session && loaded ? (
        <EditorSurface
          key={generation}
          session={session}
          user={user}
          editable={editable}
          canMarkAgreement={canMarkAgreement}
          labels={labels}
          title={title}
          suggestMode={suggestMode}
          partnerId={partnerId}
          onSuggestBlocked={onSuggestBlocked}
          openThreads={openThreads}
          activeAnchor={activeAnchor}
          countLabel={countLabel}
          ledgerLabel={ledgerLabelOf}
          version={version}
          panel={
            comments && commentLabels
              ? {
                  paperId,
                  userId: user.id,
                  threads,
                  members: comments.members,
                  labels: commentLabels,
                  locale: comments.locale,
                  canComment: comments.canComment,
                  canDecide: comments.canDecide,
                  withdrawAs: comments.withdrawAs,
                  canAnchor: !refused && !serverReadOnly && connection === "connected",
                  active,
                  onActivate: setActive,
                  onChanged: refreshThreads,
                }
              : null
          }
        />
      ) : (
        <div aria-busy="true">
          <p className="muted mb-3">{labels.loading}</p>
          {children}
        </div>
      )}
      {session && loaded && editable && canMarkAgreement && !suggestMode && ledgerLabels && (
        <LedgerControl doc={session.doc} partners={ledgerPartners} labels={ledgerLabels} locale={locale} />
      )}
    </div>
  );
}
