"use client";
// A download link that shows progress: with JavaScript it fetches the file (the link says
// "Preparing…" meanwhile, and a status line announces the outcome); without, it is a plain link.
import { type MouseEvent, useState } from "react";

export type DownloadLabels = { label: string; preparing: string; ready: string; failed: string };

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

export function DownloadLink({ href, labels, testId }: { href: string; labels: DownloadLabels; testId?: string }) {
  const [state, setState] = useState<"idle" | "pending" | "ready" | "failed">("idle");
  const onClick = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (state === "pending") return;
    setState("pending");
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const blob = await response.blob();
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
  return (
    <span className="inline-flex flex-col">
      <a
        href={href}
        onClick={onClick}
        aria-busy={state === "pending"}
        aria-disabled={state === "pending"}
        className="btn btn-secondary"
        data-testid={testId}
        download
      >
        {state === "pending" ? labels.preparing : labels.label}
      </a>
      <span role="status" className={state === "failed" ? "msg-error text-xs" : "muted text-xs"}>
        {state === "ready" ? labels.ready : state === "failed" ? labels.failed : ""}
      </span>
    </span>
  );
}
