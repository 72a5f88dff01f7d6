"use client";
// The formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar
// pattern), toggles report aria-pressed. Its buttons are listed in toolbar-items.tsx; link and
// footnote text are asked for in LinkFootnoteForm.
import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { type KeyboardEvent, type Ref, useImperativeHandle, useRef, useState } from "react";
import { fill } from "@/lib/i18n/fill";
import { LinkFootnoteForm, type PromptState } from "./LinkFootnoteForm";
import type { EditorLabels } from "./labels";
import { toolbarItems } from "./toolbar-items";
import { useToolbarState } from "./useToolbarState";

export type ToolbarHandle = { focus: () => void; openLink: () => void };

export function Toolbar({
  editor,
  labels,
  canMarkAgreement = false,
  suggesting = false,
  ref,
}: {
  editor: Editor;
  labels: EditorLabels;
  canMarkAgreement?: boolean;
  /** Suggest mode: only what a suggestion can record (no links or footnotes). */
  suggesting?: boolean;
  ref?: Ref<ToolbarHandle>;
}) {
  const [current, setCurrent] = useState(0);
  const [prompt, setPrompt] = useState<PromptState | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const state = useToolbarState(editor);

  const openLink = () => {
    if (suggesting) return;
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

  const items = toolbarItems({ editor, state, labels, canMarkAgreement, suggesting, openLink, openFootnote });
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
              aria-keyshortcuts={item.keys?.replaceAll("Ctrl", "Control")}
              // Keeps the text selection while clicking with a mouse.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setCurrent(i)}
              onClick={() => {
                if (!item.disabled) item.run();
              }}
            >
              <span aria-hidden="true">{item.glyph}</span>
              <span className="sr-only">{item.label}</span>
              {/* Shown on hover and on keyboard focus alike (a `title` shows on hover only); the
                  button's name is the word above, so the tooltip is hidden from screen readers. */}
              <span className="toolbar-tooltip" aria-hidden="true">
                {name}
              </span>
            </button>
          );
        })}
      </div>
      {prompt && <LinkFootnoteForm editor={editor} prompt={prompt} setPrompt={setPrompt} labels={labels} />}
    </div>
  );
}
