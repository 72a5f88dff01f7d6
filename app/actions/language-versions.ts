"use server";
// Language versions (issue 19): adding one to a paper, confirming a translated paragraph. Each:
// validate, authenticate, one domain function (which authorizes and audits).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { addLanguageVersion, confirmTranslation } from "@/server/domain/language-versions";

const addSchema = z.object({ paperId: z.uuid(), language: z.string().regex(/^[a-z]{2,3}$/) });

export async function addLanguageVersionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let created: { id: string; originalId: string | null } | undefined;
  const result = await actionResult(async () => {
    const input = addSchema.parse({ paperId: form.get("paperId"), language: form.get("language") });
    created = await addLanguageVersion(await getDb(), await requireActor(), input);
  }, "versions.added");
  if (!created?.originalId) return result;
  revalidatePath(`/papers/${created.originalId}`, "layout");
  redirect(`/papers/${created.originalId}/parallel?with=${created.id}`);
}

const confirmSchema = z.object({ versionId: z.uuid(), pid: z.string().regex(/^[a-z0-9]{10}$/) });

export async function confirmTranslationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = confirmSchema.safeParse({ versionId: form.get("versionId"), pid: form.get("pid") });
  const result = await actionResult(async () => {
    if (!input.success) throw input.error;
    await confirmTranslation(await getDb(), await requireActor(), input.data);
  }, "versions.confirmed");
  if (result?.ok && input.success) {
    revalidatePath(`/papers/${input.data.versionId}`);
    revalidatePath("/papers/[id]/parallel", "page");
  }
  return result;
}
