// Starting a paper from a Word file: the file is read into the paper schema on the export
// thread (server/export/import/docx.ts, so a large file never stalls the editor for others),
// then createPaper writes the paper and its Yjs state. Nothing is written unless the whole file
// was read.
import type { Db } from "@/db/client";
import type { PaperKind } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { IMPORT_MAX_BYTES } from "../export/import/limits";
import { exportWork } from "../export/work";
import { type Actor, authorize } from "../policy";
import { createPaper, MAX_TITLE_LENGTH } from "./papers";

export { IMPORT_MAX_BYTES };

export type ImportDocxInput = {
  dialogueId: string;
  kind: PaperKind;
  title?: string;
  fileName?: string;
  bytes: Uint8Array;
};

function titleFrom(input: ImportDocxInput, doc: DocNode): string {
  const given = input.title?.trim();
  if (given) return given.slice(0, MAX_TITLE_LENGTH);
  const heading = doc.content?.find((n) => n.type === "heading");
  const fromHeading = heading
    ? (heading.content ?? [])
        .map((c) => c.text ?? "")
        .join("")
        .trim()
    : "";
  const fromName = (input.fileName ?? "").replace(/\.docx$/i, "").trim();
  return (fromHeading || fromName || "Imported paper").slice(0, MAX_TITLE_LENGTH);
}

/** Creates a new paper from a DOCX file; nothing is written unless the whole file is read. */
export async function importDocx(db: Db, actor: Actor | null, input: ImportDocxInput) {
  authorize(actor, "paper.create", { dialogueId: input.dialogueId });
  const doc = await exportWork().docxToDoc(input.bytes);
  return createPaper(db, actor, {
    dialogueId: input.dialogueId,
    title: titleFrom(input, doc),
    kind: input.kind,
    content: doc,
  });
}
