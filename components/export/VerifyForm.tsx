"use client";
// The public verify form: upload a file (checked by POST /api/verify) or paste a hash (a plain
// GET form). Shows which submitted text matches, if any. Both work without JavaScript: the
// upload then posts the form itself and the endpoint redirects back here with the outcome.
import { type FormEvent, useState } from "react";
import type { VerifyFailure, VerifyResponse } from "@/lib/verify-outcome";
import { formatPercent, type Progress, percentOf, uploadWithProgress } from "./transfer";

export type VerifyLabels = {
  fileLabel: string;
  hashLabel: string;
  submitFile: string;
  submitHash: string;
  pending: string;
  /** The progress bar's name while the file goes up. */
  uploading: string;
  resultHeading: string;
  match: string;
  matchHash: string;
  paper: string;
  dialogue: string;
  revision: string;
  reference: string;
  submittedAt: string;
  hash: string;
  revNumber: string;
  outcomes: Record<VerifyFailure, string>;
};

const fmt = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function VerifyForm({
  labels,
  maxBytes,
  initial,
  initialHash,
}: {
  labels: VerifyLabels;
  maxBytes: number;
  initial: (VerifyResponse & { via: "file" | "hash" }) | null;
  initialHash: string;
}) {
  const [result, setResult] = useState(initial);
  const [pending, setPending] = useState(false);
  // Bytes sent, until the whole file is up (then the server checks it: no share to show).
  const [upload, setUpload] = useState<Progress | null>(null);

  const onUpload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setResult({ outcome: "nothing", via: "file" });
      return;
    }
    if (file.size > maxBytes) {
      setResult({ outcome: "tooLarge", via: "file" });
      return;
    }
    setPending(true);
    setUpload(null);
    try {
      // Every answer, refusals included, is JSON with an outcome.
      const { body } = await uploadWithProgress("/api/verify", data, {
        onProgress: setUpload,
        onSent: () => setUpload(null),
      });
      const answer = body as VerifyResponse | null;
      setResult(
        answer && typeof answer === "object" && "outcome" in answer
          ? { ...answer, via: "file" }
          : { outcome: "failed", via: "file" },
      );
    } catch {
      setResult({ outcome: "failed", via: "file" });
    } finally {
      setPending(false);
      setUpload(null);
    }
  };
  const percent = percentOf(upload);

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={onUpload}
        action="/api/verify"
        method="post"
        encType="multipart/form-data"
        className="card form-stack"
        aria-label={labels.submitFile}
      >
        <div>
          <label htmlFor="verify-file">{labels.fileLabel}</label>
          <input id="verify-file" name="file" type="file" accept=".docx,.pdf,.html,.htm,.md,.xml" />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending} aria-disabled={pending}>
            {pending ? labels.pending : labels.submitFile}
          </button>
          {pending && (
            <span className="inline-flex items-center gap-2 text-xs">
              {percent !== null ? (
                <progress className="transfer-progress" aria-label={labels.uploading} max={100} value={percent} />
              ) : (
                <progress className="transfer-progress" aria-label={labels.pending} />
              )}
              <span className="muted" aria-hidden="true">
                {percent !== null ? formatPercent(percent) : ""}
              </span>
            </span>
          )}
        </div>
      </form>
      <form action="/verify" method="get" className="card form-stack" aria-label={labels.submitHash}>
        <div>
          <label htmlFor="verify-hash">{labels.hashLabel}</label>
          <input
            id="verify-hash"
            name="hash"
            defaultValue={initialHash}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            maxLength={80}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-secondary">
            {labels.submitHash}
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="verify-result-heading" aria-live="polite">
        <h2 id="verify-result-heading" className="mb-2">
          {labels.resultHeading}
        </h2>
        {result === null ? null : result.outcome === "match" ? (
          <div data-testid="verify-result" data-outcome="match">
            {result.matches.map((m) => (
              <div key={m.reference} className="mb-3">
                <p className="msg-ok font-semibold">
                  {(result.via === "file" ? labels.match : labels.matchHash).replace("{reference}", m.reference)}
                </p>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-medium">{labels.paper}</dt>
                  <dd>{m.title}</dd>
                  <dt className="font-medium">{labels.dialogue}</dt>
                  <dd>{m.dialogue}</dd>
                  <dt className="font-medium">{labels.revision}</dt>
                  <dd>{labels.revNumber.replace("{n}", String(m.revision))}</dd>
                  <dt className="font-medium">{labels.reference}</dt>
                  <dd>{m.reference}</dd>
                  <dt className="font-medium">{labels.submittedAt}</dt>
                  <dd>{fmt(m.submittedAt)}</dd>
                  <dt className="font-medium">{labels.hash}</dt>
                  <dd className="break-all font-mono text-xs">{m.hash}</dd>
                </dl>
              </div>
            ))}
          </div>
        ) : (
          <p className="msg-error" role="alert" data-testid="verify-result" data-outcome={result.outcome}>
            {labels.outcomes[result.outcome]}
          </p>
        )}
      </section>
    </div>
  );
}
