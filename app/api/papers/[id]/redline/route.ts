// GET /api/papers/:id/redline?from=1|live&to=2|live — the compare page's differences as a Word
// document with real tracked changes (w:ins / w:del), attributed to the dialogue's secretariat.
import { z } from "zod";
import { getDb } from "@/db/client";
import { compareDocuments } from "@/lib/compare";
import { translator } from "@/lib/i18n/translate";
import { errorResponse, fileResponse, paperDownloadRequest } from "@/server/export/http";
import { exportWork } from "@/server/export/work";
import { requestLocale } from "@/server/locale";
import { can } from "@/server/policy";
import { comparedTexts, compareSide } from "@/server/queries/compare";
import { findPaperForActor } from "@/server/queries/papers";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const querySchema = z.object({ from: compareSide, to: compareSide });
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const req = await paperDownloadRequest(request, params, querySchema);
  if (req instanceof Response) return req;
  const { actor, paperId: id, query } = req;
  try {
    const db = await getDb();
    const found = await findPaperForActor(db, actor, id);
    if (!found || !can(actor, "paper.export", found.paper))
      return Response.json({ error: "not_found" }, { status: 404 });
    const t = translator(await requestLocale());
    const texts = await comparedTexts(
      db,
      { id, originalId: found.paper.originalId, liveContent: found.content },
      query,
      t,
    );
    if (!texts) return Response.json({ error: "not_found" }, { status: 404 });
    const bytes = await exportWork().redlineDocx({
      rows: compareDocuments(texts.from.doc, texts.to.doc, t("editor.adRefMarker")),
      title: found.paper.title,
      subtitle: t("revisions.compareHeading", { from: texts.from.label, to: texts.to.label }),
      author: t("revisions.redlineAuthor", { dialogue: found.dialogue.name }),
      // A frozen revision's own date: the same revisions always give the same file.
      date: (texts.to.frozenAt ?? new Date()).toISOString(),
    });
    const side = (s: typeof query.from) => (s === "live" ? "live" : `rev${s}`);
    return fileResponse({
      bytes,
      contentType: DOCX,
      filename: `${found.paper.title.slice(0, 80)} - ${side(query.from)}-${side(query.to)} redline.docx`,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
