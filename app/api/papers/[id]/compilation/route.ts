// GET /api/papers/:id/compilation?format=csv|docx|pdf[&delegation=<partner id>][&paragraph=N][&status=…][&lang=en|fr]
// The compilation of amendments as CSV, or as the landscape table secretariats circulate (Word
// or PDF, rendered on the export thread), for those who see the paper's suggestions and threads
// (`paper.viewComments`, as the page); 404 for everyone else, as the paper page.
import { z } from "zod";
import { getDb } from "@/db/client";
import { locales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { errorResponse, fileResponse, paperDownloadRequest } from "@/server/export/http";
import { exportWork } from "@/server/export/work";
import { requestLocale } from "@/server/locale";
import { compilationForPaper } from "@/server/queries/compilation";
import { compilationCsv, compilationFilename } from "@/server/queries/compilation-csv";
import { compilationExportInput, filterLabel } from "@/server/queries/compilation-export";
import { compilationQuery } from "@/server/queries/compilation-filter";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// The filters are read leniently (compilationQuery: anything else is no filter), the format strictly.
const querySchema = z.looseObject({ format: z.enum(["csv", "docx", "pdf"]), lang: z.enum(locales).optional() });

const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const req = await paperDownloadRequest(request, params, querySchema);
  if (req instanceof Response) return req;
  const { actor, paperId, query } = req;
  const lang = query.lang ?? (await requestLocale());
  const filter = compilationQuery(query as Record<string, string>);
  try {
    const found = await compilationForPaper(await getDb(), actor, paperId, lang, filter);
    if (!found) return Response.json({ error: "not_found" }, { status: 404 });
    const t = translator(lang);
    const { format } = query;
    const bytes =
      format === "csv"
        ? new TextEncoder().encode(compilationCsv(found.compilation.rows, t))
        : await exportWork().compilationFile(
            compilationExportInput({
              rows: found.compilation.rows,
              paper: found.paper,
              dialogue: found.dialogue,
              filterLabel: filterLabel(filter, found.compilation.delegations, t),
              t,
              lang,
              at: new Date(),
            }),
            format,
          );
    return fileResponse({
      bytes,
      contentType: CONTENT_TYPE[format],
      filename: compilationFilename(found.paper.title, format),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
