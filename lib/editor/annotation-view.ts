// How comment anchors and suggestions show in the editor: the passages of open threads
// highlighted (the selected thread more strongly), and on each top-level block the number of
// open threads and suggestions it holds. Decorations only; the marks themselves are in
// lib/editor/annotations.ts. Also reads anchors and suggestions out of a document for the panel.
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  BLOCK_DELETE,
  BLOCK_INSERT,
  COMMENT_ANCHOR,
  parseFormats,
  parseSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  type SuggestionKind,
} from "./annotations";
import {
  emptyParts,
  type SuggestionChange,
  type SuggestionParts,
  suggestionChange,
  suggestionText,
} from "./suggestion-change";

export type AnnotationViewState = {
  openThreads: ReadonlySet<string>;
  active: string | null;
};

type PluginState = AnnotationViewState & { decorations: DecorationSet };

export const annotationViewKey = new PluginKey<PluginState>("annotationView");

export type AnnotationViewOptions = {
  /** The text of a block's count, e.g. "Threads: 1 · Suggestions: 2". */
  countLabel: (threads: number, suggestions: number) => string;
};

/** Where each anchor starts, in document order (anchor id → first position). */
export function anchorPositions(doc: PmNode): Map<string, number> {
  const found = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== COMMENT_ANCHOR) continue;
      const id = String(mark.attrs.id ?? "");
      if (id && !found.has(id)) found.set(id, pos);
    }
    return false;
  });
  return found;
}

export type SuggestionInDoc = {
  id: string;
  /** Its first part in document order: an insertion or a deletion. */
  kind: SuggestionKind;
  /** What it proposes as a whole (a new paragraph, a split, a move…). */
  change: SuggestionChange;
  userId: string;
  partnerId: string | null;
  /** The words it inserts, or else those it deletes. */
  text: string;
  /** The type of the first block it adds or deletes (e.g. "paragraph"), null for a change of text only. */
  block: string | null;
  /** For a change of formatting: the formatting proposed (e.g. ["bold"]; [] for plain text). */
  formats: string[];
  /** Where its first part starts. */
  pos: number;
  /** Where its first part ends (the end of its first run of text, or of its first block). */
  end: number;
};

/** The block suggestions a node carries, as [id, kind]. */
function blockSuggestionsOf(node: PmNode): [string, SuggestionKind][] {
  const found: [string, SuggestionKind][] = [];
  for (const [key, kind] of [
    [BLOCK_INSERT, "insert"],
    [BLOCK_DELETE, "delete"],
  ] as const) {
    const id = node.attrs[key];
    if (typeof id === "string" && parseSuggestionId(id)) found.push([id, kind]);
  }
  return found;
}

const MARK_KINDS: Record<string, SuggestionKind> = {
  [SUGGESTION_INSERT]: "insert",
  [SUGGESTION_DELETE]: "delete",
  [SUGGESTION_FORMAT]: "format",
};

/** The inline suggestion a text node carries, as [id, kind, its mark], if any (an insertion or deletion first). */
function textSuggestionOf(node: PmNode): [string, SuggestionKind, PmNode["marks"][number]] | null {
  let found: [string, SuggestionKind, PmNode["marks"][number]] | null = null;
  for (const mark of node.marks) {
    const kind = Object.hasOwn(MARK_KINDS, mark.type.name) ? MARK_KINDS[mark.type.name] : undefined;
    const id = String(mark.attrs.id ?? "");
    if (!kind || !parseSuggestionId(id)) continue;
    if (kind !== "format") return [id, kind, mark];
    found = [id, kind, mark];
  }
  return found;
}

/** Every suggestion, inline or block, in document order of its first part. */
export function suggestionsIn(doc: PmNode): SuggestionInDoc[] {
  type First = Omit<SuggestionInDoc, "change" | "text" | "block" | "formats">;
  const found = new Map<string, { first: First; parts: SuggestionParts }>();
  const partsOf = (id: string, kind: SuggestionKind, pos: number, end: number) => {
    let existing = found.get(id);
    if (!existing) {
      const parsed = parseSuggestionId(id) as { userId: string; partnerId: string | null };
      existing = { first: { id, kind, ...parsed, pos, end }, parts: emptyParts() };
      found.set(id, existing);
    }
    return existing.parts;
  };
  // The block suggestions of the ancestors: only the outermost proposed block counts as a block.
  const visit = (parent: PmNode, start: number, enclosing: ReadonlySet<string>) => {
    parent.forEach((node, offset) => {
      const pos = start + offset;
      if (node.isText) {
        const suggestion = textSuggestionOf(node);
        if (!suggestion) return;
        const [id, kind, mark] = suggestion;
        const parts = partsOf(id, kind, pos, pos + node.nodeSize);
        if (kind === "insert") parts.inserted += node.text ?? "";
        else if (kind === "delete") parts.deleted += node.text ?? "";
        else {
          parts.formatted += node.text ?? "";
          parts.formats = parseFormats(mark.attrs.formats) ?? [];
        }
        return;
      }
      const inside = new Set(enclosing);
      for (const [id, kind] of blockSuggestionsOf(node)) {
        const parts = partsOf(id, kind, pos, pos + node.nodeSize);
        if (!enclosing.has(id)) (kind === "insert" ? parts.blocksInserted : parts.blocksDeleted).push(node.type.name);
        inside.add(id);
      }
      if (!node.isLeaf) visit(node, pos + 1, inside);
    });
  };
  visit(doc, 0, new Set());
  return [...found.values()].map(({ first, parts }) => ({
    ...first,
    change: suggestionChange(parts),
    text: suggestionText(parts),
    block: parts.blocksInserted[0] ?? parts.blocksDeleted[0] ?? null,
    formats: parts.formats,
  }));
}

/** The ids of the suggestions on text and blocks between two positions (a selection), in document order. */
export function suggestionIdsBetween(doc: PmNode, from: number, to: number): string[] {
  const ids = new Set<string>();
  doc.nodesBetween(from, to, (node) => {
    if (!node.isText) {
      for (const [id] of blockSuggestionsOf(node)) ids.add(id);
      return true;
    }
    const suggestion = textSuggestionOf(node);
    if (suggestion) ids.add(suggestion[0]);
    return false;
  });
  return [...ids];
}

function build(doc: PmNode, view: AnnotationViewState, options: AnnotationViewOptions): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((block, offset) => {
    const threads = new Set<string>();
    const suggestions = new Set<string>();
    for (const [id] of blockSuggestionsOf(block)) suggestions.add(id);
    block.descendants((node, relative) => {
      if (!node.isText) {
        for (const [id] of blockSuggestionsOf(node)) suggestions.add(id);
        return true;
      }
      const from = offset + 1 + relative;
      for (const mark of node.marks) {
        const id = String(mark.attrs.id ?? "");
        if (mark.type.name === COMMENT_ANCHOR && view.openThreads.has(id)) {
          threads.add(id);
          decorations.push(
            Decoration.inline(from, from + node.nodeSize, {
              class: id === view.active ? "comment-highlight comment-highlight-active" : "comment-highlight",
            }),
          );
        } else if (Object.hasOwn(MARK_KINDS, mark.type.name)) {
          suggestions.add(id);
        }
      }
      return false;
    });
    if (threads.size > 0 || suggestions.size > 0) {
      decorations.push(
        Decoration.node(offset, offset + block.nodeSize, {
          "data-annotations": options.countLabel(threads.size, suggestions.size),
          "data-open-threads": String(threads.size),
          "data-suggestions": String(suggestions.size),
        }),
      );
    }
  });
  return DecorationSet.create(doc, decorations);
}

export const AnnotationView = Extension.create<AnnotationViewOptions>({
  name: "annotationView",
  addOptions() {
    return { countLabel: (threads, suggestions) => `${threads} · ${suggestions}` };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<PluginState>({
        key: annotationViewKey,
        state: {
          init: (_, state) => {
            const view = { openThreads: new Set<string>(), active: null };
            return { ...view, decorations: build(state.doc, view, options) };
          },
          apply: (tr, previous) => {
            const next = tr.getMeta(annotationViewKey) as AnnotationViewState | undefined;
            if (!next && !tr.docChanged) return previous;
            const view = next ?? previous;
            return { openThreads: view.openThreads, active: view.active, decorations: build(tr.doc, view, options) };
          },
        },
        props: { decorations: (state) => annotationViewKey.getState(state)?.decorations },
      }),
    ];
  },
});
