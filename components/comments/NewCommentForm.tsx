"use client";
// The form for a new thread: the quoted passage, the comment (with @mentions), post or cancel.
import { type FormEvent, useId } from "react";
import { fill } from "@/lib/i18n/fill";
import type { MemberView } from "@/server/queries/comments";
import { MentionTextarea } from "./MentionTextarea";
import type { CommentLabels } from "./types";
import type { CommentDraft } from "./useCommentDraft";

export function NewCommentForm({
  draft,
  onChange,
  onCancel,
  onSubmit,
  busy,
  members,
  labels,
}: {
  draft: CommentDraft;
  onChange: (draft: CommentDraft) => void;
  onCancel: () => void;
  onSubmit: (event: FormEvent) => void;
  busy: boolean;
  members: MemberView[];
  labels: CommentLabels;
}) {
  const bodyId = useId();
  return (
    <form onSubmit={onSubmit} className="comment-thread flex flex-col gap-2">
      <p className="text-sm">{fill(labels.newThread, { quote: draft.quote })}</p>
      <MentionTextarea
        id={bodyId}
        label={labels.bodyLabel}
        value={draft.body}
        onChange={(body) => onChange({ ...draft, body })}
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
        <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}
