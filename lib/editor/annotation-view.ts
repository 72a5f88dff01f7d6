// How comment anchors and suggestions show in the editor: the passages of open threads
// highlighted (the selected thread more strongly), and on each top-level block the number of
// open threads and suggestions it holds. Decorations only; the marks themselves are in
// lib/editor/annotations.ts. Also reads anchors and suggestions out of a document for the panel.
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  COMMENT_ANCHOR,
  parseSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  type SuggestionKind,
} from "./annotations";

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
  kind: SuggestionKind;
  userId: string;
  partnerId: string | null;
  text: string;
  pos: number;
};

/** Every suggestion in document order, its text joined across runs. */
export function suggestionsIn(doc: PmNode): SuggestionInDoc[] {
  const byId = new Map<string, SuggestionInDoc>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind =
        mark.type.name === SUGGESTION_INSERT ? "insert" : mark.type.name === SUGGESTION_DELETE ? "delete" : null;
      if (!kind) continue;
      const id = String(mark.attrs.id ?? "");
      const parsed = parseSuggestionId(id);
      if (!parsed) continue;
      const existing = byId.get(id);
      if (existing) existing.text += node.text ?? "";
      else byId.set(id, { id, kind, ...parsed, text: node.text ?? "", pos });
    }
    return false;
  });
  return [...byId.values()];
}

/** The ids of the suggestions on text between two positions (a selection), in document order. */
export function suggestionIdsBetween(doc: PmNode, from: number, to: number): string[] {
  const ids = new Set<string>();
  doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== SUGGESTION_INSERT && mark.type.name !== SUGGESTION_DELETE) continue;
      const id = String(mark.attrs.id ?? "");
      if (parseSuggestionId(id)) ids.add(id);
    }
    return false;
  });
  return [...ids];
}

function build(doc: PmNode, view: AnnotationViewState, options: AnnotationViewOptions): DecorationSet {
  const decorations: Decoration[] = [];
  doc.forEach((block, offset) => {
    const threads = new Set<string>();
    const suggestions = new Set<string>();
    block.descendants((node, relative) => {
      if (!node.isText) return true;
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
        } else if (mark.type.name === SUGGESTION_INSERT || mark.type.name === SUGGESTION_DELETE) {
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
