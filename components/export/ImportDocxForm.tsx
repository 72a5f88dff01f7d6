"use client";
// Import a .docx as a new paper. The size limit is checked here first (a clear message before
// any upload) and again on the server, which decides.
import { type FormEvent, startTransition, useActionState, useRef, useState } from "react";
import { importDocxAction } from "@/app/actions/import-docx";
import { SubmitButton } from "@/components/ActionForm";

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

type Labels = {
  file: string;
  title: string;
  kind: string;
  recommendations: string;
  positionPaper: string;
  submit: string;
  pending: string;
  tooLarge: string;
};

export function ImportDocxForm({ dialogueId, labels }: { dialogueId: string; labels: Labels }) {
  const [state, formAction] = useActionState(importDocxAction, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (file instanceof File && file.size > IMPORT_MAX_BYTES) {
      setLocalError(labels.tooLarge);
      return;
    }
    setLocalError(null);
    startTransition(() => formAction(data));
  };
  const message = localError ?? state?.message ?? "";
  const failed = localError !== null || (state !== null && !state.ok);
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} className="form-inline" aria-label={labels.submit}>
      <input type="hidden" name="dialogueId" value={dialogueId} />
      <div>
        <label htmlFor="import-file">{labels.file}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        />
      </div>
      <div className="min-w-60 flex-1">
        <label htmlFor="import-title">{labels.title}</label>
        <input id="import-title" name="title" maxLength={300} />
      </div>
      <div>
        <label htmlFor="import-kind">{labels.kind}</label>
        <select id="import-kind" name="kind" defaultValue="recommendations">
          <option value="recommendations">{labels.recommendations}</option>
          <option value="position_paper">{labels.positionPaper}</option>
        </select>
      </div>
      <div className="form-actions">
        <SubmitButton label={labels.submit} pendingLabel={labels.pending} />
        <p role={failed ? "alert" : "status"} className={failed ? "msg-error" : "msg-ok"}>
          {message}
        </p>
      </div>
    </form>
  );
}
