"use client";
// One comment thread: the quoted passage (which selects the thread), its comments with editing
// and deleting one's own, a reply form, resolving or reopening. Detached threads (their passage
// deleted) and resolved ones are marked.
import { type FormEvent, useId, useMemo, useState } from "react";
import { deleteCommentAction, editCommentAction, replyAction, resolveThreadAction } from "@/app/actions/comments";
import { fill } from "@/lib/i18n/fill";
import type { ActionState } from "@/server/action-result";
import type { ThreadView } from "@/server/queries/comments";
import { CommentBody } from "./CommentBody";
import { MentionTextarea } from "./MentionTextarea";
import type { CommentsPanelProps, Feedback } from "./types";

function useDate(locale: string) {
  return useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
    [locale],
  );
}

export function CommentThread({
  thread,
  position,
  memberNames,
  members,
  labels,
  locale,
  canComment,
  active,
  onActivate,
  onChanged,
}: {
  thread: ThreadView;
  /** Where its anchor is in the text; undefined when the anchored passage is gone. */
  position: number | undefined;
  memberNames: string[];
} & Pick<CommentsPanelProps, "members" | "labels" | "locale" | "canComment" | "active" | "onActivate" | "onChanged">) {
  const date = useDate(locale);
  const [reply, setReply] = useState("");
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const replyId = useId();
  const editId = useId();
  const run = async (work: () => Promise<ActionState>, after?: () => void) => {
    setBusy(true);
    try {
      const result = await work();
      setFeedback(result ? { ok: result.ok, message: result.message } : null);
      if (result?.ok) {
        after?.();
        onChanged();
      }
    } finally {
      setBusy(false);
    }
  };
  const detached = position === undefined;
  const resolved = thread.resolvedAt !== null;
  const by = (name: string, partner: string) => (partner ? fill(labels.by, { name, partner }) : name);
  return (
    <article
      id={`thread-${thread.id}`}
      className={`comment-thread ${active === thread.id ? "comment-thread-active" : ""}`}
      aria-label={fill(labels.threadOf, { name: thread.authorName })}
      data-thread-id={thread.id}
      data-resolved={resolved ? "true" : "false"}
      data-detached={detached ? "true" : "false"}
    >
      <button
        type="button"
        className="comment-quote"
        onClick={() => onActivate(active === thread.id ? null : thread.id)}
        aria-pressed={active === thread.id}
      >
        <span className="sr-only">{labels.quoteLabel}: </span>
        <q>{thread.quote}</q>
      </button>
      {detached && <p className="comment-detached">{labels.detached}</p>}
      {resolved && <p className="muted text-xs">{labels.resolvedMark}</p>}
      <ol className="flex flex-col gap-2">
        {thread.comments.map((c, i) => (
          <li key={c.id} className="comment" data-comment-id={c.id}>
            <p className="text-xs">
              <strong>{i === 0 ? by(thread.authorName, thread.partner) : c.authorName}</strong>{" "}
              <time dateTime={c.createdAt}>{date.format(new Date(c.createdAt))} UTC</time>
              {c.editedAt && !c.deleted && <span className="muted"> {labels.editedMark}</span>}
            </p>
            {c.deleted ? (
              <p className="muted text-sm">{labels.deletedComment}</p>
            ) : editing?.id === c.id ? (
              <form
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  void run(
                    () => editCommentAction({ commentId: c.id, body: editing.body }),
                    () => setEditing(null),
                  );
                }}
                className="flex flex-col gap-1"
              >
                <MentionTextarea
                  id={editId}
                  label={labels.editLabel}
                  value={editing.body}
                  onChange={(body) => setEditing({ id: c.id, body })}
                  members={members}
                  labels={labels}
                />
                <div className="flex gap-2">
                  <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
                    {labels.save}
                  </button>
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing(null)}>
                    {labels.cancel}
                  </button>
                </div>
              </form>
            ) : (
              <CommentBody body={c.body} memberNames={memberNames} />
            )}
            {c.canEdit && editing?.id !== c.id && (
              <div className="flex gap-2">
                <button
                  type="button"
                  className="btn-link text-xs"
                  aria-label={labels.editLabel}
                  onClick={() => setEditing({ id: c.id, body: c.body })}
                >
                  {labels.edit}
                </button>
                <button
                  type="button"
                  className="btn-link text-xs"
                  aria-label={labels.deleteLabel}
                  disabled={busy}
                  onClick={() => void run(() => deleteCommentAction({ commentId: c.id }))}
                >
                  {labels.delete}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {canComment && !resolved && (
        <form
          className="flex flex-col gap-1"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (!reply.trim()) return;
            void run(
              () => replyAction({ threadId: thread.id, body: reply }),
              () => setReply(""),
            );
          }}
        >
          <MentionTextarea
            id={replyId}
            label={fill(labels.replyLabel, { name: thread.authorName })}
            value={reply}
            onChange={setReply}
            members={members}
            labels={labels}
          />
          <div>
            <button type="submit" className="btn btn-secondary btn-small" disabled={busy || !reply.trim()}>
              {labels.reply}
            </button>
          </div>
        </form>
      )}
      {thread.canResolve && (
        <button
          type="button"
          className="btn btn-secondary btn-small self-start"
          disabled={busy}
          onClick={() => void run(() => resolveThreadAction({ threadId: thread.id, resolved: !resolved }))}
        >
          {resolved ? labels.reopen : labels.resolve}
        </button>
      )}
      {feedback && !feedback.ok && (
        <p role="alert" className="text-sm text-red-800">
          {feedback.message}
        </p>
      )}
    </article>
  );
}
