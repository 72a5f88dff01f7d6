"use client";
// The pending suggestions in the text, each with its decisions, and for those who decide, accept
// or reject by partner or all at once. Decisions go through a server action, which pushes the
// result into the shared text.
import { useEditorState } from "@tiptap/react";
import { useState } from "react";
import { decideSuggestionsAction, withdrawSuggestionAction } from "@/app/actions/comments";
import { suggestionIdsBetween, suggestionsIn } from "@/lib/editor/annotation-view";
import { speaksForSuggestion } from "@/lib/editor/annotations";
import { fill } from "@/lib/i18n/fill";
import { SuggestionEntry } from "./SuggestionEntry";
import type { CommentsPanelProps, Feedback } from "./types";

type Scope = Parameters<typeof decideSuggestionsAction>[0]["scope"];

export function SuggestionList({
  editor,
  labels,
  members,
  canDecide,
  withdrawAs,
  paperId,
  onExplain,
}: Pick<CommentsPanelProps, "editor" | "labels" | "members" | "canDecide" | "withdrawAs" | "paperId"> & {
  /** Starts a comment thread on the suggested text (absent for those who may not comment). */
  onExplain?: (from: number, to: number) => void;
}) {
  const s = labels.suggestions;
  const suggestions =
    useEditorState({ editor, selector: ({ editor: e }) => (e ? suggestionsIn(e.state.doc) : []) }) ?? [];
  // The suggestions in the current selection, joined (a string compares cheaply between renders).
  const selected =
    useEditorState({
      editor,
      selector: ({ editor: e }) => {
        if (!e || e.state.selection.empty) return "";
        return suggestionIdsBetween(e.state.doc, e.state.selection.from, e.state.selection.to).join(" ");
      },
    }) ?? "";
  const selectedIds = selected ? selected.split(" ") : [];
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const memberById = new Map(members.map((m) => [m.id, m]));
  const run = async (action: () => ReturnType<typeof decideSuggestionsAction>) => {
    setBusy(true);
    try {
      const result = await action();
      setFeedback(result ? { ok: result.ok, message: result.message } : null);
    } finally {
      setBusy(false);
    }
  };
  const decide = (decision: "accept" | "reject", scope: Scope) =>
    run(() => decideSuggestionsAction({ paperId, decision, scope }));
  const withdraw = (id: string) => run(() => withdrawSuggestionAction({ paperId, id }));
  const partners = [...new Set(suggestions.map((x) => x.partnerId).filter((p): p is string => p !== null))];
  const partnerName = (id: string) => members.find((m) => m.partnerId === id)?.partner ?? id;
  // The state a suggestion speaks for, as its id records it (not the author's partner today).
  const speaksFor = (id: string | null) => (id ? members.find((m) => m.partnerId === id)?.partner : undefined);
  return (
    <section aria-labelledby="suggestions-heading" className="flex flex-col gap-2">
      <h3 id="suggestions-heading" className="text-sm font-semibold">
        {s.title} ({suggestions.length})
      </h3>
      {suggestions.length === 0 ? (
        <p className="muted text-sm">{s.none}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={s.title}>
          {suggestions.map((x) => (
            <SuggestionEntry
              key={x.id}
              suggestion={x}
              member={memberById.get(x.userId)}
              labels={labels}
              busy={busy}
              partner={speaksFor(x.partnerId)}
              canDecide={canDecide}
              onDecide={(decision) => void decide(decision, { kind: "one", id: x.id })}
              onWithdraw={withdrawAs && speaksForSuggestion(withdrawAs, x) ? () => void withdraw(x.id) : undefined}
              onExplain={onExplain}
            />
          ))}
        </ul>
      )}
      {canDecide && selectedIds.length > 0 && (
        <div className="flex flex-wrap gap-1">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy}
            onClick={() => void decide("accept", { kind: "selection", ids: selectedIds })}
          >
            {fill(s.acceptSelection, { count: selectedIds.length })}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={busy}
            onClick={() => void decide("reject", { kind: "selection", ids: selectedIds })}
          >
            {fill(s.rejectSelection, { count: selectedIds.length })}
          </button>
        </div>
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
