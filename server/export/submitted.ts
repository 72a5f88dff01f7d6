// The texts submitted to the HLD, with the names frozen at submission: all that the public verify
// check and the dialogue's ZIP may ever see. A query only (no renderer), so the verify page can
// look a hash up cheaply.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dialogues, papers, revisions, submissions } from "@/db/schema";

export type SubmittedText = {
  paperId: string;
  dialogueId: string;
  title: string;
  dialogue: string;
  revision: number;
  reference: string;
  submittedAt: Date;
  hash: string;
};

const submittedColumns = {
  paperId: papers.id,
  dialogueId: papers.dialogueId,
  // The names frozen at submission.
  title: submissions.paperTitle,
  dialogue: submissions.dialogueName,
  revision: revisions.number,
  reference: submissions.reference,
  submittedAt: submissions.submittedAt,
  hash: submissions.contentHash,
};

/** Submitted texts only: what the public verify page and the ZIP may ever see. */
export async function submittedTexts(db: Db, filter: { hash?: string; dialogueId?: string }) {
  const conditions = [eq(papers.status, "submitted")];
  if (filter.hash) conditions.push(eq(submissions.contentHash, filter.hash));
  if (filter.dialogueId) conditions.push(eq(papers.dialogueId, filter.dialogueId));
  return db
    .select(submittedColumns)
    .from(submissions)
    .innerJoin(papers, eq(papers.id, submissions.paperId))
    .innerJoin(dialogues, eq(dialogues.id, papers.dialogueId))
    .innerJoin(revisions, eq(revisions.id, submissions.revisionId))
    .where(and(...conditions))
    .orderBy(submissions.reference) as Promise<SubmittedText[]>;
}
