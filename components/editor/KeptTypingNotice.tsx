"use client";
// Typing the server did not take, shown for copying rather than dropped, with why
// (components/editor/useCollabSession.ts keeps it when a change is refused or the text freezes).
import { useId, useState } from "react";
import type { EditorLabels } from "./labels";
import type { KeptTyping } from "./useCollabSession";

export function KeptTypingNotice({
  kept,
  labels,
  onDismiss,
}: {
  kept: KeptTyping;
  labels: EditorLabels["kept"];
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const fieldId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(kept.text);
      setCopied(true);
    } catch {
      // No clipboard permission: the text stays selectable in the field.
      setCopied(false);
    }
  };
  return (
    <section role="alert" className="editor-alert flex flex-col gap-2" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`} className="text-sm font-semibold">
        {labels.title}
      </h3>
      <p className="text-sm">{labels[kept.cause]}</p>
      <label htmlFor={fieldId} className="text-sm font-semibold">
        {labels.label}
      </label>
      <textarea
        id={fieldId}
        readOnly
        value={kept.text}
        rows={Math.min(8, kept.text.split("\n").length + 1)}
        className="w-full rounded border p-2 text-sm"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="flex items-center gap-2">
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void copy()}>
          {labels.copy}
        </button>
        <button type="button" className="btn btn-secondary btn-small" onClick={onDismiss}>
          {labels.dismiss}
        </button>
        {copied && (
          <span role="status" className="text-sm">
            {labels.copied}
          </span>
        )}
      </div>
    </section>
  );
}
