// Gives the editor's new paragraphs and headings their stable id (lib/paragraph-ids.ts): after a
// local change, a top-level block the change touched that has no id, or one another block
// already has, gets a fresh one in an appended transaction, which y-tiptap sends with the change
// itself (Enter splitting a paragraph: the new half is a new block with its own id; the first
// half keeps the id). Changes from other users (Yjs) are left alone: their author's editor did
// this. Off while the editor is read-only or in suggest mode, where the write guard allows no
// attribute change on existing blocks (a proposed block gets its id once someone edits it).
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { carriesParagraphId, isParagraphId, newParagraphId, PARAGRAPH_ID } from "../paragraph-ids";

export const paragraphIdsKey = new PluginKey("paragraphIds");

type Options = {
  /** Whether the editor may change blocks' attributes now (editable, not suggesting). */
  isActive: () => boolean;
};

const isRemote = (tr: Transaction) =>
  Boolean((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin);

/** Top-level block indices the local changes of these transactions touched, in the final document. */
export function touchedBlocks(transactions: readonly Transaction[], doc: PmNode): Set<number> {
  const ranges: [number, number][] = [];
  transactions.forEach((tr, t) => {
    if (!tr.docChanged || isRemote(tr)) return;
    const later = transactions.slice(t + 1);
    tr.mapping.maps.forEach((map, i) => {
      const rest = tr.mapping.slice(i + 1);
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        let from = rest.map(newStart, -1);
        let to = rest.map(newEnd, 1);
        for (const next of later) {
          from = next.mapping.map(from, -1);
          to = next.mapping.map(to, 1);
        }
        ranges.push([from, to]);
      });
    });
  });
  const touched = new Set<number>();
  if (ranges.length === 0) return touched;
  doc.forEach((node, pos, index) => {
    const end = pos + node.nodeSize;
    if (ranges.some(([from, to]) => from <= end && to >= pos)) touched.add(index);
  });
  return touched;
}

/**
 * The appended transaction giving touched blocks an id where they lack a valid one or share it:
 * an untouched block keeps its id, and of touched blocks sharing one, the first keeps it.
 */
export function assignTouchedIds(doc: PmNode, touched: ReadonlySet<number>, tr: Transaction): void {
  const owned = new Set<string>();
  doc.forEach((node, _pos, index) => {
    const id = node.attrs[PARAGRAPH_ID];
    if (!touched.has(index) && isParagraphId(id)) owned.add(id);
  });
  doc.forEach((node, pos, index) => {
    if (!touched.has(index) || !carriesParagraphId(node.type.name)) return;
    const id = node.attrs[PARAGRAPH_ID];
    if (isParagraphId(id) && !owned.has(id)) {
      owned.add(id);
      return;
    }
    let fresh = newParagraphId();
    while (owned.has(fresh)) fresh = newParagraphId();
    owned.add(fresh);
    tr.setNodeAttribute(pos, PARAGRAPH_ID, fresh);
  });
}

/** The plugin: `isActive` says whether the editor may change blocks' attributes now. */
export function paragraphIdsPlugin(isActive: () => boolean): Plugin {
  return new Plugin({
    key: paragraphIdsKey,
    appendTransaction: (transactions, _oldState, newState) => {
      if (!isActive()) return null;
      const touched = touchedBlocks(transactions, newState.doc);
      if (touched.size === 0) return null;
      const tr = newState.tr;
      assignTouchedIds(newState.doc, touched, tr);
      if (!tr.docChanged) return null;
      // Bookkeeping, not an edit of the user's to undo.
      return tr.setMeta("addToHistory", false);
    },
  });
}

export const ParagraphIds = Extension.create<Options>({
  name: "paragraphIds",

  addOptions() {
    return { isActive: () => false };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [paragraphIdsPlugin(() => options.isActive())];
  },
});
