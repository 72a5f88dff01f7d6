// POST /api/verify (multipart, field "file") or GET /api/verify?hash=…: public, no sign-in.
// Answers only about submitted texts. Uploads over VERIFY_MAX_BYTES are refused unread. Each
// client address gets VERIFY_CHECKS_PER_MINUTE checks across all instances (429 beyond), and at
// most two renderings run at once in this process, a few more wait (503 beyond). A browser
// posting the form without JavaScript gets a page, not JSON: a 303 to /verify with the outcome.
import { z } from "zod";
import { getDb } from "@/db/client";
import type { VerifyResponse } from "@/lib/verify-outcome";
import { verifyFile } from "@/server/export/verify/file";
import { verifyHash } from "@/server/export/verify/hash";
import { VERIFY_MAX_BYTES, verifyLimits } from "@/server/export/verify/limits";
import { parseForm, readBodyWithin } from "@/server/http-body";
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

/** The form's script asks for JSON; a plain form post (no JavaScript) asks for a page. */
const wantsPage = (request: Request) => {
  const accept = request.headers.get("accept") ?? "";
  return accept.includes("text/html") && !accept.includes("application/json");
};

/**
 * The outcome as JSON, or for a plain form post a redirect to the verify page: a match by the
 * text's hash (the page looks it up again, so the address claims nothing by itself), any other
 * outcome by name.
 */
function answer(request: Request, outcome: VerifyResponse, init?: ResponseInit): Response {
  if (!wantsPage(request)) return Response.json(outcome, init);
  const query =
    outcome.outcome === "match" && outcome.matches[0]
      ? `hash=${outcome.matches[0].hash}`
      : `file=${outcome.outcome === "match" ? "failed" : outcome.outcome}`;
  // A relative Location: right behind any proxy, whatever host the request named.
  return new Response(null, { status: 303, headers: { location: `/verify?${query}` } });
}

/** Counts one check for the client; a 429 answer when it has used up its allowance. */
async function overLimit(request: Request): Promise<Response | null> {
  const decision = await verifyLimits.perClient.take(rateLimitKey(requestClientAddress(request.headers)));
  if (decision.allowed) return null;
  return answer(
    request,
    { outcome: "rateLimited" },
    { status: 429, headers: { "retry-after": String(Math.ceil(decision.retryAfterMs / 1000)) } },
  );
}

const tooLarge = (request: Request) => answer(request, { outcome: "tooLarge" }, { status: 413 });

/** Reads the body, giving up as soon as it passes `limit` bytes. */
export async function GET(request: Request) {
  const limited = await overLimit(request);
  if (limited) return limited;
  const hash = hashSchema.safeParse(new URL(request.url).searchParams.get("hash") ?? "");
  if (!hash.success) return Response.json({ outcome: "hashInvalid" }, { status: 400 });
  return Response.json(await verifyHash(await getDb(), hash.data));
}

export async function POST(request: Request) {
  const limited = await overLimit(request);
  if (limited) return limited;
  const body = await readBodyWithin(request, VERIFY_MAX_BYTES + ENVELOPE);
  if (!body.ok) {
    return body.refusal === "tooLarge" ? tooLarge(request) : answer(request, { outcome: "nothing" }, { status: 408 });
  }
  const value = (await parseForm(request, body.bytes))?.get("file");
  const file = value instanceof File && value.size > 0 ? value : null;
  if (!file) return answer(request, { outcome: "nothing" }, { status: 400 });
  if (file.size > VERIFY_MAX_BYTES) return tooLarge(request);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return answer(request, await verifyFile(await getDb(), bytes, { schedule: verifyLimits.renderings.run }));
  } catch (error) {
    if (isGateFullError(error)) {
      return answer(request, { outcome: "busy" }, { status: 503, headers: { "retry-after": "10" } });
    }
    console.error(error);
    return answer(request, { outcome: "failed" }, { status: 500 });
  }
}
