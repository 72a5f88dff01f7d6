"use client";
// Asks before an irreversible action (freezing a revision, submitting to the HLD, closing a
// round) and says what will happen. A native modal <dialog>: focus moves into it, Escape
// cancels, and the page behind is inert while it is open.
import { forwardRef, useId } from "react";

export type ConfirmText = { title: string; body: string; confirmLabel: string; cancelLabel: string };

export const ConfirmDialog = forwardRef<HTMLDialogElement, { text: ConfirmText; onConfirm: () => void }>(
  function ConfirmDialog({ text, onConfirm }, ref) {
    const id = useId();
    const close = (event: React.MouseEvent<HTMLButtonElement>) => event.currentTarget.closest("dialog")?.close();
    return (
      <dialog
        ref={ref}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-5 shadow-lg backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="mb-2">
          {text.title}
        </h2>
        <p id={`${id}-body`} className="mb-4">
          {text.body}
        </p>
        <div className="flex flex-wrap justify-end gap-3">
          {/* First, so it has the focus when the dialog opens: the safe answer. */}
          <button type="button" className="btn btn-secondary" onClick={close}>
            {text.cancelLabel}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={(event) => {
              close(event);
              onConfirm();
            }}
          >
            {text.confirmLabel}
          </button>
        </div>
      </dialog>
    );
  },
);
