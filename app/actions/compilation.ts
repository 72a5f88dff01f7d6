"use server";
// The chair's proposed disposition of a row of the compilation of amendments: validate,
// authenticate, one domain function (which authorizes against the paper, checks the row and audits).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import {
  AMENDED_TEXT_MAX,
  DISPOSITION_NOTE_MAX,
  dispositionValues,
  parseRowKey,
  recordDisposition,
} from "@/server/domain/dispositions";
import { invalidInput } from "@/server/errors";

const rowRef = z
  .string()
  .max(200)
  .transform((key, ctx) => {
    const row = parseRowKey(key);
    if (!row) ctx.addIssue({ code: "custom", message: "not a row of the compilation" });
    return row ?? z.NEVER;
  });

const dispositionSchema = z.object({
  paperId: z.uuid(),
  row: rowRef,
  disposition: z.enum(dispositionValues),
  // An empty select or text box is no value.
  mergeWith: z.preprocess((v) => (v === "" ? undefined : v), rowRef.optional()),
  amendedText: z
    .string()
    .max(AMENDED_TEXT_MAX * 2)
    .optional(),
  note: z
    .string()
    .max(DISPOSITION_NOTE_MAX * 2)
    .optional(),
});

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith("$")));

export async function recordDispositionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const paperId = z.uuid().safeParse(form.get("paperId")).data;
  const result = await actionResult(async () => {
    const parsed = dispositionSchema.safeParse(fields(form));
    // Beyond twice the limit the text is refused here; up to it, the domain says which limit.
    if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === "note"))
      throw invalidInput("note too long", "compilation.errors.noteTooLong");
    if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === "amendedText"))
      throw invalidInput("amended wording too long", "compilation.errors.amendedTextTooLong");
    const input = dispositionSchema.parse(fields(form));
    return recordDisposition(await getDb(), await requireActor(), input);
  }, "compilation.form.recorded");
  if (result?.ok && paperId) revalidatePath(`/papers/${paperId}/compilation`);
  return result;
}
