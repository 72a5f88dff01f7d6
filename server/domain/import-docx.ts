// Starting a paper from a Word file: the file is read into the paper schema on the export
// thread (server/export/import/docx.ts, so a large file never stalls the editor for others),
// then the paper, its Yjs state and its comment threads are written in one transaction. Nothing
// is written unless the whole file was read. The file's tracked changes arrive as suggestions
// and its Word comments as threads, in the name of the importer and the partner they speak for
// in the dialogue (as if they had typed them in suggest mode and commented); each comment's body
// says which Word author wrote it, and the paper's creation record lists those authors and the
// counts. Imported comments notify nobody (they are not new words of anyone here), and the
// import spends one of the account's comment allowance when it brings threads.
import type { Db, Tx } from "@/db/client";
import { comments, commentThreads, type PaperKind } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { recordAudits } from "../audit";
import type { ImportedComment, ImportedThread } from "../export/import/imported";
import { IMPORT_MAX_BYTES } from "../export/import/limits";
import { exportWork } from "../export/work";
import { type Actor, authorize } from "../policy";
import { indexNewComments } from "../search/index-entries";
import { spendCommentAllowance } from "./comment-limits";
import { COMMENT_MAX_LENGTH, QUOTE_MAX_LENGTH } from "./comments";
import { insertPaper, MAX_TITLE_LENGTH, preparePaper } from "./papers";

export { IMPORT_MAX_BYTES };

export type ImportDocxInput = {
  dialogueId: string;
  kind: PaperKind;
  title?: string;
  fileName?: string;
  bytes: Uint8Array;
  /** The language the imported comments' "Word comment by…" line is written in (the request's). */
  locale?: Locale;
};

/** What the import brought besides the text: shown to the importer, kept in the audit log. */
export type ImportSummary = { suggestions: number; threads: number; replies: number; wordAuthors: string[] };

/** Where the importer lands: the new paper, with the import's summary when it brought suggestions or threads. */
export function importedPaperHref(paperId: string, summary: ImportSummary): string {
  return summary.suggestions > 0 || summary.threads > 0 ? `/papers/${paperId}?imported=1` : `/papers/${paperId}`;
}

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

/** A Word comment as the importer's comment: who wrote it in Word (and when), then its text, within the comment limit. */
export function importedCommentBody(comment: ImportedComment, locale: Locale): string {
  const t = translator(locale);
  const author = comment.author || t("exports.import.unknownAuthor");
  const day = /^\d{4}-\d{2}-\d{2}/.exec(comment.date ?? "")?.[0];
  const head = day
    ? t("exports.import.wordCommentDated", { author, date: day })
    : t("exports.import.wordComment", { author });
  const body = `${head}\n${comment.text.replace(/\r\n?/g, "\n")}`.trim();
  return body.length > COMMENT_MAX_LENGTH ? `${body.slice(0, COMMENT_MAX_LENGTH - 1)}…` : body;
}

/** Creates a new paper from a DOCX file; nothing is written unless the whole file is read. */
export async function importDocx(db: Db, actor: Actor | null, input: ImportDocxInput) {
  authorize(actor, "paper.create", { dialogueId: input.dialogueId });
  const partnerId = actor.memberships.get(input.dialogueId)?.partnerId ?? null;
  const read = await exportWork().readDocx(input.bytes, { userId: actor.id, partnerId });
  const summary: ImportSummary = {
    suggestions: read.suggestions,
    threads: read.threads.length,
    replies: read.threads.reduce((sum, t) => sum + t.comments.length - 1, 0),
    wordAuthors: read.wordAuthors,
  };
  const prepared = preparePaper(
    { dialogueId: input.dialogueId, title: titleFrom(input, read.doc), kind: input.kind, content: read.doc },
    summary.suggestions || summary.threads ? { imported: summary } : undefined,
  );
  if (read.threads.length > 0) await spendCommentAllowance(actor.id);
  const paper = await db.transaction(async (tx) => {
    const paper = await insertPaper(tx, actor, prepared);
    await insertThreads(tx, actor, paper, partnerId, read.threads, input.locale ?? "en");
    return paper;
  });
  return { ...paper, imported: summary };
}

/** The imported threads, oldest first in the file's order, each comment by the importer. */
async function insertThreads(
  tx: Tx,
  actor: Actor,
  paper: { id: string; dialogueId: string },
  partnerId: string | null,
  threads: ImportedThread[],
  locale: Locale,
) {
  if (threads.length === 0) return;
  const start = Date.now();
  let tick = 0;
  // Listed by creation time: one millisecond apart keeps the file's order.
  const at = () => new Date(start + tick++);
  const rows = await tx
    .insert(commentThreads)
    .values(
      threads.map((thread) => ({
        paperId: paper.id,
        anchorId: thread.anchorId,
        quote: thread.quote.slice(0, QUOTE_MAX_LENGTH),
        createdBy: actor.id,
        partnerId,
        createdAt: at(),
        ...(thread.resolved ? { resolvedAt: new Date(start), resolvedBy: actor.id } : {}),
      })),
    )
    .returning({ id: commentThreads.id, anchorId: commentThreads.anchorId });
  const idOf = new Map(rows.map((r) => [r.anchorId, r.id]));
  const values = threads.flatMap((thread) =>
    thread.comments.map((comment) => ({
      threadId: idOf.get(thread.anchorId) as string,
      authorId: actor.id,
      body: importedCommentBody(comment, locale),
      createdAt: at(),
    })),
  );
  // In slices: a statement's parameters are limited.
  for (let i = 0; i < values.length; i += 500) {
    const written = await tx
      .insert(comments)
      .values(values.slice(i, i + 500))
      .returning({ id: comments.id, body: comments.body });
    await indexNewComments(tx, paper.id, written);
  }
  await recordAudits(
    tx,
    threads.map((thread) => ({
      actorId: actor.id,
      action: "thread.created" as const,
      targetType: "thread" as const,
      targetId: idOf.get(thread.anchorId) as string,
      dialogueId: paper.dialogueId,
      paperId: paper.id,
      details: {
        anchorId: thread.anchorId,
        imported: true,
        wordAuthors: [...new Set(thread.comments.map((c) => c.author))],
        ...(thread.resolved ? { resolved: true } : {}),
      },
    })),
  );
}
