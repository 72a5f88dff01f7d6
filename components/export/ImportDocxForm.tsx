"use client";
// Import a .docx as a new paper. With JavaScript the file goes to /api/papers/import through
// XMLHttpRequest, so the form shows how much of it has been sent (a 10 MB file on a slow line
// takes minutes), then that the server is reading it; without, the server action takes it.
// The size limit is checked here first (a clear message before any upload) and again on the
// server, which decides.
import { useRouter } from "next/navigation";
import { type FormEvent, useActionState, useState } from "react";
import { importDocxAction } from "@/app/actions/import-docx";
import { IMPORT_MAX_BYTES } from "@/server/export/import/limits";
import { formatPercent, type Progress, percentOf, uploadWithProgress } from "./transfer";

type Labels = {
  file: string;
  title: string;
  kind: string;
  recommendations: string;
  positionPaper: string;
  submit: string;
  pending: string;
  uploading: string;
  reading: string;
  opening: string;
  failed: string;
  tooLarge: string;
};

type Phase =
  | { step: "idle" }
  | { step: "uploading"; progress: Progress | null }
  | { step: "reading" }
  | { step: "opening" }
  | { step: "failed"; message: string };

export function ImportDocxForm({ dialogueId, labels }: { dialogueId: string; labels: Labels }) {
  const router = useRouter();
  const [actionState, formAction, actionPending] = useActionState(importDocxAction, null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const busy = actionPending || phase.step === "uploading" || phase.step === "reading" || phase.step === "opening";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (file instanceof File && file.size > IMPORT_MAX_BYTES) {
      setPhase({ step: "failed", message: labels.tooLarge });
      return;
    }
    setPhase({ step: "uploading", progress: null });
    try {
      const outcome = await uploadWithProgress("/api/papers/import", data, {
        onProgress: (progress) => setPhase({ step: "uploading", progress }),
        onSent: () => setPhase({ step: "reading" }),
      });
      const body = (outcome.body ?? {}) as { href?: string; message?: string };
      if (outcome.status === 201 && body.href) {
        setPhase({ step: "opening" });
        router.push(body.href);
        return;
      }
      setPhase({ step: "failed", message: body.message ?? labels.failed });
    } catch {
      setPhase({ step: "failed", message: labels.failed });
    }
  };

  const percent = phase.step === "uploading" ? percentOf(phase.progress) : null;
  const failedMessage = phase.step === "failed" ? phase.message : null;
  const message =
    failedMessage ??
    (phase.step === "reading"
      ? labels.reading
      : phase.step === "opening"
        ? labels.opening
        : phase.step === "idle"
          ? (actionState?.message ?? "")
          : "");
  const failed = failedMessage !== null || (phase.step === "idle" && actionState !== null && !actionState.ok);
  return (
    <form action={formAction} onSubmit={submit} className="form-inline" aria-label={labels.submit}>
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
        <button type="submit" className="btn btn-primary" disabled={busy} aria-disabled={busy}>
          {busy ? labels.pending : labels.submit}
        </button>
        {(phase.step === "uploading" || phase.step === "reading") && (
          <span className="inline-flex items-center gap-2 text-xs">
            {percent !== null ? (
              <progress className="transfer-progress" aria-label={labels.uploading} max={100} value={percent} />
            ) : (
              <progress
                className="transfer-progress"
                aria-label={phase.step === "reading" ? labels.reading : labels.uploading}
              />
            )}
            <span className="muted" aria-hidden="true">
              {percent !== null ? formatPercent(percent) : ""}
            </span>
          </span>
        )}
        <p role={failed ? "alert" : "status"} className={failed ? "msg-error" : "msg-ok"}>
          {message}
        </p>
      </div>
    </form>
  );
}
