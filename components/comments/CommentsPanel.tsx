"use client";
// The side panel next to the live text: comment threads in document order (resolved ones behind
// a filter, detached ones marked), starting a thread on the selected passage, replies, editing and
// deleting one's own comments, resolving; and the pending suggestions with accept / reject for
// those the policy allows. Every write goes through a server action; what is shown as allowed
// comes from the server (abilities, canEdit / canResolve per item).
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import {
  createThreadAction,
  decideSuggestionsAction,
  deleteCommentAction,
  editCommentAction,
  replyAction,
  resolveThreadAction,
} from "@/app/actions/comments";
import { fill } from "@/components/editor/labels";
import { anchorPositions, suggestionsIn } from "@/lib/editor/annotation-view";
import { COMMENT_ANCHOR, newAnchorId, partnerColor } from "@/lib/editor/annotations";
import { suggestModeKey } from "@/lib/editor/suggest-mode";
import type { Messages } from "@/lib/i18n/messages/en";
import type { ActionState } from "@/server/action-result";
import type { MemberView, ThreadView } from "@/server/queries/comments";
import { CommentBody } from "./CommentBody";

export type CommentLabels = Messages["comments"];

export type CommentsPanelProps = {
  editor: Editor;
  paperId: string;
  userId: string;
  threads: ThreadView[];
  members: MemberView[];
  labels: CommentLabels;
  locale: string;
  canComment: boolean;
  canDecide: boolean;
  /** Whether this page can write its own anchors into the shared text now. */
  canAnchor: boolean;
  active: string | null;
  onActivate: (threadId: string | null) => void;
  /** Reload the threads (after one of this user's own changes). */
  onChanged: () => void;
};

type Feedback = { ok: boolean; message: string } | null;

function useDate(locale: string) {
  return useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
    [locale],
  );
}

/** A textarea that offers the dialogue's members when the last word starts with @. */
function MentionTextarea({
  id,
  label,
  value,
  onChange,
  members,
  labels,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  members: MemberView[];
  labels: CommentLabels;
  describedBy?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const match = /(?:^|\s)@([^\s@]{0,40})$/u.exec(value);
  const query = match?.[1]?.toLowerCase() ?? null;
  const options = query === null ? [] : members.filter((m) => m.name.toLowerCase().includes(query)).slice(0, 6);
  const choose = (name: string) => {
    if (!match) return;
    const start = value.length - (match[1]?.length ?? 0);
    onChange(`${value.slice(0, start)}${name} `);
    ref.current?.focus();
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        ref={ref}
        id={id}
        className="input min-h-20"
        value={value}
        maxLength={10_000}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {options.length > 0 && (
        <ul className="mention-options" aria-label={labels.mentionList}>
          {options.map((m) => (
            <li key={m.id}>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => choose(m.name)}>
                {fill(labels.mention, { name: `${m.name} (${m.partner})` })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Thread({
  thread,
  props,
  position,
  memberNames,
}: {
  thread: ThreadView;
  props: CommentsPanelProps;
  position: number | undefined;
  memberNames: string[];
}) {
  const { labels, members, canComment, onChanged, active, onActivate } = props;
  const date = useDate(props.locale);
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

function Suggestions({
  props,
  onExplain,
}: {
  props: CommentsPanelProps;
  /** Starts a comment thread on the suggested text (absent for those who may not comment). */
  onExplain?: (from: number, to: number) => void;
}) {
  const { editor, labels, members, canDecide, paperId } = props;
  const s = labels.suggestions;
  const suggestions =
    useEditorState({ editor, selector: ({ editor: e }) => (e ? suggestionsIn(e.state.doc) : []) }) ?? [];
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const memberById = new Map(members.map((m) => [m.id, m]));
  const decide = async (
    decision: "accept" | "reject",
    scope: Parameters<typeof decideSuggestionsAction>[0]["scope"],
  ) => {
    setBusy(true);
    try {
      const result = await decideSuggestionsAction({ paperId, decision, scope });
      setFeedback(result ? { ok: result.ok, message: result.message } : null);
    } finally {
      setBusy(false);
    }
  };
  const partners = [...new Set(suggestions.map((x) => x.partnerId).filter((p): p is string => p !== null))];
  const partnerName = (id: string) => members.find((m) => m.partnerId === id)?.partner ?? id;
  return (
    <section aria-labelledby="suggestions-heading" className="flex flex-col gap-2">
      <h3 id="suggestions-heading" className="text-sm font-semibold">
        {s.title} ({suggestions.length})
      </h3>
      {suggestions.length === 0 ? (
        <p className="muted text-sm">{s.none}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={s.title}>
          {suggestions.map((x) => {
            const member = memberById.get(x.userId);
            const name = member?.name ?? "?";
            const change = fill(x.kind === "insert" ? s.insert : s.delete, { text: x.text });
            return (
              <li key={x.id} className="suggestion-entry" data-suggestion-id={x.id} data-kind={x.kind}>
                <span
                  className="suggestion-swatch"
                  style={{ backgroundColor: partnerColor(x.partnerId) }}
                  aria-hidden="true"
                />
                <span className="text-sm">
                  <strong>{member ? fill(labels.by, { name, partner: member.partner }) : name}</strong>: {change}
                </span>
                {(canDecide || onExplain) && (
                  <span className="flex gap-1">
                    {onExplain && (
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        aria-label={fill(s.explainOne, { name, change })}
                        onClick={() => onExplain(x.pos, x.pos + x.text.length)}
                      >
                        {s.explain}
                      </button>
                    )}
                    {canDecide && (
                      <>
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          disabled={busy}
                          aria-label={fill(s.acceptOne, { name, change })}
                          onClick={() => void decide("accept", { kind: "one", id: x.id })}
                        >
                          {s.accept}
                        </button>
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          disabled={busy}
                          aria-label={fill(s.rejectOne, { name, change })}
                          onClick={() => void decide("reject", { kind: "one", id: x.id })}
                        >
                          {s.reject}
                        </button>
                      </>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canDecide && suggestions.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {partners.map((p) => (
            <span key={p} className="flex gap-1">
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={busy}
                onClick={() => void decide("accept", { kind: "partner", partnerId: p })}
              >
                {fill(s.acceptPartner, { partner: partnerName(p) })}
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={busy}
                onClick={() => void decide("reject", { kind: "partner", partnerId: p })}
              >
                {fill(s.rejectPartner, { partner: partnerName(p) })}
              </button>
            </span>
          ))}
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy}
            onClick={() => void decide("accept", { kind: "all" })}
          >
            {s.acceptAll}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy}
            onClick={() => void decide("reject", { kind: "all" })}
          >
            {s.rejectAll}
          </button>
        </div>
      )}
      {feedback && (
        <p role={feedback.ok ? "status" : "alert"} className="text-sm">
          {feedback.message}
        </p>
      )}
    </section>
  );
}

export function CommentsPanel(props: CommentsPanelProps) {
  const { editor, labels, threads, members, canComment, canAnchor, paperId, userId, onChanged } = props;
  const [showResolved, setShowResolved] = useState(false);
  const [draft, setDraft] = useState<{ quote: string; body: string } | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const range = useRef<{ from: number; to: number } | null>(null);
  const bodyId = useId();
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
  // The passage being commented follows concurrent edits while the comment is written.
  useEffect(() => {
    const follow = ({ transaction }: { transaction: import("@tiptap/pm/state").Transaction }) => {
      if (!range.current || !transaction.docChanged) return;
      range.current = {
        from: transaction.mapping.map(range.current.from, 1),
        to: transaction.mapping.map(range.current.to, -1),
      };
    };
    editor.on("transaction", follow);
    return () => {
      editor.off("transaction", follow);
    };
  }, [editor]);

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

  const startOn = (from: number, to: number) => {
    if (from >= to) return;
    range.current = { from, to };
    setDraft({ quote: editor.state.doc.textBetween(from, to, " ", " ").trim().slice(0, 500), body: "" });
    setFeedback(null);
  };
  const start = () => {
    const { from, to, empty } = editor.state.selection;
    if (!empty) startOn(from, to);
  };
  // A suggestion explained: the thread is anchored on exactly the suggested words.
  const explain = (from: number, to: number) => {
    // The words themselves, without the spaces typed around them.
    const text = editor.state.doc.textBetween(from, to, " ", " ");
    const first = from + (text.length - text.trimStart().length);
    const last = to - (text.length - text.trimEnd().length);
    editor.commands.setTextSelection({ from: first, to: last });
    startOn(first, last);
  };

  const post = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft?.body.trim() || !range.current) return;
    setBusy(true);
    try {
      const anchorId = newAnchorId(userId);
      const result = await createThreadAction({ paperId, anchorId, quote: draft.quote, body: draft.body });
      setFeedback(result ? { ok: result.ok, message: result.message } : null);
      if (!result?.ok) return;
      const { from, to } = range.current;
      const type = editor.schema.marks[COMMENT_ANCHOR];
      if (type && from < to && canAnchor) {
        editor.view.dispatch(
          editor.state.tr.addMark(from, to, type.create({ id: anchorId })).setMeta(suggestModeKey, "anchor"),
        );
      }
      range.current = null;
      setDraft(null);
      onChanged();
    } finally {
      setBusy(false);
    }
  };

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
        <form onSubmit={post} className="comment-thread flex flex-col gap-2">
          <p className="text-sm">{fill(labels.newThread, { quote: draft.quote })}</p>
          <MentionTextarea
            id={bodyId}
            label={labels.bodyLabel}
            value={draft.body}
            onChange={(body) => setDraft({ ...draft, body })}
            members={members}
            labels={labels}
            describedBy={`${bodyId}-help`}
          />
          <p id={`${bodyId}-help`} className="muted text-xs">
            {labels.bodyHelp}
          </p>
          <div className="flex gap-2">
            <button type="submit" className="btn btn-primary btn-small" disabled={busy || !draft.body.trim()}>
              {labels.post}
            </button>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setDraft(null)}>
              {labels.cancel}
            </button>
          </div>
        </form>
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
            <Thread
              key={thread.id}
              thread={thread}
              props={props}
              position={positions.get(thread.anchorId)}
              memberNames={memberNames}
            />
          ))
        )}
      </section>
      <Suggestions props={props} onExplain={canComment && canAnchor ? explain : undefined} />
    </aside>
  );
}
