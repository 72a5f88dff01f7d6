// Keeps the caret where the user is typing when someone else's edit arrives. y-tiptap 3.0.9
// re-resolves the selection after every remote update and second-guesses Yjs with content and
// block-index heuristics (added for block moves) that misfire when another user inserts blocks
// at the same time: the caret jumps to another empty paragraph, another block, or the start of
// the text, and the user's next keystrokes land there. Yjs's relative position is exact for any
// caret whose text still exists, so it wins; the heuristic result stands only when Yjs cannot
// resolve (the caret's text was deleted), and a caret thrown to the very start is put back.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
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
        props: {
          // A key typed right after an arrow key can reach ProseMirror before the selectionchange
          // of that arrow: it then reads the typed text against the caret before the move, and
          // where the text around repeats the character (a space typed before a space) puts it
          // on the wrong side. For a suggestion, that is a different proposal. Reading the
          // browser's caret first makes the typed text land where the caret is.
          handleKeyDown(view) {
            readPendingSelection(view);
            return false;
          },
        },
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

/**
 * Reads a caret move the browser made but ProseMirror has not read yet. Keys such as End or
 * Ctrl+End move the DOM selection natively; ProseMirror reads it on the next `selectionchange`
 * event. A remote edit rendered before that writes the caret ProseMirror still holds back into
 * the page, and the move is lost: the next Enter or keystroke lands where the caret was before.
 * Called before each message from the server is applied (components/editor/EditorSurface.tsx).
 * `domObserver` is ProseMirror's own reader of DOM changes: flushing it is what the
 * selectionchange event would do a moment later. Not during IME composition, which it manages.
 */
export function readPendingSelection(view: EditorView): void {
  if (view.composing) return;
  (view as unknown as { domObserver?: { flush(): void } }).domObserver?.flush();
}
