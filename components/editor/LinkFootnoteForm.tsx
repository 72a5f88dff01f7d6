"use client";
// The small inline form the toolbar opens for a link's address or a footnote's text, rather than
// window.prompt, so it works with assistive technology and can be corrected. Submitting applies
// it to the editor; an empty link address removes the link.
import type { Editor } from "@tiptap/core";
import { type FormEvent, useId, useLayoutEffect, useRef } from "react";
import { FOOTNOTE_MAX_LENGTH, isAllowedHref } from "@/lib/editor/extensions";
import type { EditorLabels } from "./labels";

export type PromptState = { kind: "link" | "footnote"; value: string; error: string | null; editing: boolean };

/** Adds https:// to a bare address such as www.example.org; anything else is judged as typed. */
function normaliseHref(input: string): string {
  const value = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s/@]+\.[^\s/@]+/.test(value)) return `https://${value}`;
  return value;
}

export function LinkFootnoteForm({
  editor,
  prompt,
  setPrompt,
  labels,
}: {
  editor: Editor;
  prompt: PromptState;
  /** Updates the form, or closes it (null). */
  setPrompt: (prompt: PromptState | null) => void;
  labels: EditorLabels;
}) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  // Focus moves into the form when it opens (or switches between link and footnote).
  const promptKind = prompt.kind;
  useLayoutEffect(() => {
    if (promptKind) input.current?.focus();
  }, [promptKind]);

  const closePrompt = () => {
    setPrompt(null);
    editor.commands.focus();
  };

  const submitPrompt = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
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
  );
}
