// GET /api/papers/:id/compilation?format=csv[&delegation=<partner id>][&paragraph=N][&lang=en|fr]
// The compilation of amendments as CSV, for those who see the paper's suggestions and threads
// (`paper.viewComments`); 404 for everyone else, as the paper page.
import { z } from "zod";
import { getDb } from "@/db/client";
import { locales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { currentActor } from "@/server/auth/current";
import { errorResponse, fileResponse } from "@/server/export/http";
import { requestLocale } from "@/server/locale";
import { compilationForPaper } from "@/server/queries/compilation";
import { compilationCsv, compilationFilename } from "@/server/queries/compilation-csv";
import { compilationQuery } from "@/server/queries/compilation-filter";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const formatSchema = z.object({ format: z.literal("csv"), lang: z.enum(locales).optional() });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!z.uuid().safeParse(id).success) return Response.json({ error: "not_found" }, { status: 404 });
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const format = formatSchema.safeParse({ format: searchParams.format, lang: searchParams.lang });
  if (!format.success) return Response.json({ error: "invalid_input" }, { status: 400 });
  const lang = format.data.lang ?? (await requestLocale());
  try {
    const found = await compilationForPaper(await getDb(), actor, id, lang, compilationQuery(searchParams));
    if (!found) return Response.json({ error: "not_found" }, { status: 404 });
    const bytes = new TextEncoder().encode(compilationCsv(found.compilation.rows, translator(lang)));
    return fileResponse({
      bytes,
      contentType: "text/csv; charset=utf-8",
      filename: compilationFilename(found.paper.title),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
