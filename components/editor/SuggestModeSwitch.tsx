// The switch between editing and suggesting, with a word on the mode in force. Locked on for
// those who may only suggest.
import type { CommentLabels } from "@/components/comments/types";

export function SuggestModeSwitch({
  on,
  locked,
  onToggle,
  labels,
}: {
  /** Edits become suggestions now. */
  on: boolean;
  /** Suggesting is all this user may do: the switch stays on. */
  locked: boolean;
  onToggle: () => void;
  labels: CommentLabels["suggestions"];
}) {
  return (
    <div className="suggest-bar flex flex-wrap items-center gap-3">
      <button
        type="button"
        className="btn btn-secondary btn-small"
        aria-pressed={on}
        disabled={locked}
        onClick={onToggle}
      >
        {labels.mode}
      </button>
      <span className="text-sm" data-testid="suggest-status">
        {locked ? labels.suggestOnly : on ? labels.modeOn : ""}
      </span>
    </div>
  );
}
