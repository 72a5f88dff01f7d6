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
  revisionLanguages,
  revisions,
  submissions,
  users,
} from "@/db/schema";
import type { DocNode } from "@/lib/document";
import type { FrozenLanguage } from "../export/types";

/** A paper as revisions are read for it: a language version reads its original's revisions (issue 19). */
export type RevisionOwner = { id: string; originalId: string | null };

/**
 * The paper's revisions, newest first. A language version has none of its own: its original's
 * revisions that froze a text of this version, each with the revision's hash (which covers
 * every language).
 */
export async function listRevisions(db: Db, paper: RevisionOwner) {
  const columns = {
    id: revisions.id,
    number: revisions.number,
    contentHash: revisions.contentHash,
    frozenAt: revisions.frozenAt,
    frozenBy: users.name,
  };
  if (paper.originalId !== null) {
    return db
      .select(columns)
      .from(revisionLanguages)
      .innerJoin(revisions, eq(revisions.id, revisionLanguages.revisionId))
      .innerJoin(users, eq(users.id, revisions.frozenBy))
      .where(and(eq(revisionLanguages.paperId, paper.id), eq(revisions.paperId, paper.originalId)))
      .orderBy(desc(revisions.number));
  }
  return db
    .select(columns)
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.frozenBy))
    .where(eq(revisions.paperId, paper.id))
    .orderBy(desc(revisions.number));
}

/**
 * Revision `number` as the paper's page shows it: the original's text, or for a language
 * version its own text frozen with that revision of the original; with every language the
 * revision froze (null: the paper had no versions then).
 */
export async function findRevision(db: Db, paper: RevisionOwner, number: number) {
  const [row] = await db
    .select({
      id: revisions.id,
      number: revisions.number,
      contentJson: revisions.contentJson,
      contentHash: revisions.contentHash,
      documentSymbol: revisions.documentSymbol,
      frozenAt: revisions.frozenAt,
      frozenBy: users.name,
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.frozenBy))
    .where(and(eq(revisions.paperId, paper.originalId ?? paper.id), eq(revisions.number, number)));
  if (!row) return null;
  const languages = await frozenLanguages(db, row.id);
  if (paper.originalId === null) return { ...row, content: row.contentJson as DocNode, languages };
  const [own] = await db
    .select({ contentJson: revisionLanguages.contentJson })
    .from(revisionLanguages)
    .where(and(eq(revisionLanguages.revisionId, row.id), eq(revisionLanguages.paperId, paper.id)));
  return own ? { ...row, contentJson: own.contentJson, content: own.contentJson as DocNode, languages } : null;
}

/** Every language a revision froze, the original first, then by language; null when it froze one text. */
export async function frozenLanguages(db: DbOrTx, revisionId: string): Promise<FrozenLanguage[] | null> {
  const rows = await db
    .select({
      language: revisionLanguages.language,
      paperId: revisionLanguages.paperId,
      isOriginal: revisionLanguages.isOriginal,
      hash: revisionLanguages.contentHash,
      outdatedCount: revisionLanguages.outdatedCount,
      outdatedNumbers: revisionLanguages.outdatedNumbers,
    })
    .from(revisionLanguages)
    .where(eq(revisionLanguages.revisionId, revisionId))
    .orderBy(desc(revisionLanguages.isOriginal), asc(revisionLanguages.language));
  return rows.length > 0 ? rows : null;
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
      revisionId: revisions.id,
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
  const [lines, languages, history] = await Promise.all([
    statePositions(db, paper.dialogueId, round.id),
    frozenLanguages(db, round.revisionId),
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
  return { ...round, positions: lines satisfies PartnerPosition[], languages, history };
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
