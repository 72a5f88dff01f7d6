// Reads for the workflow pages: revisions, approval rounds with every state partner's
// position, and a paper's history. Callers have already found the paper through
// findPaperForActor (the policy's scope).
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { positionsRecord } from "@/db/positions-record";
import {
  approvalRounds,
  auditEvents,
  dialoguePartners,
  partners,
  positionHistory,
  positions,
  revisions,
  submissions,
  users,
} from "@/db/schema";
import type { DocNode } from "@/lib/document";

export async function listRevisions(db: Db, paperId: string) {
  return db
    .select({
      id: revisions.id,
      number: revisions.number,
      contentHash: revisions.contentHash,
      frozenAt: revisions.frozenAt,
      frozenBy: users.name,
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.frozenBy))
    .where(eq(revisions.paperId, paperId))
    .orderBy(desc(revisions.number));
}

export async function findRevision(db: Db, paperId: string, number: number) {
  const [row] = await db
    .select({
      id: revisions.id,
      number: revisions.number,
      contentJson: revisions.contentJson,
      contentHash: revisions.contentHash,
      frozenAt: revisions.frozenAt,
      frozenBy: users.name,
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.frozenBy))
    .where(and(eq(revisions.paperId, paperId), eq(revisions.number, number)));
  return row ? { ...row, content: row.contentJson as DocNode } : null;
}

export type PartnerPosition = {
  partnerId: string;
  partner: string;
  iso3: string | null;
  value: "approve" | "object" | "abstain" | null;
  reason: string | null;
  recordedById: string | null;
  /** The recorder's name. */
  recordedBy: string | null;
  recordedAt: Date | null;
};

/** Every state partner of the dialogue with its position in the round (null: not answered). */
export async function statePositions(db: DbOrTx, dialogueId: string, roundId: string): Promise<PartnerPosition[]> {
  return db
    .select({
      partnerId: partners.id,
      partner: partners.name,
      iso3: partners.iso3,
      value: positions.value,
      reason: positions.reason,
      recordedById: positions.recordedBy,
      recordedBy: users.name,
      recordedAt: positions.recordedAt,
    })
    .from(dialoguePartners)
    .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
    .leftJoin(positions, and(eq(positions.partnerId, partners.id), eq(positions.roundId, roundId)))
    .leftJoin(users, eq(users.id, positions.recordedBy))
    .where(and(eq(dialoguePartners.dialogueId, dialogueId), eq(partners.kind, "state")))
    .orderBy(asc(partners.name));
}

/** The open round, or else the latest one, with a line per state partner of the dialogue. */
export async function latestRound(db: Db, paper: { id: string; dialogueId: string }) {
  const [round] = await db
    .select({
      id: approvalRounds.id,
      procedure: approvalRounds.procedure,
      deadline: approvalRounds.deadline,
      openedAt: approvalRounds.openedAt,
      closedAt: approvalRounds.closedAt,
      outcome: approvalRounds.outcome,
      revisionNumber: revisions.number,
      revisionHash: revisions.contentHash,
      openedBy: users.name,
    })
    .from(approvalRounds)
    .innerJoin(revisions, eq(revisions.id, approvalRounds.revisionId))
    .innerJoin(users, eq(users.id, approvalRounds.openedBy))
    .where(eq(approvalRounds.paperId, paper.id))
    .orderBy(desc(approvalRounds.openedAt))
    .limit(1);
  if (!round) return null;
  const [lines, history] = await Promise.all([
    statePositions(db, paper.dialogueId, round.id),
    db
      .select({
        id: positionHistory.id,
        partner: partners.name,
        iso3: partners.iso3,
        value: positionHistory.value,
        reason: positionHistory.reason,
        recordedBy: users.name,
        recordedAt: positionHistory.recordedAt,
      })
      .from(positionHistory)
      .innerJoin(partners, eq(partners.id, positionHistory.partnerId))
      .innerJoin(users, eq(users.id, positionHistory.recordedBy))
      .where(eq(positionHistory.roundId, round.id))
      .orderBy(desc(positionHistory.id)),
  ]);
  return { ...round, positions: lines satisfies PartnerPosition[], history };
}

export async function findSubmission(db: Db, paperId: string) {
  const [row] = await db
    .select({
      reference: submissions.reference,
      contentHash: submissions.contentHash,
      submittedAt: submissions.submittedAt,
      positionsRecord: submissions.positionsRecord,
      // The names frozen at submission, not today's.
      submittedBy: submissions.submittedByName,
      paperTitle: submissions.paperTitle,
      paperKind: submissions.paperKind,
      dialogueName: submissions.dialogueName,
      dialogueCode: submissions.dialogueCode,
      revisionNumber: revisions.number,
    })
    .from(submissions)
    .innerJoin(revisions, eq(revisions.id, submissions.revisionId))
    .where(eq(submissions.paperId, paperId));
  return row ? { ...row, positionsRecord: positionsRecord.parse(row.positionsRecord) } : null;
}

export const HISTORY_ACTIONS = [
  "paper.created",
  "paper.status_changed",
  "revision.frozen",
  "round.opened",
  "round.closed",
  "position.recorded",
  "paper.submitted",
] as const;

/**
 * Every transition, revision, round, position and submission of the paper, oldest first. A
 * position names its state by ISO code too (its target is `round:partner`), so the history can
 * name the country in the viewer's language.
 */
export async function paperHistory(db: Db, paperId: string) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      actor: users.name,
      partnerIso3: partners.iso3,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(
      partners,
      and(
        eq(auditEvents.action, "position.recorded"),
        sql`${partners.id}::text = split_part(${auditEvents.targetId}, ':', 2)`,
      ),
    )
    .where(and(eq(auditEvents.paperId, paperId), inArray(auditEvents.action, [...HISTORY_ACTIONS])))
    .orderBy(asc(auditEvents.id));
}
