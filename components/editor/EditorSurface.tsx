"use client";
// The Tiptap editor bound to a session's Y.Doc: the shared schema, Yjs sync and undo, labelled
// carets, live paragraph numbers, Word paste clean-up, the toolbar and the list of notes.
import { Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useRef } from "react";
import { CommentsPanel } from "@/components/comments/CommentsPanel";
import type { CommentsPanelProps } from "@/components/comments/types";
import { AgreementMarks, type LedgerLabelOf } from "@/lib/editor/agreement-marks";
import { AnnotationView, annotationViewKey } from "@/lib/editor/annotation-view";
import { CaretGuard, readPendingSelection } from "@/lib/editor/caret-guard";
import { documentExtensions } from "@/lib/editor/extensions";
import { ParagraphIds } from "@/lib/editor/paragraph-ids";
import { ParagraphNumbers } from "@/lib/editor/paragraph-numbers";
import { cleanPastedHtml } from "@/lib/editor/paste";
import type { PresenceUser } from "@/lib/editor/presence";
import { SuggestMode } from "@/lib/editor/suggest-mode";
import { VersionMargin, type VersionMarginOptions, versionMarginKey } from "@/lib/editor/version-margin";
import { fill } from "@/lib/i18n/fill";
import { FootnoteList } from "./FootnoteList";
import type { EditorLabels } from "./labels";
import type { Session } from "./session";
import { Toolbar, type ToolbarHandle } from "./Toolbar";

/** Another user's caret: a coloured bar with their name. Hidden from screen readers, which
 * would otherwise read names in the middle of the text; the presence list says who is here. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === "string" ? user.color : "transparent";
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.setAttribute("aria-hidden", "true");
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === "string" ? user.name : "";
  // A name in another script must not decide the text's direction (the editor's `dir="auto"`).
  label.dir = "auto";
  caret.append(label);
  return caret;
}

function editorAttributes(labels: EditorLabels, title: string, editable: boolean): Record<string, string> {
  return {
    role: "textbox",
    "aria-multiline": "true",
    "aria-label": fill(labels.textArea, { title }),
    "aria-readonly": String(!editable),
    class: "paper-text paper-editor-content",
    // The text's direction is its own (from its first letters), not the interface's: an English
    // text read in the Arabic interface stays left to right, an Arabic one right to left.
    dir: "auto",
    spellcheck: "true",
  };
}

type Props = {
  session: Session;
  user: PresenceUser;
  editable: boolean;
  canMarkAgreement: boolean;
  labels: EditorLabels;
  title: string;
  /** Edits become suggestions (lib/editor/suggest-mode.ts). */
  suggestMode: boolean;
  /** The partner the user speaks for: part of their suggestion ids. */
  partnerId: string | null;
  /** Suggest mode could not record an edit; `attempted`: the text it would have inserted. */
  onSuggestBlocked: (attempted: string) => void;
  /** Threads whose passages are highlighted, and the one selected in the panel. */
  openThreads: ReadonlySet<string>;
  activeAnchor: string | null;
  /** The comments side panel, or null. */
  panel: Omit<CommentsPanelProps, "editor"> | null;
  countLabel: (threads: number, suggestions: number) => string;
  /** Each block's ledger status in words, shown beside it (lib/editor/agreement-marks.ts). */
  ledgerLabel?: LedgerLabelOf;
  /** A language version: its original beside it (lib/editor/version-margin.ts). */
  version?: VersionMarginOptions;
};

export function EditorSurface({
  session,
  user,
  editable,
  canMarkAgreement,
  labels,
  title,
  suggestMode,
  partnerId,
  onSuggestBlocked,
  openThreads,
  activeAnchor,
  panel,
  countLabel,
  ledgerLabel,
  version,
}: Props) {
  const toolbar = useRef<ToolbarHandle>(null);
  const suggesting = useRef(suggestMode);
  suggesting.current = suggestMode;
  const writable = useRef(editable);
  writable.current = editable;
  const blocked = useRef(onSuggestBlocked);
  blocked.current = onSuggestBlocked;
  const versionData = useRef(version ?? null);
  versionData.current = version ?? null;
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: session.doc, field: "default" }),
        CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
        ParagraphNumbers,
        // New paragraphs get their stable id (not while suggesting: see lib/editor/paragraph-ids.ts).
        ParagraphIds.configure({ isActive: () => writable.current && !suggesting.current }),
        VersionMargin.configure({ data: () => versionData.current }),
        AgreementMarks.configure({ adRefLabel: labels.adRefMarker, ledgerLabel: ledgerLabel ?? null }),
        AnnotationView.configure({ countLabel }),
        SuggestMode.configure({
          userId: user.id,
          partnerId,
          isEnabled: () => suggesting.current,
          isLocked: () => !writable.current,
          onBlocked: (attempted) => blocked.current(attempted),
        }),
        CaretGuard,
        Extension.create({
          name: "accordShortcuts",
          addKeyboardShortcuts() {
            return {
              "Mod-k": () => {
                toolbar.current?.openLink();
                return true;
              },
              // The common convention for reaching a toolbar from the text.
              "Alt-F10": () => {
                toolbar.current?.focus();
                return true;
              },
            };
          },
        }),
      ],
      editorProps: {
        attributes: editorAttributes(labels, title, editable),
        transformPastedHTML: cleanPastedHtml,
      },
    },
    [session],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (editor.isEditable !== editable) editor.setEditable(editable);
    editor.setOptions({
      editorProps: { ...editor.options.editorProps, attributes: editorAttributes(labels, title, editable) },
    });
  }, [editor, editable, labels, title]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(annotationViewKey, { openThreads, active: activeAnchor }));
  }, [editor, openThreads, activeAnchor]);

  // New data about the original (a confirmed translation): redraw the margin.
  useEffect(() => {
    if (!editor || editor.isDestroyed || !version) return;
    editor.view.dispatch(editor.state.tr.setMeta(versionMarginKey, true));
  }, [editor, version]);

  // Before each message from the server is applied, the caret the user sees is the one mapped.
  useEffect(() => {
    if (!editor) return;
    const provider = session.provider;
    const beforeRemote = () => {
      if (!editor.isDestroyed) readPendingSelection(editor.view);
    };
    provider.on("message", beforeRemote);
    return () => {
      provider.off("message", beforeRemote);
    };
  }, [editor, session]);

  return (
    <div className="paper-workspace">
      <div className="flex min-w-0 flex-col gap-2">
        {editor && editable && (
          <Toolbar
            ref={toolbar}
            editor={editor}
            labels={labels}
            canMarkAgreement={canMarkAgreement && !suggestMode}
            suggesting={suggestMode}
          />
        )}
        <div
          className={`paper-editor-frame ${suggestMode ? "suggest-mode" : ""} ${version ? "version-editor" : ""} ${version?.sideBySide ? "parallel-editor" : ""}`}
        >
          <EditorContent editor={editor} />
        </div>
        <FootnoteList editor={editor} label={labels.footnotes} />
      </div>
      {editor && panel && <CommentsPanel editor={editor} {...panel} />}
    </div>
  );
}
