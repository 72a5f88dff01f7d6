// Keeps the caret in the empty paragraph the user just opened when someone else's edit
// arrives. y-tiptap 3.0.9 re-resolves the selection after every remote update and, for a caret
// at the start of an empty block, second-guesses Yjs with a content-based heuristic that can pick
// another empty block: the user's next keystrokes then land in the wrong paragraph. Yjs's own
// relative position is exact for that case, so it wins there; every other case is untouched.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";

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
