"use client";
// The paper's footnotes, in the order they appear in the text, below the editor.
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";

export function FootnoteList({ editor, label }: { editor: Editor | null; label: string }) {
  const notes = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const found: string[] = [];
      current?.state.doc.descendants((node) => {
        if (node.type.name === "footnote") found.push(String(node.attrs.content ?? ""));
        return node.isBlock;
      });
      return found;
    },
  });
  if (!notes || notes.length === 0) return null;
  return (
    <section aria-label={label} className="footnotes">
      <h3 className="text-sm font-semibold">{label}</h3>
      <ol className="footnote-list">
        {notes.map((note, i) => (
          <li key={i}>{note}</li>
        ))}
      </ol>
    </section>
  );
}
