// The DOCX import form, as both of its entry points read it: the server action (pages without
// JavaScript) and POST /api/papers/import (the form with JavaScript, which shows upload progress).
import { z } from "zod";
import { paperKind } from "@/db/schema";
import { IMPORT_MAX_BYTES, type ImportDocxInput } from "./domain/import-docx";
import { MAX_TITLE_LENGTH } from "./domain/papers";
import { invalidInput } from "./errors";

const importFormSchema = z.object({
  dialogueId: z.uuid(),
  title: z.string().trim().max(MAX_TITLE_LENGTH).optional(),
  kind: z.enum(paperKind.enumValues),
  file: z.instanceof(File),
});

/** The form's fields and file, or a ZodError / refusal: an empty or oversized file is never read. */
export async function readImportForm(form: FormData): Promise<ImportDocxInput> {
  const input = importFormSchema.parse({
    dialogueId: form.get("dialogueId"),
    title: form.get("title") || undefined,
    kind: form.get("kind"),
    file: form.get("file"),
  });
  if (input.file.size === 0) throw invalidInput("no file", "exports.import.missing");
  if (input.file.size > IMPORT_MAX_BYTES) throw invalidInput("docx too large", "exports.import.tooLarge");
  return {
    dialogueId: input.dialogueId,
    kind: input.kind,
    title: input.title,
    fileName: input.file.name,
    bytes: new Uint8Array(await input.file.arrayBuffer()),
  };
}
