// Keeps the caret where the user is typing when someone else's edit arrives. y-tiptap 3.0.9
// re-resolves the selection after every remote update and gets two cases wrong: a caret at the
// start of an empty block is second-guessed by a content heuristic that can pick another empty
// block, and a caret it cannot resolve is thrown to the start of the text. Either way the user's
// next keystrokes land in the wrong paragraph. Yjs's relative position (first case) or the
// block-by-block position (second case) wins there; every other case is untouched.
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
          // When y-tiptap could not resolve the caret at all, the whole-document replace it
          // dispatches throws the caret to the start of the text, and the user's next keystrokes
          // land in the first block. Put it back where it was, block by block.
          const oldHead = oldState.selection.head;
          if (oldHead > 1 && newState.selection.head <= 1) {
            const recovered = findAbsolutePositionAfterStructuralChange(oldState.doc, newState.doc, oldHead);
            if (recovered !== null && recovered > 1 && recovered <= newState.doc.content.size) {
              const $recovered = newState.doc.resolve(recovered);
              if ($recovered.parent.isTextblock) {
                return newState.tr
                  .setSelection(TextSelection.create(newState.doc, recovered))
                  .setMeta("addToHistory", false);
              }
            }
          }
          const $old = oldState.selection.$head;
          if (!$old.parent.isTextblock || $old.parent.content.size !== 0) return null;
          const binding = (ySyncPluginKey.getState(newState) as { binding?: Binding } | undefined)?.binding;
          const relative = binding?.beforeTransactionSelection;
          if (!binding || !relative || relative.type !== "text") return null;
          const exact = relativePositionToAbsolutePosition(
            binding.doc as never,
            binding.type as never,
            relative.head,
            binding.mapping as never,
          );
          if (exact === null || exact === newState.selection.head || exact > newState.doc.content.size) return null;
          const $exact = newState.doc.resolve(exact);
          if (!$exact.parent.isTextblock || $exact.parent.content.size !== 0) return null;
          return newState.tr.setSelection(TextSelection.create(newState.doc, exact)).setMeta("addToHistory", false);
        },
      }),
    ];
  },
});
