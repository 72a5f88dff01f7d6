// Reading a request body a client streams to a route handler: the size is counted as the bytes
// arrive (a chunked body declares none) and the reading stops at the limit or the deadline, so a
// client cannot make the server hold more than `limit` bytes or wait on it for ever.
export type BodyRefusal = "tooLarge" | "tooSlow";

/** Time a client has to send a whole upload (a 10 MiB file at 2 Mbit/s takes about 40 s). */
export const UPLOAD_DEADLINE_MS = 120_000;

export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; refusal: BodyRefusal };

export async function readBodyWithin(
  request: Request,
  limit: number,
  deadlineMs: number = UPLOAD_DEADLINE_MS,
): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return { ok: false, refusal: "tooLarge" };
  const reader = request.body?.getReader();
  if (!reader) return { ok: true, bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deadlineMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), late]);
      if (next === "late") {
        void reader.cancel().catch(() => {});
        return { ok: false, refusal: "tooSlow" };
      }
      if (next.done) break;
      total += next.value.length;
      if (total > limit) {
        void reader.cancel().catch(() => {});
        return { ok: false, refusal: "tooLarge" };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
}

/** The multipart form in `bytes`, as the request's content type frames it; null if it is none. */
export async function parseForm(request: Request, bytes: Uint8Array): Promise<FormData | null> {
  try {
    return await new Response(Buffer.from(bytes), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return null;
  }
}
