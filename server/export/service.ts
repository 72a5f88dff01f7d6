// Export use cases behind the entry points: a download for a signed-in actor, and the ZIP of a
// dialogue's submitted papers. Authorization goes through the policy (server/policy.ts).
import { eq } from "drizzle-orm";
import { strToU8 } from "fflate";
import type { Db } from "@/db/client";
import { dialogues } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { sha256Hex } from "../canonical";
import { notFound } from "../errors";
import { type Actor, authorize, can } from "../policy";
import { issueExport } from "./fingerprints";
import { type ExportFile, type ExportFormat, exportFormats } from "./index";
import type { ZipEntry } from "./render";
import { exportSourceForActor, type RevisionSelector, submittedSource, submittedTexts } from "./source";
import { exportWork } from "./work";

export type ExportRequest = {
  paperId: string;
  revision: RevisionSelector;
  format: ExportFormat;
  lang: Locale;
  includeAnnotations?: boolean;
};

/**
 * One file of one revision (or the live draft) for an actor allowed `paper.export`; with
 * `includeAnnotations`, the live draft with its pending suggestions and open comments.
 */
export async function exportPaper(db: Db, actor: Actor, input: ExportRequest): Promise<ExportFile> {
  const source = await exportSourceForActor(db, actor, input.paperId, input.revision, {
    includeAnnotations: input.includeAnnotations,
    lang: input.lang,
  });
  // Files of a submitted revision are recorded as issued (server/export/fingerprints.ts).
  return issueExport(db, source, input.format, { lang: input.lang, includeAnnotations: input.includeAnnotations });
}

export type ManifestEntry = {
  reference: string;
  title: string;
  dialogue: string;
  revision: number;
  hash: string;
  submittedAt: string;
  files: { path: string; format: ExportFormat; sha256: string; bytes: number }[];
};

/** Every submitted paper of the dialogue in every format, and manifest.json; byte-stable. */
export async function exportDialogueSubmissions(
  db: Db,
  actor: Actor,
  input: { slug: string; lang: Locale; formats?: readonly ExportFormat[] },
): Promise<{ bytes: Uint8Array; filename: string; manifest: ManifestEntry[] }> {
  const [dialogue] = await db
    .select({ id: dialogues.id, code: dialogues.code, name: dialogues.name })
    .from(dialogues)
    .where(eq(dialogues.slug, input.slug));
  if (!dialogue || !can(actor, "dialogue.view", { dialogueId: dialogue.id })) throw notFound("dialogue");
  authorize(actor, "dialogue.exportSubmissions", { dialogueId: dialogue.id });
  const texts = await submittedTexts(db, { dialogueId: dialogue.id });
  const formats = input.formats ?? exportFormats;
  const files: ZipEntry[] = [];
  const manifest: ManifestEntry[] = [];
  let latest = new Date(Date.UTC(2000, 0, 1));
  for (const text of texts) {
    const source = await submittedSource(db, text.paperId);
    const folder = text.reference.replace(/[^A-Za-z0-9]+/g, "-");
    const entry: ManifestEntry = {
      reference: text.reference,
      title: text.title,
      dialogue: text.dialogue,
      revision: text.revision,
      hash: text.hash,
      submittedAt: text.submittedAt.toISOString(),
      files: [],
    };
    for (const format of formats) {
      const file = await issueExport(db, source, format, { lang: input.lang });
      const path = `${folder}/${file.filename}`;
      files.push({ path, bytes: file.bytes });
      entry.files.push({ path, format, sha256: sha256Hex(file.bytes), bytes: file.bytes.length });
    }
    manifest.push(entry);
    if (text.submittedAt > latest) latest = text.submittedAt;
  }
  files.push({
    path: "manifest.json",
    bytes: strToU8(
      `${JSON.stringify({ dialogue: dialogue.name, code: dialogue.code, language: input.lang, papers: manifest }, null, 2)}\n`,
    ),
  });
  return {
    bytes: await exportWork().zip(files, latest),
    filename: `${dialogue.code.toLowerCase()}-submitted-papers.zip`,
    manifest,
  };
}
