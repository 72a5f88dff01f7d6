// Suggestions as the server sees them in a paper's Yjs document: listing them, and accepting or
// rejecting them directly on the Yjs text (no editor needed). Used by the suggestions domain
// function, which stores the resulting update before any client sees it.
import * as Y from "yjs";
import {
  BLOCK_DELETE,
  BLOCK_INSERT,
  parseFormats,
  parseSuggestionId,
  SUGGESTABLE_FORMATS,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  type SuggestableFormat,
  type SuggestionKind,
} from "@/lib/editor/annotations";
import {
  emptyParts,
  type SuggestionChange,
  type SuggestionParts,
  suggestionChange,
  suggestionText,
} from "@/lib/editor/suggestion-change";
import { YDOC_FIELD } from "./paper-state";

export type SuggestionSummary = {
  id: string;
  /** Its first part in document order: an insertion or a deletion. */
  kind: SuggestionKind;
  /** What it proposes as a whole (a new paragraph, a split, a move…). */
  change: SuggestionChange;
  userId: string;
  partnerId: string | null;
  /** The words it inserts, or else those it deletes. */
  text: string;
};

function* texts(type: Y.XmlFragment | Y.XmlElement): Generator<Y.XmlText> {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) yield child;
    else if (child instanceof Y.XmlElement) yield* texts(child);
  }
}

const BLOCK_KEYS = [
  [BLOCK_INSERT, "insert"],
  [BLOCK_DELETE, "delete"],
] as const;

/** The block suggestions an element carries, as [id, kind]. */
function blockSuggestions(element: Y.XmlElement): [string, SuggestionKind][] {
  const found: [string, SuggestionKind][] = [];
  for (const [key, kind] of BLOCK_KEYS) {
    const id = element.getAttribute(key);
    if (typeof id === "string" && parseSuggestionId(id)) found.push([id, kind]);
  }
  return found;
}

type Run = {
  index: number;
  length: number;
  text: string;
  kind: SuggestionKind;
  id: string;
  /** For a format suggestion: the formatting proposed. */
  formats: SuggestableFormat[];
};

function suggestionRuns(text: Y.XmlText): Run[] {
  const runs: Run[] = [];
  let index = 0;
  type Op = { insert: unknown; attributes?: Record<string, { id?: unknown; formats?: unknown }> };
  for (const op of text.toDelta() as Op[]) {
    const content = typeof op.insert === "string" ? op.insert : "";
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    const run = { index, length, text: content, formats: [] };
    const insertId = op.attributes?.[SUGGESTION_INSERT]?.id;
    const deleteId = op.attributes?.[SUGGESTION_DELETE]?.id;
    const format = op.attributes?.[SUGGESTION_FORMAT];
    if (typeof insertId === "string") runs.push({ ...run, kind: "insert", id: insertId });
    else if (typeof deleteId === "string") runs.push({ ...run, kind: "delete", id: deleteId });
    else if (typeof format?.id === "string") {
      runs.push({ ...run, kind: "format", id: format.id, formats: parseFormats(format.formats) ?? [] });
    }
    index += length;
  }
  return runs;
}

/** Every suggestion in the document, inline or block, in document order of its first part. */
export function listSuggestions(doc: Y.Doc): SuggestionSummary[] {
  const found = new Map<string, { kind: SuggestionKind; parts: SuggestionParts }>();
  const partsOf = (id: string, kind: SuggestionKind) => {
    let existing = found.get(id);
    if (!existing) {
      existing = { kind, parts: emptyParts() };
      found.set(id, existing);
    }
    return existing.parts;
  };
  // `enclosing`: the block suggestions of the ancestors, so only the outermost proposed block counts.
  const visit = (type: Y.XmlFragment | Y.XmlElement, enclosing: ReadonlySet<string>) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const run of suggestionRuns(child)) {
          if (!parseSuggestionId(run.id)) continue;
          const parts = partsOf(run.id, run.kind);
          if (run.kind === "insert") parts.inserted += run.text;
          else if (run.kind === "delete") parts.deleted += run.text;
          else {
            parts.formatted += run.text;
            parts.formats = run.formats;
          }
        }
      } else if (child instanceof Y.XmlElement) {
        const inside = new Set(enclosing);
        for (const [id, kind] of blockSuggestions(child)) {
          const parts = partsOf(id, kind);
          if (!enclosing.has(id)) (kind === "insert" ? parts.blocksInserted : parts.blocksDeleted).push(child.nodeName);
          inside.add(id);
        }
        visit(child, inside);
      }
    }
  };
  visit(doc.getXmlFragment(YDOC_FIELD), new Set());
  return [...found].map(([id, { kind, parts }]) => {
    const { userId, partnerId } = parseSuggestionId(id) as { userId: string; partnerId: string | null };
    return { id, kind, change: suggestionChange(parts), userId, partnerId, text: suggestionText(parts) };
  });
}

export type Decision = "accept" | "reject";

/**
 * Accepts or rejects the selected suggestions in one transaction: an accepted insertion keeps
 * its text and loses the mark, a rejected one is removed; an accepted deletion removes its text,
 * a rejected one keeps it and loses the mark. Blocks likewise: an accepted proposed block loses
 * its attribute, a rejected one is removed; a block proposed for deletion is removed when
 * accepted and loses its attribute when rejected. A list, table or row left empty goes with its
 * last block. Returns the ids decided.
 */
export function decideInDoc(doc: Y.Doc, select: (id: string) => boolean, decision: Decision): string[] {
  const decided = new Set<string>();
  const fragment = doc.getXmlFragment(YDOC_FIELD);
  doc.transact(() => {
    for (const text of [...texts(fragment)]) {
      // From the end, so earlier indexes stay valid while text is removed.
      for (const run of suggestionRuns(text).reverse()) {
        if (!select(run.id)) continue;
        decided.add(run.id);
        if (run.kind === "format") {
          text.format(
            run.index,
            run.length,
            decision === "accept" ? formatting(run.formats) : { [SUGGESTION_FORMAT]: null },
          );
          continue;
        }
        const removeText = (run.kind === "insert") === (decision === "reject");
        if (removeText) text.delete(run.index, run.length);
        else
          text.format(run.index, run.length, { [run.kind === "insert" ? SUGGESTION_INSERT : SUGGESTION_DELETE]: null });
      }
    }
    const chosen: { element: Y.XmlElement; id: string; kind: SuggestionKind }[] = [];
    const collect = (type: Y.XmlFragment | Y.XmlElement) => {
      for (const child of type.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue;
        for (const [id, kind] of blockSuggestions(child)) if (select(id)) chosen.push({ element: child, id, kind });
        collect(child);
      }
    };
    collect(fragment);
    // Innermost last in document order first, so a removed block never hides one still to decide.
    for (const { element, id, kind } of chosen.reverse()) {
      decided.add(id);
      if ((kind === "insert") === (decision === "reject")) removeBlock(element);
      else element.removeAttribute(kind === "insert" ? BLOCK_INSERT : BLOCK_DELETE);
    }
    if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement("paragraph")]);
  });
  return [...decided];
}

/** The formatting attributes that make a run exactly `formats` (the proposal cleared with it). */
function formatting(formats: SuggestableFormat[]): Record<string, object | null> {
  const attributes: Record<string, object | null> = { [SUGGESTION_FORMAT]: null };
  for (const name of SUGGESTABLE_FORMATS) attributes[name] = formats.includes(name) ? {} : null;
  return attributes;
}

/** Removes a block, and its container too when the block was the container's last. */
function removeBlock(element: Y.XmlElement): void {
  const parent = element.parent;
  if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment) || element._item?.deleted) return;
  const index = parent.toArray().indexOf(element);
  if (index < 0) return;
  parent.delete(index, 1);
  if (parent instanceof Y.XmlElement && !parent.toArray().some((child) => child instanceof Y.XmlElement)) {
    removeBlock(parent);
  }
}
