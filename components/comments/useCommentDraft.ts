"use client";
// A new comment thread while it is written: the passage it is on (which follows concurrent
// edits), its quote and body, and posting it: the thread is created by a server action, then
// this page writes its own anchor mark over the passage.
import type { Editor } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { createThreadAction } from "@/app/actions/comments";
import { COMMENT_ANCHOR, newAnchorId } from "@/lib/editor/annotations";
import { suggestModeKey } from "@/lib/editor/suggest-mode";
import type { Feedback } from "./types";

export type CommentDraft = { quote: string; body: string };

export function useCommentDraft({
  editor,
  paperId,
  userId,
  canAnchor,
  onChanged,
}: {
  editor: Editor;
  paperId: string;
  userId: string;
  canAnchor: boolean;
  onChanged: () => void;
}) {
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const range = useRef<{ from: number; to: number } | null>(null);

  // The passage being commented follows concurrent edits while the comment is written.
  useEffect(() => {
    const follow = ({ transaction }: { transaction: Transaction }) => {
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

  const startOn = (from: number, to: number) => {
    if (from >= to) return;
    range.current = { from, to };
    setDraft({ quote: editor.state.doc.textBetween(from, to, " ", " ").trim().slice(0, 500), body: "" });
    setFeedback(null);
  };
  /** A thread on the selected passage. */
  const start = () => {
    const { from, to, empty } = editor.state.selection;
    if (!empty) startOn(from, to);
  };
  /** A suggestion explained: the thread is anchored on exactly the suggested words. */
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

  return { draft, setDraft, feedback, busy, start, explain, post };
}
