// GET /api/papers/:id/export?format=docx|pdf|html|md|akn&revision=N|live[&lang=en|fr][&annotations=1]
// annotations=1: the live draft with its pending suggestions and open comments (refused with 400
// for a frozen revision, 403 for someone who may not see the dialogue's comments).
import { z } from "zod";
import { getDb } from "@/db/client";
import { locales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { errorResponse, fileResponse, paperDownloadRequest } from "@/server/export/http";
import { exportPaper } from "@/server/export/service";
import { exportFormats } from "@/server/export/types";
import { requestLocale } from "@/server/locale";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const querySchema = z.object({
  format: z.enum(exportFormats),
  revision: z.union([z.literal("live"), z.coerce.number().int().positive().max(1_000_000)]),
  lang: z.enum(locales).optional(),
  annotations: z.enum(["0", "1"]).optional(),
});

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const req = await paperDownloadRequest(request, params, querySchema);
  if (req instanceof Response) return req;
  const { actor, paperId, query } = req;
  const lang = query.lang ?? (await requestLocale());
  const includeAnnotations = query.annotations === "1";
  if (includeAnnotations && query.revision !== "live") {
    // Frozen and submitted texts are exported exactly as they are: they never carry annotations.
    return Response.json(
      { error: "invalid_input", message: translator(lang)("exports.annotations.liveOnly") },
      { status: 400 },
    );
  }
  try {
    const file = await exportPaper(await getDb(), actor, {
      paperId,
      revision: query.revision,
      format: query.format,
      lang,
      includeAnnotations,
    });
    return fileResponse(file);
  } catch (error) {
    return errorResponse(error);
  }
}
