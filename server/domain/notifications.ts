// In-app notifications (and their emails) for the people who speak for a state in a dialogue.
import { and, count, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { approvalRounds, memberships, notifications, papers, partners, users } from "@/db/schema";
import { wantsEmail } from "@/lib/email-preferences";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { appUrl, type Mail, sendMail } from "../mail";
import { type Actor, rolesSpeakingForPartner } from "../policy";

export type RoundNotificationKind = "round.opened" | "round.reminder" | "round.closed";
export const REMINDER_BEFORE_DEADLINE_MS = 24 * 3600 * 1000;

/**
 * Notifies every member who can take a position for a state partner of the paper's dialogue.
 * Runs inside the caller's transaction; returns the emails to send once it has committed.
 */
export async function notifyRoundParticipants(
  tx: DbOrTx,
  input: { paperId: string; roundId: string; kind: RoundNotificationKind; details?: Record<string, unknown> },
): Promise<Mail[]> {
  const [paper] = await tx
    .select({ id: papers.id, title: papers.title, dialogueId: papers.dialogueId })
    .from(papers)
    .where(eq(papers.id, input.paperId));
  if (!paper) return [];
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale, emailPreferences: users.emailPreferences })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(partners, eq(partners.id, memberships.partnerId))
    .where(
      and(
        eq(memberships.dialogueId, paper.dialogueId),
        inArray(memberships.role, [...rolesSpeakingForPartner]),
        eq(partners.kind, "state"),
        isNull(users.deactivatedAt),
        isNull(memberships.suspendedAt),
      ),
    );
  if (recipients.length === 0) return [];
  const details = { roundId: input.roundId, title: paper.title, ...input.details };
  await tx
    .insert(notifications)
    .values(recipients.map((r) => ({ userId: r.id, kind: input.kind, paperId: paper.id, details })));
  // Everyone is notified in the app; by email only those who did not turn this kind off.
  const emailed = recipients.filter((r) => wantsEmail(r.emailPreferences, input.kind));
  return emailed.map((r) => {
    const t = translator(isLocale(r.locale) ? r.locale : "en");
    const outcome = input.details?.outcome;
    const vars = {
      title: paper.title,
      outcome: outcome === "agreed" || outcome === "not_agreed" ? t(`approval.outcome.${outcome}`) : "",
    };
    return {
      to: r.email,
      subject: t(`notifications.subject.${input.kind}`, vars),
      text: `${t(`notifications.text.${input.kind}`, vars)}\n\n${appUrl(`/papers/${paper.id}/approval`)}`,
    };
  });
}

export { sendMail };

/** Reminds participants once, 24 hours before an open round's deadline. */
export async function sendDueReminders(db: Db, now: Date = new Date()): Promise<number> {
  const due = await db
    .select({ id: approvalRounds.id, paperId: approvalRounds.paperId })
    .from(approvalRounds)
    .where(
      and(
        isNull(approvalRounds.closedAt),
        gt(approvalRounds.deadline, now),
        lte(approvalRounds.deadline, new Date(now.getTime() + REMINDER_BEFORE_DEADLINE_MS)),
        sql`not exists (select 1 from ${notifications} n where n.kind = 'round.reminder' and n.details->>'roundId' = ${approvalRounds.id}::text)`,
      ),
    );
  let sent = 0;
  for (const round of due) {
    const mails = await db.transaction(async (tx) => {
      // The lock makes two sweeps (or two instances) remind once.
      await tx
        .select({ id: approvalRounds.id })
        .from(approvalRounds)
        .where(eq(approvalRounds.id, round.id))
        .for("update");
      const [already] = await tx
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.kind, "round.reminder"), sql`${notifications.details}->>'roundId' = ${round.id}`));
      if (Number(already?.n ?? 0) > 0) return [];
      return notifyRoundParticipants(tx, { paperId: round.paperId, roundId: round.id, kind: "round.reminder" });
    });
    if (mails.length) sent++;
    await sendMail(mails);
  }
  return sent;
}

export const NOTIFICATIONS_PAGE_SIZE = 50;

export async function listNotifications(db: Db, actor: Actor) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      paperId: notifications.paperId,
      details: notifications.details,
      read: notifications.read,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt))
    .limit(NOTIFICATIONS_PAGE_SIZE);
}

export async function unreadNotificationCount(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), eq(notifications.read, false)));
  return Number(row?.n ?? 0);
}

/** Marks the actor's own notifications read (all of them, or the ones named). */
export async function markNotificationsRead(db: Db, actor: Actor, ids?: string[]): Promise<void> {
  const own = eq(notifications.userId, actor.id);
  await db
    .update(notifications)
    .set({ read: true })
    .where(ids ? and(own, inArray(notifications.id, ids)) : own);
}
