// POST /api/papers/import (multipart: dialogueId, kind, title?, file): a new paper from a DOCX.
// The import form posts here with JavaScript so that it can show upload progress; 201 with the
// paper's address, or an error status with the message to show. Authorization comes first; the
// body is counted as it arrives and refused at the limit or the deadline (server/http-body.ts).
import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { getDb } from "@/db/client";
import { failureMessage } from "@/server/action-result";
import { currentActor } from "@/server/auth/current";
import { IMPORT_MAX_BYTES, importDocx, importedPaperHref } from "@/server/domain/import-docx";
import { AppError, httpStatusOf, invalidInput } from "@/server/errors";
import { parseForm, readBodyWithin } from "@/server/http-body";
import { readImportForm } from "@/server/import-form";
import { getTranslator } from "@/server/locale";
import { can } from "@/server/policy";
import { isCrossSite } from "@/server/same-origin";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Multipart framing and the other fields around the file. */
const ENVELOPE = 64 * 1024;

export async function POST(request: Request) {
  const { t, locale } = await getTranslator();
  if (isCrossSite(request.headers)) {
    return Response.json({ error: "forbidden", message: t("errors.forbidden") }, { status: 403 });
  }
  const actor = await currentActor();
  if (!actor) return Response.json({ error: "unauthenticated", message: t("errors.unauthenticated") }, { status: 401 });
  try {
    // Decided before a byte of the body is read: who may not create papers anywhere is refused
    // at once; the dialogue the form names is checked again by the import itself.
    if (!can(actor, "paper.createSomewhere", null)) throw new AppError("forbidden", "paper.createSomewhere denied");
    const body = await readBodyWithin(request, IMPORT_MAX_BYTES + ENVELOPE);
    if (!body.ok) {
      throw invalidInput(
        `upload ${body.refusal}`,
        body.refusal === "tooLarge" ? "exports.import.tooLarge" : "exports.import.tooSlow",
      );
    }
    const form = await parseForm(request, body.bytes);
    if (!form) throw invalidInput("not a multipart form", "exports.import.missing");
    const paper = await importDocx(await getDb(), actor, { ...(await readImportForm(form)), locale });
    revalidatePath("/dialogues", "layout");
    return Response.json(
      { paperId: paper.id, href: importedPaperHref(paper.id, paper.imported), imported: paper.imported },
      { status: 201 },
    );
  } catch (error) {
    const message = failureMessage(error, t);
    if (error instanceof AppError)
      return Response.json({ error: error.code, message }, { status: httpStatusOf[error.code] });
    if (error instanceof ZodError) return Response.json({ error: "invalid_input", message }, { status: 400 });
    return Response.json({ error: "unexpected", message }, { status: 500 });
  }
}
