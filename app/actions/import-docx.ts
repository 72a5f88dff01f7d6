"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { paperKind } from "@/db/schema";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { IMPORT_MAX_BYTES, importDocx } from "@/server/domain/import-docx";
import { MAX_TITLE_LENGTH } from "@/server/domain/papers";
import { invalidInput } from "@/server/errors";

const importSchema = z.object({
  dialogueId: z.uuid(),
  title: z.string().trim().max(MAX_TITLE_LENGTH).optional(),
  kind: z.enum(paperKind.enumValues),
  file: z.instanceof(File),
});

export async function importDocxAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let paperId: string | undefined;
  const result = await actionResult(async () => {
    const input = importSchema.parse({
      dialogueId: form.get("dialogueId"),
      title: form.get("title") ?? undefined,
      kind: form.get("kind"),
      file: form.get("file"),
    });
    if (input.file.size === 0) throw invalidInput("no file", "exports.import.missing");
    if (input.file.size > IMPORT_MAX_BYTES) throw invalidInput("docx too large", "exports.import.tooLarge");
    const actor = await requireActor();
    const paper = await importDocx(await getDb(), actor, {
      dialogueId: input.dialogueId,
      kind: input.kind,
      title: input.title,
      fileName: input.file.name,
      bytes: new Uint8Array(await input.file.arrayBuffer()),
    });
    paperId = paper.id;
  }, "exports.import.done");
  if (!paperId) return result;
  revalidatePath("/dialogues", "layout");
  redirect(`/papers/${paperId}`);
}
