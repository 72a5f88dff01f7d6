// What a suggestion decision records of the suggestion as it stood, for the compilation of
// amendments: once accepted, rejected or withdrawn, its marks leave the text, and the audit row
// of the decision is all that is left of it. Read here from the document before the decision
// (paragraph number, where it started, the block's agreed text and the suggestion's redline of
// it, capped), and read back from the audit row's details by the compilation.
import type * as Y from "yjs";
import { z } from "zod";
import { type SuggestionChange, suggestionChanges } from "@/lib/editor/suggestion-change";
import { liveContentFromYDoc } from "../collab/paper-state";
import { type RedlinePiece, readDocument } from "../queries/compilation-document";

/** Characters kept of the block's text and of its redline: a paragraph, not a paper. */
export const RECORDED_TEXT_MAX = 4000;

export type SuggestionAtDecision = {
  paragraph: number | null;
  /** Where the suggestion started in its block (orders decided rows within a paragraph). */
  offset: number;
  change: SuggestionChange;
  /** For a change of formatting: the formatting proposed. */
  formats: string[];
  original: string;
  proposed: RedlinePiece[];
};

function capPieces(pieces: RedlinePiece[], max: number): RedlinePiece[] {
  const out: RedlinePiece[] = [];
  let left = max;
  for (const piece of pieces) {
    if (left <= 0) break;
    const text = piece.text.slice(0, left);
    out.push({ text, change: piece.change });
    left -= text.length;
  }
  return out;
}

/**
 * Each suggestion of the document as it stands now, by id (call it before deciding): text,
 * formatting and block suggestions alike.
 */
export function suggestionsAtDecision(doc: Y.Doc): (id: string) => SuggestionAtDecision | undefined {
  const { numbers, suggestions, originals } = readDocument(liveContentFromYDoc(doc));
  const byId = new Map<string, SuggestionAtDecision>();
  for (const s of suggestions) {
    if (byId.has(s.row.id)) continue;
    byId.set(s.row.id, {
      paragraph: numbers[s.block] ?? null,
      offset: s.offset,
      change: s.row.change,
      formats: s.row.formats,
      original: (originals[s.block] ?? "").slice(0, RECORDED_TEXT_MAX),
      proposed: capPieces(s.row.proposed, RECORDED_TEXT_MAX),
    });
  }
  return (id) => byId.get(id);
}

const piece = z.object({ text: z.string(), change: z.enum(["ins", "del"]).nullable() });

/** The audit details of a decision, as far as they are known (older decisions record less). */
const decisionDetails = z.object({
  kind: z.string().optional().catch(undefined),
  text: z.string().optional().catch(undefined),
  author: z.string().optional().catch(undefined),
  partnerId: z.string().nullable().optional().catch(undefined),
  paragraph: z.number().int().nullable().optional().catch(undefined),
  offset: z.number().int().optional().catch(undefined),
  change: z.enum(suggestionChanges).optional().catch(undefined),
  formats: z.array(z.string().max(20)).max(8).optional().catch(undefined),
  original: z.string().optional().catch(undefined),
  proposed: z.array(piece).optional().catch(undefined),
});
export type DecisionDetails = z.infer<typeof decisionDetails>;

export function readDecisionDetails(details: unknown): DecisionDetails {
  const parsed = decisionDetails.safeParse(details);
  return parsed.success ? parsed.data : {};
}
