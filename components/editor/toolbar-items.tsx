// The toolbar's buttons, in order: headings and paragraph, inline formatting, lists and quote,
// link and footnote, tables (with row and column buttons inside a table), the negotiation marks
// for those allowed to set them, undo and redo. Each names its keyboard shortcut, if any.
import type { ChainedCommands, Editor } from "@tiptap/core";
import type { ReactNode } from "react";
import type { EditorLabels } from "./labels";
import type { ToolbarState } from "./useToolbarState";

/** Drawn rather than an emoji, which many systems render as an empty box. */
const linkIcon = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.2"
    role="presentation"
  >
    <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
  </svg>
);

export type ToolbarItem = {
  key: string;
  label: string;
  glyph: ReactNode;
  run: () => void;
  pressed?: boolean;
  disabled?: boolean;
  keys?: string;
};

export function toolbarItems({
  editor,
  state: s,
  labels,
  canMarkAgreement,
  suggesting,
  openLink,
  openFootnote,
}: {
  editor: Editor;
  state: ToolbarState;
  labels: EditorLabels;
  canMarkAgreement: boolean;
  /** Suggest mode: links and footnotes cannot be proposed, so they are not offered. */
  suggesting: boolean;
  openLink: () => void;
  openFootnote: () => void;
}): ToolbarItem[] {
  const chain = (): ChainedCommands => editor.chain().focus();
  return [
    {
      key: "h2",
      label: labels.heading2,
      glyph: "H2",
      pressed: s.h2,
      keys: "Ctrl+Alt+2",
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      key: "h3",
      label: labels.heading3,
      glyph: "H3",
      pressed: s.h3,
      keys: "Ctrl+Alt+3",
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      key: "p",
      label: labels.paragraph,
      glyph: "¶",
      pressed: s.paragraph,
      keys: "Ctrl+Alt+0",
      run: () => chain().setParagraph().run(),
    },
    {
      key: "bold",
      label: labels.bold,
      glyph: "B",
      pressed: s.bold,
      keys: "Ctrl+B",
      run: () => chain().toggleBold().run(),
    },
    {
      key: "italic",
      label: labels.italic,
      glyph: "I",
      pressed: s.italic,
      keys: "Ctrl+I",
      run: () => chain().toggleItalic().run(),
    },
    {
      key: "underline",
      label: labels.underline,
      glyph: "U",
      pressed: s.underline,
      keys: "Ctrl+U",
      run: () => chain().toggleUnderline().run(),
    },
    {
      key: "ul",
      label: labels.bulletList,
      glyph: "•≡",
      pressed: s.bulletList,
      keys: "Ctrl+Shift+8",
      run: () => chain().toggleBulletList().run(),
    },
    {
      key: "ol",
      label: labels.orderedList,
      glyph: "1.≡",
      pressed: s.orderedList,
      keys: "Ctrl+Shift+7",
      run: () => chain().toggleOrderedList().run(),
    },
    {
      key: "quote",
      label: labels.blockquote,
      glyph: "❝",
      pressed: s.blockquote,
      keys: "Ctrl+Shift+B",
      run: () => chain().toggleBlockquote().run(),
    },
    ...(suggesting
      ? []
      : [
          { key: "link", label: labels.link, glyph: linkIcon, pressed: s.link, keys: "Ctrl+K", run: openLink },
          { key: "footnote", label: labels.footnote, glyph: "¹", pressed: s.footnote, run: openFootnote },
        ]),
    {
      key: "table",
      label: labels.insertTable,
      glyph: "⊞",
      disabled: s.table,
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: false }).run(),
    },
    ...(s.table
      ? [
          { key: "addRow", label: labels.addRow, glyph: "+R", run: () => chain().addRowAfter().run() },
          { key: "addCol", label: labels.addColumn, glyph: "+C", run: () => chain().addColumnAfter().run() },
          { key: "delRow", label: labels.deleteRow, glyph: "−R", run: () => chain().deleteRow().run() },
          { key: "delCol", label: labels.deleteColumn, glyph: "−C", run: () => chain().deleteColumn().run() },
          { key: "delTable", label: labels.deleteTable, glyph: "✕⊞", run: () => chain().deleteTable().run() },
        ]
      : []),
    // Negotiation marks, for the chair and penholder only (the policy's paper.markAgreement).
    ...(canMarkAgreement
      ? [
          {
            key: "bracket",
            label: labels.bracket,
            glyph: "[ ]",
            pressed: s.bracketed,
            run: () =>
              chain()
                .setAgreement(s.bracketed ? null : "bracketed")
                .run(),
          },
          {
            key: "adRef",
            label: labels.adRef,
            glyph: "ad ref",
            pressed: s.adRef,
            run: () =>
              chain()
                .setAgreement(s.adRef ? null : "adRef")
                .run(),
          },
        ]
      : []),
    {
      key: "undo",
      label: labels.undo,
      glyph: "↶",
      disabled: !s.canUndo,
      keys: "Ctrl+Z",
      run: () => chain().undo().run(),
    },
    {
      key: "redo",
      label: labels.redo,
      glyph: "↷",
      disabled: !s.canRedo,
      keys: "Ctrl+Y",
      run: () => chain().redo().run(),
    },
  ];
}
