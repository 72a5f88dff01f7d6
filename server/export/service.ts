// The one service that issues export files: it builds a file (rendered on the export thread when
// the server runs one, server/export/work.ts) and, for a submitted revision, keeps it and records
// its fingerprint (server/export/issued-files.ts). Downloads, the dialogue's ZIP, the background
// rendering at submission and the verify check all go through it, so a file is always produced
// the same way from the same stored text. Authorization goes through the policy (server/policy.ts).

import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dialogues } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { sha256Hex } from "../canonical";
import { notFound } from "../errors";
import { type Actor, authorize, can } from "../policy";
import { parallelReading } from "../queries/language-versions";
import { findPaperForActor } from "../queries/papers";
import { symbolFilePart } from "./document-symbol";
import {
  isIssuedSubmission,
  keepFile,
  keptFile,
  recordFingerprint,
  type SubmissionRef,
  submissionOf,
} from "./issued-files";
import { exportSourceForActor, submittedSource } from "./source";
import { submittedTexts } from "./submitted";
import {
  type BilingualExportInput,
  type ExportFile,
  type ExportFormat,
  type ExportOptions,
  type ExportSource,
  exportFormats,
  isAnnotatedExport,
  type RevisionSelector,
  type ZipEntry,
} from "./types";
import { exportWork } from "./work";

const contentTypes: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  akn: "application/akn+xml; charset=utf-8",
};

const extensions: Record<ExportFormat, string> = {
  docx: "docx",
  pdf: "pdf",
  html: "html",
  md: "md",
  akn: "akn.xml",
};

/**
 * A file name safe everywhere: ASCII letters, digits, dots and dashes. A revision with a document
 * symbol is named by it first (`RABAT-2026-WG.1-L.3-Rev.1-title.pdf`: the symbol carries the
 * revision); otherwise the title, then the revision.
 */
function exportFilename(source: ExportSource, format: ExportFormat, annotated = false): string {
  const base =
    source.title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .toLowerCase() || "paper";
  // A language version shares its original's title and symbol: its language tells the files apart.
  const language = source.texts ? `-${source.texts.replace("+", "-")}` : "";
  if (source.revision !== null && source.symbol) {
    return `${symbolFilePart(source.symbol)}-${base.slice(0, 40).replace(/-+$/, "")}${language}.${extensions[format]}`;
  }
  const rev = source.revision === null ? (annotated ? "live-draft-annotated" : "live-draft") : `rev${source.revision}`;
  return `${base}-${rev}${language}.${extensions[format]}`;
}

/** The file of `source` in `format`, rendered now (nothing kept, nothing recorded). */
export async function renderExport(
  source: ExportSource,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportFile> {
  const bytes = await exportWork().render(source, format, options);
  return {
    bytes,
    contentType: contentTypes[format],
    filename: exportFilename(source, format, isAnnotatedExport(source, options)),
  };
}

/**
 * A file to hand out. For the submitted revision (plain, without annotations): the kept official
 * copy, or, the first time, the rendered file, kept and its fingerprint recorded. Anything else
 * is rendered. Every path that hands a file out (downloads, the ZIP) goes through this.
 */
export async function issueExport(
  db: Db,
  source: ExportSource,
  format: ExportFormat,
  options: ExportOptions,
): Promise<ExportFile> {
  return issueFile(db, source, format, options, () => renderExport(source, format, options));
}

/** Hands out the kept copy of a submitted revision's file, or renders, keeps and records it (`source.texts` tells the files apart). */
async function issueFile(
  db: Db,
  source: ExportSource,
  format: ExportFormat,
  options: ExportOptions,
  render: () => Promise<ExportFile>,
): Promise<ExportFile> {
  if (!isIssuedSubmission(source, options)) return render();
  let submission: SubmissionRef | null = null;
  try {
    submission = await submissionOf(db, source);
    const kept = submission ? await keptFile(db, submission, format, options.lang) : null;
    if (kept) return kept;
  } catch (error) {
    console.error(`issued files: could not read the kept ${format} file of paper ${source.paperId}`, error);
  }
  const file = await render();
  if (!submission) return file;
  let issued = file;
  try {
    issued = await keepFile(db, submission, format, options.lang, file);
  } catch (error) {
    console.error(`issued files: could not keep the ${format} file of paper ${source.paperId}`, error);
  }
  try {
    await recordFingerprint(db, submission, format, options.lang, issued.bytes);
  } catch (error) {
    console.error(`fingerprints: could not record the ${format} file of paper ${source.paperId}`, error);
  }
  return issued;
}

/** The bilingual file of an original and its version (server/export/render/bilingual.ts), rendered now. */
export async function renderBilingualExport(input: BilingualExportInput, format: "docx" | "pdf"): Promise<ExportFile> {
  const bytes = await exportWork().bilingualFile(input, format);
  return { bytes, contentType: contentTypes[format], filename: exportFilename(bilingualSource(input), format) };
}

/** What the bilingual file is issued and fingerprinted as: the original's text, `texts` naming both languages. */
function bilingualSource(input: BilingualExportInput): ExportSource {
  return { ...input.original, texts: `${input.original.language}+${input.version.language}` };
}

export type BilingualRequest = {
  paperId: string;
  versionId: string;
  revision: RevisionSelector;
  format: "docx" | "pdf";
  lang: Locale;
};

/**
 * An original and one of its language versions in two aligned columns, for an actor allowed to
 * export both (the policy's `paper.export`, asked by `exportSourceForActor`); not found unless
 * `versionId` is a version of `paperId` the actor may see. A submitted revision's file is kept
 * and fingerprinted like the others, so the verify check knows it.
 */
export async function exportBilingual(db: Db, actor: Actor, input: BilingualRequest): Promise<ExportFile> {
  const found = await findPaperForActor(db, actor, input.versionId);
  if (!found || found.paper.originalId !== input.paperId) throw notFound("paper");
  const [original, version] = [
    await exportSourceForActor(db, actor, input.paperId, input.revision),
    await exportSourceForActor(db, actor, input.versionId, input.revision),
  ];
  let outdatedNumbers: number[] = [];
  if (input.revision === "live") {
    const reading = await parallelReading(db, actor, input.paperId, input.versionId);
    outdatedNumbers = (reading?.rows ?? []).flatMap((row) =>
      (row.outdated || (row.original !== null && row.version === null)) && row.number !== null ? [row.number] : [],
    );
  }
  const bilingual: BilingualExportInput = { original, version, lang: input.lang, outdatedNumbers };
  return issueFile(db, bilingualSource(bilingual), input.format, { lang: input.lang }, () =>
    renderBilingualExport(bilingual, input.format),
  );
}

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
  // Files of a submitted revision are kept and recorded as issued.
  return issueExport(db, source, input.format, { lang: input.lang, includeAnnotations: input.includeAnnotations });
}

export type ManifestEntry = {
  reference: string;
  title: string;
  dialogue: string;
  revision: number;
  hash: string;
  submittedAt: string;
  /** Each file's text: `language` is the text's (a language version's files follow the original's). */
  files: { path: string; format: ExportFormat; language: string; sha256: string; bytes: number }[];
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
    // The original, then every language version frozen with the submitted revision.
    const sources = [source];
    for (const frozen of source.languages ?? []) {
      if (!frozen.isOriginal) sources.push(await submittedSource(db, frozen.paperId));
    }
    for (const written of sources) {
      for (const format of formats) {
        const file = await issueExport(db, written, format, { lang: input.lang });
        const path = `${folder}/${file.filename}`;
        files.push({ path, bytes: file.bytes });
        entry.files.push({
          path,
          format,
          language: written.language,
          sha256: sha256Hex(file.bytes),
          bytes: file.bytes.length,
        });
      }
    }
    manifest.push(entry);
    if (text.submittedAt > latest) latest = text.submittedAt;
  }
  files.push({
    path: "manifest.json",
    bytes: new TextEncoder().encode(
      `${JSON.stringify({ dialogue: dialogue.name, code: dialogue.code, language: input.lang, papers: manifest }, null, 2)}\n`,
    ),
  });
  return {
    bytes: await exportWork().zip(files, latest),
    filename: `${dialogue.code.toLowerCase()}-submitted-papers.zip`,
    manifest,
  };
}
