// The comment threads of a paper and the people who can be named in them, shaped for the
// interface (plain JSON). Scoped: nothing is returned unless the actor may see the paper.
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { comments, commentThreads, memberships, type PaperStatus, papers, partners, users } from "@/db/schema";
import { partnerLabel } from "@/lib/countries";
import type { Locale } from "@/lib/i18n/locales";
import { loadPaperState, paperDoc } from "../collab/paper-state";
import { listSuggestions } from "../collab/suggestions";
import { type Actor, can } from "../policy";

export type CommentView = {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** The policy's answer for the reader: may edit or delete this comment. */
  canEdit: boolean;
};

export type ThreadView = {
  id: string;
  anchorId: string;
  quote: string;
  createdBy: string;
  authorName: string;
  partner: string;
  createdAt: string;
  resolvedAt: string | null;
  /** The policy's answer for the reader: may resolve or reopen this thread. */
  canResolve: boolean;
  comments: CommentView[];
};

export type MemberView = { id: string; name: string; partnerId: string; partner: string };

/** Members of the paper's dialogue: whom a comment can mention, whose suggestions are shown. */
export async function dialogueMembers(db: Db, dialogueId: string, locale: Locale): Promise<MemberView[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      partnerId: partners.id,
      partnerName: partners.name,
      iso3: partners.iso3,
      deactivatedAt: users.deactivatedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(partners, eq(partners.id, memberships.partnerId))
    .where(eq(memberships.dialogueId, dialogueId))
    .orderBy(asc(users.name));
  return rows
    .filter((r) => !r.deactivatedAt)
    .map((r) => ({
      id: r.id,
      name: r.name,
      partnerId: r.partnerId,
      partner: partnerLabel({ name: r.partnerName, iso3: r.iso3 }, locale),
    }));
}

/** Every thread of the paper with its comments, oldest first; null when the actor may not see the paper. */
export async function threadsForPaper(
  db: Db,
  actor: Actor,
  paperId: string,
  locale: Locale,
): Promise<ThreadView[] | null> {
  const [paper] = await db
    .select({ id: papers.id, dialogueId: papers.dialogueId, status: papers.status })
    .from(papers)
    .where(eq(papers.id, paperId));
  if (!paper) return null;
  return threadsOfPaper(db, actor, paper, locale);
}

/**
 * The same, for a paper the caller has already read (a page, which found it through the
 * policy's scope): the threads and their comments in two independent queries.
 */
export async function threadsOfPaper(
  db: Db,
  actor: Actor,
  paper: { id: string; dialogueId: string; status: PaperStatus },
  locale: Locale,
): Promise<ThreadView[] | null> {
  if (!can(actor, "paper.viewComments", paper)) return null;
  const [threads, rows] = await Promise.all([
    db
      .select({
        thread: commentThreads,
        authorName: users.name,
        partnerName: partners.name,
        iso3: partners.iso3,
      })
      .from(commentThreads)
      .innerJoin(users, eq(users.id, commentThreads.createdBy))
      .leftJoin(partners, eq(partners.id, commentThreads.partnerId))
      .where(eq(commentThreads.paperId, paper.id))
      .orderBy(asc(commentThreads.createdAt)),
    db
      .select({ comment: comments, authorName: users.name })
      .from(comments)
      .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(eq(commentThreads.paperId, paper.id))
      .orderBy(asc(comments.createdAt)),
  ]);
  const byThread = new Map<string, CommentView[]>();
  for (const { comment, authorName } of rows) {
    const list = byThread.get(comment.threadId) ?? [];
    list.push({
      id: comment.id,
      authorId: comment.authorId,
      authorName,
      body: comment.deletedAt ? "" : comment.body,
      createdAt: comment.createdAt.toISOString(),
      editedAt: comment.editedAt?.toISOString() ?? null,
      deleted: comment.deletedAt !== null,
      canEdit: comment.deletedAt === null && can(actor, "comment.edit", { ...paper, authorId: comment.authorId }),
    });
    byThread.set(comment.threadId, list);
  }
  return threads.map(({ thread, authorName, partnerName, iso3 }) => ({
    id: thread.id,
    anchorId: thread.anchorId,
    quote: thread.quote,
    createdBy: thread.createdBy,
    authorName,
    partner: partnerName ? partnerLabel({ name: partnerName, iso3 }, locale) : "",
    createdAt: thread.createdAt.toISOString(),
    resolvedAt: thread.resolvedAt?.toISOString() ?? null,
    canResolve: can(actor, "thread.resolve", { ...paper, authorId: thread.createdBy }),
    comments: byThread.get(thread.id) ?? [],
  }));
}

/**
 * How many suggestions are pending in a paper's live text, per partner they speak for (null: no
 * partner). Reads the stored Yjs state: asked only where the chair may freeze the text.
 */
export async function pendingSuggestionCounts(
  db: Db,
  actor: Actor,
  paper: { id: string; dialogueId: string; status: PaperStatus },
): Promise<Map<string | null, number>> {
  const counts = new Map<string | null, number>();
  if (!can(actor, "paper.viewComments", paper)) return counts;
  const doc = paperDoc(await loadPaperState(db, paper.id));
  try {
    for (const suggestion of listSuggestions(doc)) {
      counts.set(suggestion.partnerId, (counts.get(suggestion.partnerId) ?? 0) + 1);
    }
  } finally {
    doc.destroy();
  }
  return counts;
}
