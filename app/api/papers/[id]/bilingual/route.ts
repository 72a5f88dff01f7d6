// GET /api/papers/:id/bilingual?with=<versionId>&format=docx|pdf&revision=N|live[&lang=…] — the
// original and one of its language versions in two aligned columns (server/export/render/bilingual.ts).
import { z } from "zod";
import { getDb } from "@/db/client";
import { locales } from "@/lib/i18n/locales";
import { errorResponse, fileResponse, paperDownloadRequest } from "@/server/export/http";
import { exportBilingual } from "@/server/export/service";
import { requestLocale } from "@/server/locale";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const querySchema = z.object({
  with: z.uuid(),
  format: z.enum(["docx", "pdf"]),
  revision: z.union([z.literal("live"), z.coerce.number().int().positive().max(1_000_000)]),
  lang: z.enum(locales).optional(),
});

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const req = await paperDownloadRequest(request, params, querySchema);
  if (req instanceof Response) return req;
  const { actor, paperId, query } = req;
  try {
    const file = await exportBilingual(await getDb(), actor, {
      paperId,
      versionId: query.with,
      revision: query.revision,
      format: query.format,
      lang: query.lang ?? (await requestLocale()),
    });
    return fileResponse(file);
  } catch (error) {
    return errorResponse(error);
  }
}
