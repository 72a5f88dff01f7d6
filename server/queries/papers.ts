// Reads for paper pages and the HLD inbox, scoped by the policy.
import { and, asc, desc, eq, exists, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dialogues, type PaperKind, papers, revisionLanguages, revisions, submissions } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { type Actor, can } from "../policy";

/** What pages and exports read of a paper: every column but the Yjs state and the plain-text copy. */
const paperColumns = {
  id: papers.id,
  dialogueId: papers.dialogueId,
  title: papers.title,
  kind: papers.kind,
  status: papers.status,
  /** The original, when this paper is a language version of it (issue 19). */
  originalId: papers.originalId,
  language: papers.language,
  contentJson: papers.contentJson,
  createdBy: papers.createdBy,
  createdAt: papers.createdAt,
  updatedAt: papers.updatedAt,
};

/**
 * Null when it does not exist or the actor may not see it. One round trip: the paper, its
 * dialogue and its latest revision.
 */
export async function findPaperForActor(db: Db, actor: Actor, paperId: string) {
  const latest = db
    .select({
      number: revisions.number,
      contentHash: revisions.contentHash,
      frozenAt: revisions.frozenAt,
      documentSymbol: revisions.documentSymbol,
    })
    .from(revisions)
    // A language version's revisions are its original's that froze a text of it (issue 19).
    .where(
      and(
        eq(revisions.paperId, sql`coalesce(${papers.originalId}, ${papers.id})`),
        or(
          isNull(papers.originalId),
          exists(
            db
              .select({ one: sql`1` })
              .from(revisionLanguages)
              .where(and(eq(revisionLanguages.revisionId, revisions.id), eq(revisionLanguages.paperId, papers.id))),
          ),
        ),
      ),
    )
    .orderBy(desc(revisions.number))
    .limit(1)
    .as("latest_revision");
  const [row] = await db
    .select({
      paper: paperColumns,
      dialogue: {
        id: dialogues.id,
        slug: dialogues.slug,
        name: dialogues.name,
        code: dialogues.code,
        otherLanguages: dialogues.otherLanguages,
      },
      latestRevision: {
        number: latest.number,
        contentHash: latest.contentHash,
        frozenAt: latest.frozenAt,
        documentSymbol: latest.documentSymbol,
      },
    })
    .from(papers)
    .innerJoin(dialogues, eq(dialogues.id, papers.dialogueId))
    .leftJoinLateral(latest, sql`true`)
    .where(eq(papers.id, paperId));
  if (!row || !can(actor, "paper.view", row.paper)) return null;
  return {
    paper: row.paper,
    dialogue: row.dialogue,
    content: row.paper.contentJson as DocNode,
    latestRevision: row.latestRevision,
  };
}

export const INBOX_PAGE_SIZE = 25;

/** Every submitted paper the actor may see, newest first. */
export async function listSubmittedPapers(
  db: Db,
  actor: Actor,
  filters: { dialogueId?: string; kind?: PaperKind; page?: number } = {},
) {
  const conditions: SQL[] = [eq(papers.status, "submitted")];
  // The scope goes into the query (not a filter afterwards) so pages stay full.
  if (!can(actor, "hld.viewInbox", null)) {
    const own = [...actor.memberships.keys()];
    if (own.length === 0) return [];
    conditions.push(inArray(papers.dialogueId, own));
  }
  if (filters.dialogueId) conditions.push(eq(papers.dialogueId, filters.dialogueId));
  if (filters.kind) conditions.push(eq(submissions.paperKind, filters.kind));
  const rows = await db
    .select({
      paperId: papers.id,
      // What the HLD received: the names frozen at submission.
      title: submissions.paperTitle,
      kind: submissions.paperKind,
      status: papers.status,
      dialogueId: papers.dialogueId,
      dialogueName: submissions.dialogueName,
      reference: submissions.reference,
      contentHash: submissions.contentHash,
      submittedAt: submissions.submittedAt,
      revision: revisions.number,
    })
    .from(submissions)
    .innerJoin(papers, eq(papers.id, submissions.paperId))
    .innerJoin(revisions, eq(revisions.id, submissions.revisionId))
    .where(and(...conditions))
    .orderBy(desc(submissions.submittedAt), asc(submissions.reference))
    .limit(INBOX_PAGE_SIZE)
    .offset((Math.max(1, filters.page ?? 1) - 1) * INBOX_PAGE_SIZE);
  // The policy stays the last word on every row.
  return rows.filter((row) => can(actor, "paper.view", { dialogueId: row.dialogueId, status: row.status }));
}

/** The dialogues that have submitted at least one paper, for the inbox filter. */
export async function dialoguesWithSubmissions(db: Db) {
  return db
    .selectDistinct({ id: dialogues.id, name: dialogues.name })
    .from(submissions)
    .innerJoin(papers, eq(papers.id, submissions.paperId))
    .innerJoin(dialogues, eq(dialogues.id, papers.dialogueId))
    .orderBy(asc(dialogues.name));
}
