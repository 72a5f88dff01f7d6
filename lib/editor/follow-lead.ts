// "Follow the chair" in the editor: the leader's paragraph (a top-level block index from their
// awareness) is highlighted with a node decoration, without touching the follower's selection.
import type { EditorState } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { DocNode } from "../document";
import { paragraphNumbers } from "../numbering";

export const FOLLOWED_CLASS = "followed-paragraph";
export const followLeadKey = new PluginKey<DecorationSet>("followLead");

/** The top-level block index of the selection's head: what a leader publishes as `place`. */
export function placeOf(state: EditorState): number {
  return state.selection.$head.index(0);
}

/**
 * Where top-level block `place` stands in the text as the document numbers it (lib/numbering.ts):
 * `paragraph` n when it is numbered paragraph n, else `after` the last numbered paragraph before
 * it (0: none yet); null past the end.
 */
export function placeInText(state: EditorState, place: number): { paragraph: number } | { after: number } | null {
  if (place < 0 || place >= state.doc.childCount) return null;
  // A block's number depends only on the blocks before it.
  const blocks: DocNode[] = [];
  for (let i = 0; i <= place; i++) blocks.push(state.doc.child(i).toJSON() as DocNode);
  const numbers = paragraphNumbers({ type: "doc", content: blocks });
  const own = numbers[place];
  if (own !== undefined) return { paragraph: own };
  let after = 0;
  for (const n of numbers) if (n !== undefined) after = n;
  return { after };
}

/** The document position where top-level block `place` starts, or null past the end. */
export function blockStart(state: EditorState, place: number): number | null {
  if (place < 0 || place >= state.doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < place; i++) pos += state.doc.child(i).nodeSize;
  return pos;
}

function decorate(state: EditorState, place: number | null): DecorationSet {
  const from = place === null ? null : blockStart(state, place);
  if (from === null) return DecorationSet.empty;
  const node = state.doc.nodeAt(from);
  if (!node) return DecorationSet.empty;
  return DecorationSet.create(state.doc, [Decoration.node(from, from + node.nodeSize, { class: FOLLOWED_CLASS })]);
}

/** Set the followed place with `tr.setMeta(followLeadKey, place)` (null: nothing highlighted). */
export function followLeadPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: followLeadKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const place = tr.getMeta(followLeadKey) as number | null | undefined;
        if (place !== undefined) return decorate(state, place);
        return set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => followLeadKey.getState(state) },
  });
}
