// Comment threads on a paper's text. Bodies live only here (rows of comment_threads / comments);
// the shared document holds just the anchor mark, whose id names the thread's author
// (lib/editor/annotations.ts). Every function authorizes through the policy inside its
// transaction, audits thread creation and resolution, notifies people @mentioned, and tells
// open editors to reload the threads once the change has committed. Posting, replying and editing
// spend the account's comment allowance, and each mention email its mail allowance
// (comment-limits.ts): past either, the comment is refused and nothing is written.
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { comments, commentThreads, memberships, notifications, papers, users } from "@/db/schema";
import { anchorOwner } from "@/lib/editor/annotations";
import { wantsEmail } from "@/lib/email-preferences";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { recordAudit } from "../audit";
import { notifyCommentsChanged } from "../collab/notify";
import { invalidInput, notFound } from "../errors";
import { appUrl, type Mail, sendMail } from "../mail";
import { type Actor, authorize } from "../policy";
import { indexComment, unindexComment } from "../search/index-entries";
import { spendCommentAllowance, spendMentionMailAllowance } from "./comment-limits";

export const COMMENT_MAX_LENGTH = 10_000;
export const QUOTE_MAX_LENGTH = 500;

type PaperRow = { id: string; dialogueId: string; status: (typeof papers.$inferSelect)["status"]; title: string };

async function loadPaper(tx: Tx, paperId: string): Promise<PaperRow> {
  const [paper] = await tx
    .select({ id: papers.id, dialogueId: papers.dialogueId, status: papers.status, title: papers.title })
    .from(papers)
    .where(eq(papers.id, paperId));
  if (!paper) throw notFound("paper");
  return paper;
}

async function loadThread(tx: Tx, threadId: string) {
  const [row] = await tx
    .select({
      thread: commentThreads,
      paper: { id: papers.id, dialogueId: papers.dialogueId, status: papers.status, title: papers.title },
    })
    .from(commentThreads)
    .innerJoin(papers, eq(papers.id, commentThreads.paperId))
    .where(eq(commentThreads.id, threadId))
    .for("update", { of: commentThreads });
  if (!row) throw notFound("thread");
  return row;
}

function cleanBody(body: string): string {
  const text = body.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0 || text.length > COMMENT_MAX_LENGTH) {
    throw invalidInput("comment body length", "comments.errors.bodyLength");
  }
  return text;
}

/**
 * The members of the dialogue named with @Full Name in a text (case-insensitive, the longest
 * name wins where one name starts another), the author excepted.
 */
export function mentionedMembers<M extends { id: string; name: string }>(
  body: string,
  members: M[],
  authorId: string,
): M[] {
  const lower = body.toLowerCase();
  return members.filter((m) => {
    if (m.id === authorId || m.name.trim().length === 0) return false;
    const needle = `@${m.name.toLowerCase()}`;
    let at = lower.indexOf(needle);
    while (at >= 0) {
      const next = lower.charAt(at + needle.length);
      if (!/[\p{L}\p{N}]/u.test(next)) return true;
      at = lower.indexOf(needle, at + 1);
    }
    return false;
  });
}

/** Writes mention notifications for a comment; returns the emails to send after commit. */
async function notifyMentions(
  tx: Tx,
  actor: Actor & { name?: string },
  paper: PaperRow,
  threadId: string,
  body: string,
  already: Set<string> = new Set(),
): Promise<Mail[]> {
  const members = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, prefs: users.emailPreferences })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.dialogueId, paper.dialogueId), isNull(users.deactivatedAt), isNull(memberships.suspendedAt)),
    );
  const mentioned = mentionedMembers(body, members, actor.id).filter((m) => !already.has(m.id));
  if (mentioned.length === 0) return [];
  // Refused here, the whole comment is rolled back: no comment without its mentions' emails.
  await spendMentionMailAllowance(actor.id, mentioned.length);
  const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
  const by = author?.name ?? "";
  const details = { title: paper.title, threadId, by };
  await tx
    .insert(notifications)
    .values(mentioned.map((m) => ({ userId: m.id, kind: "mention", paperId: paper.id, details })));
  const link = appUrl(`/papers/${paper.id}#thread-${threadId}`);
  // Everyone mentioned is notified in the app; by email only those who did not turn mentions off.
  const emailed = mentioned.filter((m) => wantsEmail(m.prefs, "comment.mention"));
  return emailed.map((m) => {
    const t = translator(isLocale(m.locale) ? m.locale : "en");
    const vars = { title: paper.title, name: by };
    // Plain text: the body is sent as written, never as HTML.
    return {
      to: m.email,
      subject: t("comments.mail.subject", vars),
      text: `${t("comments.mail.text", vars)}\n\n${body}\n\n${link}`,
    };
  });
}

async function after(paperId: string, mails: Mail[]) {
  await sendMail(mails);
  await notifyCommentsChanged(paperId);
}

export type CreateThreadInput = { paperId: string; anchorId: string; quote: string; body: string };

/** Opens a thread on a passage: the anchor id (made by the author's editor) must name the author. */
export async function createThread(db: Db, actor: Actor, input: CreateThreadInput): Promise<{ threadId: string }> {
  const body = cleanBody(input.body);
  if (anchorOwner(input.anchorId) !== actor.id) throw invalidInput("anchor id of another user");
  await spendCommentAllowance(actor.id);
  const { threadId, mails, paperId } = await db.transaction(async (tx) => {
    const paper = await loadPaper(tx, input.paperId);
    authorize(actor, "paper.comment", paper);
    const [thread] = await tx
      .insert(commentThreads)
      .values({
        paperId: paper.id,
        anchorId: input.anchorId,
        quote: input.quote.trim().slice(0, QUOTE_MAX_LENGTH),
        createdBy: actor.id,
        partnerId: actor.memberships.get(paper.dialogueId)?.partnerId ?? null,
      })
      .returning({ id: commentThreads.id });
    if (!thread) throw new Error("thread not created");
    const [comment] = await tx
      .insert(comments)
      .values({ threadId: thread.id, authorId: actor.id, body })
      .returning({ id: comments.id });
    if (comment) await indexComment(tx, { id: comment.id, paperId: paper.id, body });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thread.created",
      targetType: "thread",
      targetId: thread.id,
      dialogueId: paper.dialogueId,
      paperId: paper.id,
      details: { anchorId: input.anchorId },
    });
    return { threadId: thread.id, paperId: paper.id, mails: await notifyMentions(tx, actor, paper, thread.id, body) };
  });
  await after(paperId, mails);
  return { threadId };
}

export async function replyToThread(db: Db, actor: Actor, input: { threadId: string; body: string }) {
  const body = cleanBody(input.body);
  await spendCommentAllowance(actor.id);
  const { paperId, mails } = await db.transaction(async (tx) => {
    const { thread, paper } = await loadThread(tx, input.threadId);
    authorize(actor, "paper.comment", paper);
    const [comment] = await tx
      .insert(comments)
      .values({ threadId: thread.id, authorId: actor.id, body })
      .returning({ id: comments.id });
    if (comment) await indexComment(tx, { id: comment.id, paperId: paper.id, body });
    return { paperId: paper.id, mails: await notifyMentions(tx, actor, paper, thread.id, body) };
  });
  await after(paperId, mails);
}

async function loadComment(tx: Tx, commentId: string) {
  const [row] = await tx
    .select({
      comment: comments,
      threadId: commentThreads.id,
      paper: { id: papers.id, dialogueId: papers.dialogueId, status: papers.status, title: papers.title },
    })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .innerJoin(papers, eq(papers.id, commentThreads.paperId))
    .where(eq(comments.id, commentId))
    .for("update", { of: comments });
  if (!row || row.comment.deletedAt) throw notFound("comment");
  return row;
}

/** The author changes the text of their comment; people newly @mentioned are notified. */
export async function editComment(db: Db, actor: Actor, input: { commentId: string; body: string }) {
  const body = cleanBody(input.body);
  await spendCommentAllowance(actor.id);
  const { paperId, mails } = await db.transaction(async (tx) => {
    const { comment, paper, threadId } = await loadComment(tx, input.commentId);
    authorize(actor, "comment.edit", { ...paper, authorId: comment.authorId });
    await tx.update(comments).set({ body, editedAt: new Date() }).where(eq(comments.id, comment.id));
    await indexComment(tx, { id: comment.id, paperId: paper.id, body });
    const members = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(memberships.dialogueId, paper.dialogueId));
    const before = new Set(mentionedMembers(comment.body, members, actor.id).map((m) => m.id));
    return { paperId: paper.id, mails: await notifyMentions(tx, actor, paper, threadId, body, before) };
  });
  await after(paperId, mails);
}

/** The author withdraws their comment: the row stays (the thread keeps its shape), the text goes. */
export async function deleteComment(db: Db, actor: Actor, input: { commentId: string }) {
  const paperId = await db.transaction(async (tx) => {
    const { comment, paper } = await loadComment(tx, input.commentId);
    authorize(actor, "comment.edit", { ...paper, authorId: comment.authorId });
    await tx.update(comments).set({ body: "-", deletedAt: new Date() }).where(eq(comments.id, comment.id));
    await unindexComment(tx, comment.id);
    return paper.id;
  });
  await after(paperId, []);
}

export async function setThreadResolved(db: Db, actor: Actor, input: { threadId: string; resolved: boolean }) {
  const paperId = await db.transaction(async (tx) => {
    const { thread, paper } = await loadThread(tx, input.threadId);
    authorize(actor, "thread.resolve", { ...paper, authorId: thread.createdBy });
    if ((thread.resolvedAt !== null) === input.resolved) return paper.id; // already so: nothing to record
    await tx
      .update(commentThreads)
      .set(input.resolved ? { resolvedAt: new Date(), resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
      .where(eq(commentThreads.id, thread.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.resolved ? "thread.resolved" : "thread.reopened",
      targetType: "thread",
      targetId: thread.id,
      dialogueId: paper.dialogueId,
      paperId: paper.id,
    });
    return paper.id;
  });
  await after(paperId, []);
}
