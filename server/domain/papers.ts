// Creating papers and reading them within the actor's scope.
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { dialogues, type PaperKind, papers } from "@/db/schema";
import { type DocNode, docToPlainText, emptyDoc } from "@/lib/document";
import { assignParagraphIds } from "@/lib/paragraph-ids";
import { recordAudit } from "../audit";
import { contentFromState, ydocStateFromContent } from "../collab/paper-state";
import { invalidInput, notFound } from "../errors";
import { type Actor, authorize } from "../policy";
import { indexLiveContent, indexTitle } from "../search/index-entries";

export const MAX_TITLE_LENGTH = 300;

export type NewPaper = {
  dialogueId: string;
  title: string;
  kind: PaperKind;
  content?: DocNode;
  /** ISO 639-1 code of the text's language (default English): search stems with it. */
  language?: string;
};

export async function createPaper(db: Db, actor: Actor | null, input: NewPaper) {
  authorize(actor, "paper.create", { dialogueId: input.dialogueId });
  const prepared = preparePaper(input);
  return db.transaction((tx) => insertPaper(tx, actor, prepared));
}

export type PreparedPaper = NewPaper & {
  ydocState: Uint8Array;
  content: DocNode;
  auditDetails?: Record<string, unknown>;
};

/** The paper's title checked and its shared document made, before any transaction. */
export function preparePaper(input: NewPaper, auditDetails?: Record<string, unknown>): PreparedPaper {
  const title = input.title.trim();
  if (!title || title.length > MAX_TITLE_LENGTH) throw invalidInput("title length", "errors.titleLength");
  // The shared document is born here, once: the collaboration server only ever loads this state
  // and never converts JSON itself, so opening a paper cannot duplicate its text. Every top-level
  // paragraph and heading gets its stable id here (created, imported and seeded papers alike).
  const ydocState = ydocStateFromContent(assignParagraphIds(input.content ?? emptyDoc()));
  return {
    ...input,
    title,
    ydocState,
    content: contentFromState(ydocState),
    ...(auditDetails ? { auditDetails } : {}),
  };
}

/** Writes a prepared paper and its audit record in the caller's transaction (createPaper, importDocx). */
export async function insertPaper(tx: Tx, actor: Actor | null, input: PreparedPaper) {
  authorize(actor, "paper.create", { dialogueId: input.dialogueId });
  const { title, content, ydocState } = input;
  // The dialogue row is locked so two papers created at once get different serial numbers.
  const [dialogue] = await tx
    .select({ id: dialogues.id })
    .from(dialogues)
    .where(eq(dialogues.id, input.dialogueId))
    .for("update");
  if (!dialogue) throw notFound("dialogue");
  const [{ last } = { last: 0 }] = await tx
    .select({ last: sql<number>`coalesce(max(${papers.serialNumber}), 0)::int` })
    .from(papers)
    .where(eq(papers.dialogueId, dialogue.id));
  const [paper] = await tx
    .insert(papers)
    .values({
      dialogueId: dialogue.id,
      title,
      kind: input.kind,
      ...(input.language ? { language: input.language } : {}),
      contentJson: content,
      contentText: docToPlainText(content),
      ydocState,
      serialNumber: last + 1,
      createdBy: actor.id,
    })
    .returning();
  if (!paper) throw new Error("paper insert returned nothing");
  await indexTitle(tx, paper);
  await indexLiveContent(tx, paper.id, content);
  await recordAudit(tx, {
    actorId: actor.id,
    action: "paper.created",
    targetType: "paper",
    targetId: paper.id,
    dialogueId: dialogue.id,
    paperId: paper.id,
    details: { title, kind: input.kind, ...input.auditDetails },
  });
  return paper;
}
