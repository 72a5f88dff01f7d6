"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { paperKind } from "@/db/schema";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { createPaper, MAX_TITLE_LENGTH } from "@/server/domain/papers";

const createPaperSchema = z.object({
  dialogueId: z.uuid(),
  title: z.string().trim().min(1).max(MAX_TITLE_LENGTH),
  kind: z.enum(paperKind.enumValues),
});

export async function createPaperAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let paperId: string | undefined;
  const result = await actionResult(async () => {
    const input = createPaperSchema.parse(Object.fromEntries(form));
    const actor = await requireActor();
    paperId = (await createPaper(await getDb(), actor, input)).id;
  }, "papers.created");
  if (!paperId) return result;
  revalidatePath("/dialogues", "layout");
  redirect(`/papers/${paperId}`);
}
