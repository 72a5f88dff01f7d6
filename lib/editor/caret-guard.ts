// Keeps the caret where the user is typing when someone else's edit arrives. y-tiptap 3.0.9
// re-resolves the selection after every remote update and second-guesses Yjs with content and
// block-index heuristics (added for block moves) that misfire when another user inserts blocks
// at the same time: the caret jumps to another empty paragraph, another block, or the start of
// the text, and the user's next keystrokes land there. Yjs's relative position is exact for any
// caret whose text still exists, so it wins; the heuristic result stands only when Yjs cannot
// resolve (the caret's text was deleted), and a caret thrown to the very start is put back.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import {
  findAbsolutePositionAfterStructuralChange,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";

type SyncMeta = { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
type Binding = {
  doc: unknown;
  type: unknown;
  mapping: unknown;
  beforeTransactionSelection: { type?: string; head: unknown; absHead?: number | null } | null;
};

export const CaretGuard = Extension.create({
  name: "caretGuard",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("caretGuard"),
        appendTransaction(transactions, oldState, newState) {
          const remote = transactions.find((tr) => {
            const meta = tr.getMeta(ySyncPluginKey) as SyncMeta;
            return meta?.isChangeOrigin && !meta.isUndoRedoOperation;
          });
          if (!remote || !oldState.selection.empty) return null;
          const size = newState.doc.content.size;
          const inTextblock = (pos: number | null): pos is number =>
            pos !== null && pos >= 0 && pos <= size && newState.doc.resolve(pos).parent.isTextblock;
          // Where Yjs says the caret is: exact for any caret in text the other user did not delete.
          const binding = (ySyncPluginKey.getState(newState) as { binding?: Binding } | undefined)?.binding;
          const relative = binding?.beforeTransactionSelection;
          let target: number | null = null;
          if (binding && relative && relative.type === "text") {
            const exact = relativePositionToAbsolutePosition(
              binding.doc as never,
              binding.type as never,
              relative.head,
              binding.mapping as never,
            );
            if (inTextblock(exact)) target = exact;
          }
          // Yjs could not say (the caret's text was deleted): if y-tiptap threw the caret to the
          // start of the text, put it back block by block instead.
          const oldHead = oldState.selection.head;
          if (target === null && oldHead > 1 && newState.selection.head <= 1) {
            const recovered = findAbsolutePositionAfterStructuralChange(oldState.doc, newState.doc, oldHead);
            if (inTextblock(recovered) && recovered > 1) target = recovered;
          }
          if (target === null || target === newState.selection.head) return null;
          return newState.tr.setSelection(TextSelection.create(newState.doc, target)).setMeta("addToHistory", false);
        },
      }),
    ];
  },
});
