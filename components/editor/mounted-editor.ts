// Finding the page's Tiptap editor from a control beside it: the editor mounts after the first
// sync, so controls look for it (Tiptap keeps the instance on its DOM element) until it is there.
import type { Editor } from "@tiptap/core";

/** The Tiptap editor of the `.paper-editor` that `root` is in, if it is mounted yet. */
export function editorIn(root: HTMLElement | null): Editor | null {
  const dom = root?.closest(".paper-editor")?.querySelector(".ProseMirror") as
    | (HTMLElement & { editor?: Editor })
    | null;
  return dom?.editor && !dom.editor.isDestroyed ? dom.editor : null;
}

/**
 * Calls `attach` with the editor once it is mounted (and again if it is replaced); `attach`
 * returns its own clean-up. Returns the clean-up of the whole watch.
 */
export function watchEditor(root: () => HTMLElement | null, attach: (editor: Editor) => () => void): () => void {
  let current: Editor | null = null;
  let detach: (() => void) | null = null;
  const look = () => {
    const found = editorIn(root());
    if (!found || found === current) return;
    detach?.();
    current = found;
    detach = attach(found);
  };
  look();
  const timer = setInterval(look, 250);
  return () => {
    clearInterval(timer);
    detach?.();
  };
}
