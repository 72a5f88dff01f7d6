"use client";
// What the toolbar's toggles report, read from the editor at each change: the selection's
// formatting and blocks, and whether undo and redo can run.
import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { useEditorState } from "@tiptap/react";

export type ToolbarState = {
  h2: boolean;
  h3: boolean;
  paragraph: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  link: boolean;
  table: boolean;
  footnote: boolean;
  bracketed: boolean;
  adRef: boolean;
  canUndo: boolean;
  canRedo: boolean;
};

/** Before the editor reports: nothing active, nothing to undo. */
const NOTHING: ToolbarState = {
  h2: false,
  h3: false,
  paragraph: false,
  bold: false,
  italic: false,
  underline: false,
  bulletList: false,
  orderedList: false,
  blockquote: false,
  link: false,
  table: false,
  footnote: false,
  bracketed: false,
  adRef: false,
  canUndo: false,
  canRedo: false,
};

export function useToolbarState(editor: Editor): ToolbarState {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }): ToolbarState => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      paragraph: e.isActive("paragraph") && !e.isActive("bulletList") && !e.isActive("orderedList"),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      footnote: e.state.selection instanceof NodeSelection && e.state.selection.node.type.name === "footnote",
      bracketed:
        e.isActive("paragraph", { agreement: "bracketed" }) || e.isActive("heading", { agreement: "bracketed" }),
      adRef: e.isActive("paragraph", { agreement: "adRef" }) || e.isActive("heading", { agreement: "adRef" }),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  return state ?? NOTHING;
}
