// One pending suggestion: who proposed what, with explain / accept / reject where allowed.

import type { SuggestionInDoc } from "@/lib/editor/annotation-view";
import { partnerColor } from "@/lib/editor/annotations";
import { fill } from "@/lib/i18n/fill";
import type { MemberView } from "@/server/queries/comments";
import type { CommentLabels } from "./types";

/** What a suggestion proposes, in words: "Insert “…”", "Add a paragraph: “…”", "Move “…”"… */
export function changeLabel(x: SuggestionInDoc, s: CommentLabels["suggestions"]): string {
  const blocks: Record<string, string> = s.blocks;
  const block = (x.block && blocks[x.block]) || s.blocks.paragraph;
  if (x.change === "insertBlock") return fill(x.text ? s.insertBlock : s.insertEmptyBlock, { block, text: x.text });
  if (x.change === "deleteBlock") return fill(x.text ? s.deleteBlock : s.deleteEmptyBlock, { block, text: x.text });
  if (x.change === "format") {
    const names: Record<string, string> = s.formats;
    const formats = x.formats.map((name) => names[name] ?? name).join(", ") || s.formats.plain;
    return fill(s.format, { text: x.text, formats });
  }
  return fill(s[x.change], { text: x.text });
}

export function SuggestionEntry({
  suggestion: x,
  member,
  partner,
  labels,
  busy,
  canDecide,
  onDecide,
  onWithdraw,
  onExplain,
}: {
  suggestion: SuggestionInDoc;
  /** Its author, when a member of the dialogue. */
  member: MemberView | undefined;
  /** The state (or organisation) the suggestion was made for, when known. */
  partner: string | undefined;
  labels: CommentLabels;
  busy: boolean;
  canDecide: boolean;
  onDecide: (decision: "accept" | "reject") => void;
  /** Takes the suggestion back (present for its own delegation only). */
  onWithdraw?: () => void;
  /** Starts a comment thread on the suggested text (absent for those who may not comment). */
  onExplain?: (from: number, to: number) => void;
}) {
  const s = labels.suggestions;
  const name = member?.name ?? "?";
  const change = changeLabel(x, s);
  const speaksFor = partner ?? member?.partner;
  return (
    <li className="suggestion-entry" data-suggestion-id={x.id} data-kind={x.kind} data-change={x.change}>
      <span className="suggestion-swatch" style={{ backgroundColor: partnerColor(x.partnerId) }} aria-hidden="true" />
      <span className="text-sm">
        <strong>{speaksFor ? fill(s.proposedBy, { partner: speaksFor, name }) : name}</strong>: {change}
      </span>
      {(canDecide || onExplain || onWithdraw) && (
        <span className="flex gap-1">
          {onExplain && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-label={fill(s.explainOne, { name, change })}
              onClick={() => onExplain(x.pos, x.end)}
            >
              {s.explain}
            </button>
          )}
          {onWithdraw && (
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={busy}
              aria-label={fill(s.withdrawOne, { partner: speaksFor ?? name, change })}
              onClick={onWithdraw}
            >
              {s.withdraw}
            </button>
          )}
          {canDecide && (
            <>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={busy}
                aria-label={fill(s.acceptOne, { name, change })}
                onClick={() => onDecide("accept")}
              >
                {s.accept}
              </button>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={busy}
                aria-label={fill(s.rejectOne, { name, change })}
                onClick={() => onDecide("reject")}
              >
                {s.reject}
              </button>
            </>
          )}
        </span>
      )}
    </li>
  );
}
