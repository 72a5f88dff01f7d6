"use server";
// The DOCX import for pages without JavaScript; with it, the form posts to /api/papers/import,
// which reports upload progress. Both read the form alike (server/import-form.ts).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { importDocx, importedPaperHref } from "@/server/domain/import-docx";
import { readImportForm } from "@/server/import-form";
import { getTranslator } from "@/server/locale";

export async function importDocxAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let href: string | undefined;
  const result = await actionResult(async () => {
    const input = await readImportForm(form);
    const actor = await requireActor();
    const { locale } = await getTranslator();
    const paper = await importDocx(await getDb(), actor, { ...input, locale });
    href = importedPaperHref(paper.id, paper.imported);
  }, "exports.import.done");
  if (!href) return result;
  revalidatePath("/dialogues", "layout");
  redirect(href);
}
