// Shared by the export route handlers: the request's first steps (signed in, a paper id, the
// query validated), file responses and error statuses.
import { z } from "zod";
import { currentActor } from "../auth/current";
import { AppError, httpStatusOf } from "../errors";
import type { Actor } from "../policy";

/**
 * A paper download's first steps, the same for every export route: 401 without a session, 404
 * for an id that is not a paper's, 400 for a query the schema refuses. Authorizing the paper
 * itself is the caller's next step (findPaperForActor and the policy).
 */
export async function paperDownloadRequest<Schema extends z.ZodType>(
  request: Request,
  params: Promise<{ id: string }>,
  schema: Schema,
): Promise<Response | { actor: Actor; paperId: string; query: z.infer<Schema> }> {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!z.uuid().safeParse(id).success) return Response.json({ error: "not_found" }, { status: 404 });
  const query = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: "invalid_input" }, { status: 400 });
  return { actor, paperId: id, query: query.data };
}

export function fileResponse(file: { bytes: Uint8Array; contentType: string; filename: string }): Response {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      // Next sends the body chunked, without Content-Length: this lets the page show the share received.
      "X-File-Size": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // Should the file ever be opened in place, nothing in it runs.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: error.code }, { status: httpStatusOf[error.code] });
  }
  console.error(error);
  return Response.json({ error: "unexpected" }, { status: 500 });
}
