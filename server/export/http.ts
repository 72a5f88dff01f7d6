// Shared by the export route handlers: file responses and error statuses.
import { AppError, httpStatusOf } from "../errors";

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
