"use client";
// The side panel next to the live text: comment threads in document order (resolved ones behind
// a filter, detached ones marked), starting a thread on the selected passage, and the pending
// suggestions. Every write goes through a server action; what is shown as allowed comes from the
// server (abilities, canEdit / canResolve per item).
import { useEditorState } from "@tiptap/react";
import { useId, useMemo, useState } from "react";
import { anchorPositions } from "@/lib/editor/annotation-view";
import { fill } from "@/lib/i18n/fill";
import { CommentThread } from "./CommentThread";
import { NewCommentForm } from "./NewCommentForm";
import { SuggestionList } from "./SuggestionList";
import type { CommentsPanelProps } from "./types";
import { useCommentDraft } from "./useCommentDraft";

export function CommentsPanel(props: CommentsPanelProps) {
  const { editor, labels, threads, members, canComment, canAnchor, paperId, userId, onChanged } = props;
  const [showResolved, setShowResolved] = useState(false);
  const { draft, setDraft, feedback, busy, start, explain, post } = useCommentDraft({
    editor,
    paperId,
    userId,
    canAnchor,
    onChanged,
  });
  const helpId = useId();
  const view = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e) return { positions: new Map<string, number>(), selection: "" };
      const { from, to, empty } = e.state.selection;
      return {
        positions: anchorPositions(e.state.doc),
        selection: empty ? "" : e.state.doc.textBetween(from, to, " ", " ").trim(),
      };
    },
  });

  const positions = view?.positions ?? new Map<string, number>();
  const memberNames = useMemo(() => members.map((m) => m.name), [members]);
  const ordered = [...threads].sort((a, b) => {
    const pa = positions.get(a.anchorId) ?? Number.MAX_SAFE_INTEGER;
    const pb = positions.get(b.anchorId) ?? Number.MAX_SAFE_INTEGER;
    return pa - pb || a.createdAt.localeCompare(b.createdAt);
  });
  const open = ordered.filter((t) => t.resolvedAt === null);
  const resolved = ordered.filter((t) => t.resolvedAt !== null);
  const shown = showResolved ? ordered : open;

  return (
    <aside className="comments-panel flex flex-col gap-3" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="text-base font-semibold">
        {labels.panel}
      </h2>
      {canComment && (
        <div className="flex flex-col gap-1">
          <button
            type="button"
            className="btn btn-primary btn-small self-start"
            onClick={start}
            disabled={!view?.selection}
            aria-describedby={helpId}
          >
            {labels.commentOnSelection}
          </button>
          <p id={helpId} className="muted text-xs">
            {labels.selectFirst}
          </p>
        </div>
      )}
      {draft && (
        <NewCommentForm
          draft={draft}
          onChange={setDraft}
          onCancel={() => setDraft(null)}
          onSubmit={post}
          busy={busy}
          members={members}
          labels={labels}
        />
      )}
      {feedback && (
        <p role={feedback.ok ? "status" : "alert"} className="text-sm">
          {feedback.message}
        </p>
      )}
      <section aria-labelledby="threads-heading" className="flex flex-col gap-2">
        <h3 id="threads-heading" className="text-sm font-semibold">
          {labels.threads} ({open.length})
        </h3>
        {resolved.length > 0 && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
            {fill(labels.showResolved, { count: resolved.length })}
          </label>
        )}
        {shown.length === 0 ? (
          <p className="muted text-sm">{labels.none}</p>
        ) : (
          shown.map((thread) => (
            <CommentThread
              key={thread.id}
              thread={thread}
              position={positions.get(thread.anchorId)}
              memberNames={memberNames}
              members={members}
              labels={labels}
              locale={props.locale}
              canComment={canComment}
              active={props.active}
              onActivate={props.onActivate}
              onChanged={onChanged}
            />
          ))
        )}
      </section>
      <SuggestionList
        editor={editor}
        labels={labels}
        members={members}
        canDecide={props.canDecide}
        withdrawAs={props.withdrawAs}
        paperId={paperId}
        onExplain={canComment && canAnchor ? explain : undefined}
      />
    </aside>
  );
}
