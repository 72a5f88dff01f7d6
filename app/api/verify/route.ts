// POST /api/verify (multipart, field "file") or GET /api/verify?hash=…: public, no sign-in.
// Answers only about submitted texts. Uploads over VERIFY_MAX_BYTES are refused unread. Each
// client address gets VERIFY_CHECKS_PER_MINUTE checks (429 beyond), and at most two renderings
// run at once, a few more wait (503 beyond).
import { z } from "zod";
import { getDb } from "@/db/client";
import { VERIFY_MAX_BYTES, verifyFile, verifyHash, verifyLimits } from "@/server/export/verify";
import { isGateFullError, rateLimitKey, requestClientAddress } from "@/server/rate-limit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const hashSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/);
// Multipart framing around the file.
const ENVELOPE = 64 * 1024;

/** Counts one check for the client; a 429 answer when it has used up its allowance. */
function overLimit(request: Request): Response | null {
  const decision = verifyLimits.perClient.take(rateLimitKey(requestClientAddress(request.headers)));
  if (decision.allowed) return null;
  return Response.json(
    { outcome: "rateLimited" },
    { status: 429, headers: { "retry-after": String(Math.ceil(decision.retryAfterMs / 1000)) } },
  );
}

const tooLarge = () => Response.json({ outcome: "tooLarge", maxBytes: VERIFY_MAX_BYTES }, { status: 413 });

/** Reads the body, giving up as soon as it passes `limit` bytes. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return null;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function GET(request: Request) {
  const limited = overLimit(request);
  if (limited) return limited;
  const hash = hashSchema.safeParse(new URL(request.url).searchParams.get("hash") ?? "");
  if (!hash.success) return Response.json({ outcome: "hashInvalid" }, { status: 400 });
  return Response.json(await verifyHash(await getDb(), hash.data));
}

export async function POST(request: Request) {
  const limited = overLimit(request);
  if (limited) return limited;
  const body = await readLimited(request, VERIFY_MAX_BYTES + ENVELOPE);
  if (!body) return tooLarge();
  let file: File | null = null;
  try {
    const form = await new Response(Buffer.from(body), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
    const value = form.get("file");
    file = value instanceof File && value.size > 0 ? value : null;
  } catch {
    file = null;
  }
  if (!file) return Response.json({ outcome: "nothing" }, { status: 400 });
  if (file.size > VERIFY_MAX_BYTES) return tooLarge();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return Response.json(await verifyFile(await getDb(), bytes, { schedule: verifyLimits.renderings.run }));
  } catch (error) {
    if (isGateFullError(error)) {
      return Response.json({ outcome: "busy" }, { status: 503, headers: { "retry-after": "10" } });
    }
    console.error(error);
    return Response.json({ outcome: "failed" }, { status: 500 });
  }
}
