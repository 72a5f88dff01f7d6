"use server";
// The DOCX import for pages without JavaScript; with it, the form posts to /api/papers/import,
// which reports upload progress. Both read the form alike (server/import-form.ts).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { importDocx } from "@/server/domain/import-docx";
import { readImportForm } from "@/server/import-form";

export async function importDocxAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let paperId: string | undefined;
  const result = await actionResult(async () => {
    const input = await readImportForm(form);
    const actor = await requireActor();
    paperId = (await importDocx(await getDb(), actor, input)).id;
  }, "exports.import.done");
  if (!paperId) return result;
  revalidatePath("/dialogues", "layout");
  redirect(`/papers/${paperId}`);
}
