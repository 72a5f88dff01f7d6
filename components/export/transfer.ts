// Transfers that report their progress, for delegates on slow connections: a download read
// chunk by chunk against its Content-Length, and an upload through XMLHttpRequest (fetch
// reports no upload progress).

export type Progress = { done: number; total: number | null };

/**
 * Fetches `href` and reads its body, reporting bytes received against the file's size (our
 * X-File-Size header: the server sends files chunked, without Content-Length); rejects on a
 * status other than 2xx.
 */
export async function downloadWithProgress(
  href: string,
  onProgress: (progress: Progress) => void,
): Promise<{ blob: Blob; response: Response }> {
  const response = await fetch(href, { credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  const declared = Number(response.headers.get("x-file-size") ?? response.headers.get("content-length"));
  const total = Number.isFinite(declared) && declared > 0 ? declared : null;
  const type = response.headers.get("content-type") ?? "application/octet-stream";
  if (!response.body) return { blob: await response.blob(), response };
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let done = 0;
  onProgress({ done, total });
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    chunks.push(next.value);
    done += next.value.length;
    onProgress({ done, total });
  }
  return { blob: new Blob(chunks, { type }), response };
}

export type UploadOutcome = { status: number; body: unknown };

/** POSTs a form, reporting bytes sent, then `onSent` while the server works on it. */
export function uploadWithProgress(
  href: string,
  form: FormData,
  handlers: { onProgress(progress: Progress): void; onSent(): void },
): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", href);
    request.responseType = "json";
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) =>
      handlers.onProgress({ done: event.loaded, total: event.lengthComputable ? event.total : null });
    request.upload.onload = () => handlers.onSent();
    request.onload = () => resolve({ status: request.status, body: request.response });
    request.onerror = () => reject(new Error("network"));
    request.onabort = () => reject(new Error("aborted"));
    request.send(form);
  });
}

/** Whole percent of a transfer, or null while its size is unknown. */
export function percentOf(progress: Progress | null): number | null {
  if (!progress?.total) return null;
  return Math.min(100, Math.floor((progress.done / progress.total) * 100));
}

const pageLanguage = () => (typeof document === "undefined" ? undefined : document.documentElement.lang || undefined);

/** "12 s" (in the page's language): how long the server has been preparing a file. */
export function formatSeconds(seconds: number): string {
  return new Intl.NumberFormat(pageLanguage(), { style: "unit", unit: "second", unitDisplay: "short" }).format(seconds);
}

/** "45 %" in French, "45%" in English: in the page's language. */
export function formatPercent(percent: number): string {
  return new Intl.NumberFormat(pageLanguage(), { style: "percent" }).format(percent / 100);
}
