// Reading the live document for the compilation of amendments: each top-level block's agreed
// text, its paragraph number, and every text suggestion in it as a redline of that block. Pure:
// shared by the compilation (server/queries/compilation.ts) and by the suggestion decisions,
// which record what was decided as it stood (server/domain/suggestion-record.ts).
import type { DocNode } from "@/lib/document";
import {
  BLOCK_DELETE,
  BLOCK_INSERT,
  COMMENT_ANCHOR,
  parseFormats,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
} from "@/lib/editor/annotations";
import {
  emptyParts,
  type SuggestionChange,
  type SuggestionParts,
  suggestionChange,
} from "@/lib/editor/suggestion-change";
import { paragraphNumbers } from "@/lib/numbering";

/** A stretch of the proposed text: unchanged, inserted or deleted by the suggestion. */
export type RedlinePiece = { text: string; change: "ins" | "del" | null };

export type Placed<T> = { block: number; offset: number; row: T };

export type DocumentSuggestion = {
  id: string;
  /** What it proposes as a whole: words inserted or deleted, a new or deleted paragraph, a split… */
  change: SuggestionChange;
  /** The words inserted, deleted or reformatted. */
  words: string;
  /** For a change of formatting: the formatting proposed (e.g. ["bold"]). */
  formats: string[];
  /** Each block it touches, with its change marked, one after the other. */
  proposed: RedlinePiece[];
};

type Leaf = { text: string; insertId?: string; deleteId?: string; formatId?: string; anchorIds: string[] };

/** The inline text of a block as leaves (nested blocks separated by a line break). */
function leavesOf(node: DocNode, into: Leaf[] = []): Leaf[] {
  if (node.type === "text") {
    const leaf: Leaf = { text: node.text ?? "", anchorIds: [] };
    for (const mark of node.marks ?? []) {
      const id = typeof mark.attrs?.id === "string" ? mark.attrs.id : undefined;
      if (!id) continue;
      if (mark.type === SUGGESTION_INSERT) leaf.insertId = id;
      else if (mark.type === SUGGESTION_DELETE) leaf.deleteId = id;
      else if (mark.type === SUGGESTION_FORMAT) leaf.formatId = id;
      else if (mark.type === COMMENT_ANCHOR) leaf.anchorIds.push(id);
    }
    into.push(leaf);
    return into;
  }
  if (node.type === "hardBreak") {
    into.push({ text: "\n", anchorIds: [] });
    return into;
  }
  const children = node.content ?? [];
  children.forEach((child, i) => {
    const isBlock = child.type !== "text" && child.type !== "hardBreak" && child.content !== undefined;
    if (isBlock && i > 0 && into.length > 0) into.push({ text: "\n", anchorIds: [] });
    leavesOf(child, into);
  });
  return into;
}

/** The block suggestions in a block and the blocks inside it: id → kind and type, outermost only. */
function blockSuggestionsIn(node: DocNode, into = new Map<string, { kind: "insert" | "delete"; type: string }>()) {
  for (const [key, kind] of [
    [BLOCK_INSERT, "insert"],
    [BLOCK_DELETE, "delete"],
  ] as const) {
    const id = node.attrs?.[key];
    if (typeof id === "string" && !into.has(id)) into.set(id, { kind, type: node.type });
  }
  for (const child of node.content ?? []) if (child.type !== "text") blockSuggestionsIn(child, into);
  return into;
}

function merge(pieces: RedlinePiece[]): RedlinePiece[] {
  const out: RedlinePiece[] = [];
  for (const piece of pieces) {
    if (!piece.text) continue;
    const last = out[out.length - 1];
    if (last && last.change === piece.change) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

/** One block as this suggestion proposes it: its parts marked, others' pending insertions left out. */
function redlineOf(leaves: Leaf[], id: string, blockChange: "insert" | "delete" | undefined): RedlinePiece[] {
  const pieces: RedlinePiece[] = [];
  for (const leaf of leaves) {
    if (leaf.insertId === id || blockChange === "insert") pieces.push({ text: leaf.text, change: "ins" });
    else if (leaf.deleteId === id || blockChange === "delete") pieces.push({ text: leaf.text, change: "del" });
    else if (!leaf.insertId) pieces.push({ text: leaf.text, change: null });
  }
  return pieces;
}

type Collected = { block: number; offset: number; parts: SuggestionParts; proposed: RedlinePiece[] };

/**
 * The suggestions and anchors of the live document in document order, one per suggestion however
 * many blocks it touches (a split, a move); the paragraph number of each block and its agreed
 * text (pending insertions left out).
 */
export function readDocument(doc: DocNode) {
  const numbers = paragraphNumbers(doc);
  const collected = new Map<string, Collected>();
  const anchors = new Map<string, { block: number; offset: number }>();
  const originals: string[] = [];
  (doc.content ?? []).forEach((block, index) => {
    const leaves = leavesOf(block);
    originals[index] = leaves
      .filter((l) => !l.insertId)
      .map((l) => l.text)
      .join("");
    const blockSuggestions = blockSuggestionsIn(block);
    const here = new Map<string, number>();
    for (const id of blockSuggestions.keys()) here.set(id, 0);
    let offset = 0;
    for (const leaf of leaves) {
      for (const id of [leaf.insertId, leaf.deleteId, leaf.formatId]) if (id && !here.has(id)) here.set(id, offset);
      for (const anchor of leaf.anchorIds) if (!anchors.has(anchor)) anchors.set(anchor, { block: index, offset });
      offset += leaf.text.length;
    }
    for (const [id, at] of here) {
      let entry = collected.get(id);
      if (!entry) {
        entry = { block: index, offset: at, parts: emptyParts(), proposed: [] };
        collected.set(id, entry);
      } else {
        entry.proposed.push({ text: "\n", change: null });
      }
      const blockSuggestion = blockSuggestions.get(id);
      if (blockSuggestion) {
        (blockSuggestion.kind === "insert" ? entry.parts.blocksInserted : entry.parts.blocksDeleted).push(
          blockSuggestion.type,
        );
      }
      for (const leaf of leaves) {
        if (leaf.insertId === id) entry.parts.inserted += leaf.text;
        else if (leaf.deleteId === id) entry.parts.deleted += leaf.text;
        else if (leaf.formatId === id) entry.parts.formatted += leaf.text;
      }
      const format = findFormat(block, id);
      if (format) entry.parts.formats = format;
      entry.proposed.push(...redlineOf(leaves, id, blockSuggestion?.kind));
    }
  });
  const suggestions: Placed<DocumentSuggestion>[] = [...collected].map(([id, entry]) => {
    const { parts } = entry;
    return {
      block: entry.block,
      offset: entry.offset,
      row: {
        id,
        change: suggestionChange(parts),
        words: parts.inserted || parts.deleted || parts.formatted,
        formats: parts.formats,
        proposed: merge(entry.proposed),
      },
    };
  });
  return { numbers, suggestions, anchors, originals };
}

/** The formatting a format suggestion proposes, from its first mark in the block. */
function findFormat(node: DocNode, id: string): string[] | null {
  for (const mark of node.marks ?? []) {
    if (mark.type === SUGGESTION_FORMAT && mark.attrs?.id === id) return parseFormats(mark.attrs.formats) ?? [];
  }
  for (const child of node.content ?? []) {
    const found = findFormat(child, id);
    if (found) return found;
  }
  return null;
}
