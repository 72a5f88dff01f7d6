// What one suggestion proposes, named as a negotiator would name it. A suggestion is the text it
// inserts and deletes plus the blocks it adds and proposes to delete (all under one id, see
// lib/editor/annotations.ts); a split, a merge or a move is recognised from those parts. Shared
// by the editor's panel (ProseMirror) and the server (Yjs), which collect the parts each their way.

/** The parts of a suggestion, collected in document order. */
export type SuggestionParts = {
  inserted: string;
  deleted: string;
  /** Text whose formatting it proposes to change, and the formatting proposed ("bold"…). */
  formatted: string;
  formats: string[];
  /** Types of the outermost blocks proposed, e.g. ["paragraph"]. */
  blocksInserted: string[];
  /** Types of the blocks proposed for deletion. */
  blocksDeleted: string[];
};

export const suggestionChanges = [
  "insert",
  "delete",
  "replace",
  "insertBlock",
  "deleteBlock",
  "split",
  "merge",
  "move",
  "restructure",
  "format",
] as const;
export type SuggestionChange = (typeof suggestionChanges)[number];

export function emptyParts(): SuggestionParts {
  return { inserted: "", deleted: "", formatted: "", formats: [], blocksInserted: [], blocksDeleted: [] };
}

export function suggestionChange(parts: SuggestionParts): SuggestionChange {
  const { inserted, deleted, formatted, blocksInserted, blocksDeleted } = parts;
  if (formatted && !inserted && !deleted && blocksInserted.length === 0 && blocksDeleted.length === 0) return "format";
  const newBlocks = blocksInserted.length > 0;
  const goneBlocks = blocksDeleted.length > 0;
  if (!newBlocks && !goneBlocks) return inserted && deleted ? "replace" : deleted ? "delete" : "insert";
  if (newBlocks && !goneBlocks) return deleted === "" ? "insertBlock" : deleted === inserted ? "split" : "restructure";
  if (!newBlocks) return inserted === "" ? "deleteBlock" : inserted === deleted ? "merge" : "restructure";
  const sameBlocks = blocksInserted.join(" ") === blocksDeleted.join(" ");
  return sameBlocks && inserted === deleted ? "move" : "restructure";
}

/** The words to show for a suggestion: what it inserts, or else what it deletes or formats. */
export function suggestionText(parts: SuggestionParts): string {
  return parts.inserted || parts.deleted || parts.formatted;
}
