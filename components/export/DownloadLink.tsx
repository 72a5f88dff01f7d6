"use client";
// A download link that shows progress: with JavaScript it fetches the file, showing a progress
// bar (indeterminate while the server prepares the file, with the seconds waited from the 2nd,
// then the share received) and a status line that announces the outcome; without, it is a
// plain link.
import { type MouseEvent, useEffect, useState } from "react";
import { downloadWithProgress, formatPercent, formatSeconds, type Progress, percentOf } from "./transfer";

export type DownloadLabels = {
  label: string;
  preparing: string;
  /** The progress bar's name once the file is arriving. */
  downloading: string;
  ready: string;
  failed: string;
};

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

type State = "idle" | "pending" | "ready" | "failed";

export function DownloadLink({ href, labels, testId }: { href: string; labels: DownloadLabels; testId?: string }) {
  const [state, setState] = useState<State>("idle");
  const [progress, setProgress] = useState<Progress | null>(null);
  // Seconds the server has been preparing the file (a dialogue's ZIP can take a while).
  const [waited, setWaited] = useState(0);
  const preparing = state === "pending" && progress === null;
  useEffect(() => {
    if (!preparing) return;
    setWaited(0);
    const started = Date.now();
    const timer = setInterval(() => setWaited(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [preparing]);
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (state === "pending") return;
    setState("pending");
    setProgress(null);
    try {
      const { blob, response } = await downloadWithProgress(href, setProgress);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameOf(response, "export");
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState("ready");
    } catch {
      setState("failed");
    }
  };
  const percent = percentOf(progress);
  // Until the first byte arrives the server is still preparing the file: no share to show.
  const receiving = state === "pending" && progress !== null && percent !== null;
  const progressLabel = receiving ? labels.downloading : labels.preparing;
  return (
    <span className="inline-flex flex-col gap-1">
      <a
        href={href}
        onClick={onClick}
        aria-busy={state === "pending"}
        aria-disabled={state === "pending"}
        className="btn btn-secondary"
        data-testid={testId}
        download
      >
        {state === "pending" ? (receiving ? `${labels.downloading}…` : labels.preparing) : labels.label}
      </a>
      {state === "pending" && (
        <span className="inline-flex items-center gap-2 text-xs">
          {receiving ? (
            <progress className="transfer-progress" aria-label={progressLabel} max={100} value={percent} />
          ) : (
            <progress className="transfer-progress" aria-label={progressLabel} />
          )}
          <span className="muted" aria-hidden="true">
            {receiving ? formatPercent(percent) : waited >= 2 ? formatSeconds(waited) : ""}
          </span>
        </span>
      )}
      <span role="status" className={state === "failed" ? "msg-error text-xs" : "muted text-xs"}>
        {state === "ready" ? labels.ready : state === "failed" ? labels.failed : ""}
      </span>
    </span>
  );
}
