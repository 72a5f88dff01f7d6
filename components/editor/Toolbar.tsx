"use client";
// The formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar
// pattern), toggles report aria-pressed. Link and footnote text are asked for in a small inline
// form rather than window.prompt, so they work with assistive technology and can be corrected.
import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { useEditorState } from "@tiptap/react";
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { FOOTNOTE_MAX_LENGTH, isAllowedHref } from "@/lib/editor/extensions";
import { fill } from "@/components/fill";
import type { EditorLabels } from "./labels";

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

export type ToolbarHandle = { focus: () => void; openLink: () => void };

type Item = {
  key: string;
  label: string;
  glyph: ReactNode;
  run: () => void;
  pressed?: boolean;
  disabled?: boolean;
  keys?: string;
};

type PromptState = { kind: "link" | "footnote"; value: string; error: string | null; editing: boolean };

/** Adds https:// to a bare address such as www.example.org; anything else is judged as typed. */
export function normaliseHref(input: string): string {
  const value = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s/@]+\.[^\s/@]+/.test(value)) return `https://${value}`;
  return value;
}

export function Toolbar({
  editor,
  labels,
  canMarkAgreement = false,
  ref,
}: {
  editor: Editor;
  labels: EditorLabels;
  canMarkAgreement?: boolean;
  ref?: Ref<ToolbarHandle>;
}) {
  const [current, setCurrent] = useState(0);
  const [prompt, setPrompt] = useState<PromptState | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
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

  const openLink = () => {
    const href = editor.getAttributes("link").href;
    setPrompt({ kind: "link", value: typeof href === "string" ? href : "", error: null, editing: Boolean(href) });
  };
  const openFootnote = () => {
    const { selection } = editor.state;
    const existing =
      selection instanceof NodeSelection && selection.node.type.name === "footnote"
        ? String(selection.node.attrs.content ?? "")
        : null;
    setPrompt({ kind: "footnote", value: existing ?? "", error: null, editing: existing !== null });
  };

  useImperativeHandle(ref, () => ({
    focus: () => container.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus(),
    openLink,
  }));

  // Focus moves into the form when it opens (or switches between link and footnote).
  const promptKind = prompt?.kind;
  useLayoutEffect(() => {
    if (promptKind) input.current?.focus();
  }, [promptKind]);

  const chain = () => editor.chain().focus();
  const s = state ?? {
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

  const items: Item[] = [
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
    { key: "link", label: labels.link, glyph: linkIcon, pressed: s.link, keys: "Ctrl+K", run: openLink },
    { key: "footnote", label: labels.footnote, glyph: "¹", pressed: s.footnote, run: openFootnote },
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
  const active = Math.min(current, items.length - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(container.current?.querySelectorAll<HTMLButtonElement>("button[data-toolbar-item]") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next: number;
    if (event.key === "ArrowRight") next = (index + 1) % buttons.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = buttons.length - 1;
    else if (event.key === "Escape") {
      editor.commands.focus();
      return;
    } else return;
    event.preventDefault();
    setCurrent(next);
    buttons[next]?.focus();
  };

  const closePrompt = () => {
    setPrompt(null);
    editor.commands.focus();
  };

  const submitPrompt = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!prompt) return;
    const value = prompt.value.trim();
    if (prompt.kind === "link") {
      if (!value) {
        editor.chain().focus().extendMarkRange("link").unsetLink().run();
        setPrompt(null);
        return;
      }
      const href = normaliseHref(value);
      if (!isAllowedHref(href)) {
        setPrompt({ ...prompt, error: labels.linkInvalid });
        return;
      }
      if (editor.state.selection.empty && !editor.isActive("link")) {
        editor
          .chain()
          .focus()
          .insertContent({ type: "text", text: value, marks: [{ type: "link", attrs: { href } }] })
          .run();
      } else {
        editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
      }
    } else {
      if (!value) {
        setPrompt({ ...prompt, error: labels.footnoteEmpty });
        return;
      }
      if (prompt.editing) editor.chain().focus().updateFootnote(value).run();
      else editor.chain().focus().insertFootnote(value).run();
    }
    setPrompt(null);
  };

  return (
    <div className="flex flex-col gap-2">
      <div ref={container} role="toolbar" aria-label={labels.toolbar} className="editor-toolbar" onKeyDown={onKeyDown}>
        {items.map((item, i) => {
          const name = item.keys ? fill(labels.shortcut, { label: item.label, keys: item.keys }) : item.label;
          return (
            <button
              key={item.key}
              type="button"
              data-toolbar-item={item.key}
              className="toolbar-button"
              tabIndex={i === active ? 0 : -1}
              aria-pressed={item.pressed === undefined ? undefined : item.pressed}
              aria-disabled={item.disabled || undefined}
              title={name}
              // Keeps the text selection while clicking with a mouse.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setCurrent(i)}
              onClick={() => {
                if (!item.disabled) item.run();
              }}
            >
              <span aria-hidden="true">{item.glyph}</span>
              <span className="sr-only">{item.label}</span>
            </button>
          );
        })}
      </div>
      {prompt && (
        <form
          className="editor-prompt"
          onSubmit={submitPrompt}
          aria-label={prompt.kind === "link" ? labels.link : labels.footnote}
        >
          <label htmlFor={inputId}>{prompt.kind === "link" ? labels.linkAddress : labels.footnoteText}</label>
          <input
            ref={input}
            id={inputId}
            type="text"
            inputMode={prompt.kind === "link" ? "url" : "text"}
            value={prompt.value}
            maxLength={prompt.kind === "footnote" ? FOOTNOTE_MAX_LENGTH : 2048}
            aria-invalid={prompt.error ? true : undefined}
            aria-describedby={prompt.error ? errorId : undefined}
            onChange={(event) => setPrompt({ ...prompt, value: event.target.value, error: null })}
            onKeyDown={(event) => {
              if (event.key === "Escape") {
                event.preventDefault();
                closePrompt();
              }
            }}
          />
          <p id={errorId} role="alert" className="msg-error">
            {prompt.error ?? ""}
          </p>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary">
              {labels.apply}
            </button>
            {prompt.kind === "link" && prompt.editing && (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  editor.chain().focus().extendMarkRange("link").unsetLink().run();
                  setPrompt(null);
                }}
              >
                {labels.removeLink}
              </button>
            )}
            <button type="button" className="btn btn-secondary" onClick={closePrompt}>
              {labels.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
