// The paper workflow of SPEC.md: draft ⇄ consultation → approval → agreed → submitted.
// Every transition checks the policy and the current status inside one transaction, on a
// locked paper row, so concurrent requests cannot both pass the same check.
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { PositionsRecord } from "@/db/positions-record";
import {
  type ApprovalRound,
  approvalRounds,
  dialoguePartners,
  dialogues,
  type Paper,
  type PaperStatus,
  papers,
  partners,
  positionHistory,
  positions,
  revisions,
  submissions,
  users,
} from "@/db/schema";
import { type DocNode, hasBracketedText } from "@/lib/document";
import { recordAudit } from "../audit";
import { compactLocked } from "../collab/compaction";
import { applyStoredUpdate, notifyPaperAccessChanged } from "../collab/notify";
import { paperDoc, readPaperState } from "../collab/paper-state";
import { listSuggestions, type SuggestionSummary } from "../collab/suggestions";
import { AppError, invalidInput, isUniqueViolation, notFound } from "../errors";
import { documentSymbolFor } from "../export/document-symbol";
import { queueSubmissionFingerprints } from "../export/fingerprints";
import { type Mail, sendMail } from "../mail";
import { type Actor, authorize } from "../policy";
import { statePositions } from "../queries/workflow";
import { indexRevision } from "../search/index-entries";
import { notifyRoundParticipants } from "./notifications";
import { freezeFamily, recordFrozenTexts } from "./revision-languages";
import { lapsePendingSuggestions } from "./suggestions";

/** The HLD session papers are submitted to; part of every submission reference. */
export const HLD_SESSION_YEAR = Number(process.env.ACCORD_HLD_YEAR ?? 2013);

/**
 * The paper row, locked. Language versions (issue 19) follow their original's status: no
 * transition is run on a version directly (the policy says so too); each one run on an original
 * moves its versions with it (`setStatus`), under the original's lock.
 */
async function lockPaper(tx: Tx, paperId: string) {
  const [paper] = await tx.select().from(papers).where(eq(papers.id, paperId)).for("update");
  if (!paper) throw notFound("paper");
  if (paper.originalId !== null) {
    throw new AppError("invalid_transition", "a language version follows its original", "versions.followsOriginal");
  }
  return paper;
}

/** After a transition committed: the original's open editors, and its versions', are re-checked. */
async function notifyWithVersions(db: Db, paperId: string): Promise<void> {
  const versions = await db.select({ id: papers.id }).from(papers).where(eq(papers.originalId, paperId));
  await Promise.all([paperId, ...versions.map((v) => v.id)].map((id) => notifyPaperAccessChanged(id)));
}

function invalidTransition(from: PaperStatus, to: string) {
  return new AppError("invalid_transition", `cannot go from ${from} to ${to}`, "errors.invalidTransition");
}

async function setStatus(
  tx: Tx,
  actorId: string | null,
  paper: { id: string; dialogueId: string; status: PaperStatus },
  to: PaperStatus,
  details: Record<string, unknown> = {},
) {
  // The original and its language versions move together (a version never moves alone).
  await tx
    .update(papers)
    .set({ status: to, updatedAt: new Date() })
    .where(or(eq(papers.id, paper.id), eq(papers.originalId, paper.id)));
  await recordAudit(tx, {
    actorId,
    action: "paper.status_changed",
    targetType: "paper",
    targetId: paper.id,
    dialogueId: paper.dialogueId,
    paperId: paper.id,
    details: { from: paper.status, to, ...details },
  });
}

/** Chair or penholder: draft ⇄ consultation. */
export async function changeStage(
  db: Db,
  actor: Actor | null,
  input: { paperId: string; to: "draft" | "consultation" },
) {
  await db.transaction(async (tx) => {
    const paper = await lockPaper(tx, input.paperId);
    authorize(actor, "paper.changeStage", paper);
    const allowed =
      (paper.status === "draft" && input.to === "consultation") ||
      (paper.status === "consultation" && input.to === "draft");
    if (!allowed) throw invalidTransition(paper.status, input.to);
    await setStatus(tx, actor.id, paper, input.to);
  });
  await notifyWithVersions(db, input.paperId);
}

export type OpenRoundInput = {
  paperId: string;
  procedure: "consensus" | "silence";
  deadline: Date;
  /**
   * The chair's answer when suggestions are still pending: they stay in the live text, out of the
   * frozen revision, and are decided once the text reopens. Without it, pending suggestions stop
   * the freeze, so that none is frozen out without the chair knowing.
   */
  carryOverSuggestions?: boolean;
};

/** Chair: freeze the current text as the next revision and put it to all state partners. */
export async function freezeAndOpenRound(db: Db, actor: Actor | null, input: OpenRoundInput, now: Date = new Date()) {
  if (!(input.deadline > now)) throw invalidInput("deadline must be in the future", "errors.deadlineInPast");
  const result = await db.transaction(async (tx) => {
    const paper = await lockPaper(tx, input.paperId);
    authorize(actor, "paper.freezeRevision", paper);
    // The live text: fold every acknowledged collaboration update into the snapshot first. With
    // the row locked, no further update can be stored for this status (server/collab/update-log.ts).
    const doc: DocNode = await compactLocked(tx, paper);
    if (hasBracketedText(doc)) {
      throw new AppError("invalid_transition", "bracketed text cannot go to a round", "errors.bracketedText");
    }
    const pending = await pendingSuggestions(tx, paper.id);
    if (pending.length > 0 && !input.carryOverSuggestions) {
      throw new AppError("invalid_transition", "suggestions are pending", "errors.pendingSuggestions");
    }
    // Every language version is frozen with the original, under one hash covering them all.
    const family = await freezeFamily(tx, paper, doc);
    const { canonical, hash } = family;
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${revisions.number}), 0) + 1` })
      .from(revisions)
      .where(eq(revisions.paperId, paper.id));
    const [{ pattern } = { pattern: null }] = await tx
      .select({ pattern: dialogues.documentSymbolPattern })
      .from(dialogues)
      .where(eq(dialogues.id, paper.dialogueId));
    const [revision] = await tx
      .insert(revisions)
      .values({
        paperId: paper.id,
        number: Number(next),
        documentSymbol: pattern
          ? documentSymbolFor(pattern, { serialNumber: paper.serialNumber, revision: Number(next), frozenAt: now })
          : null,
        contentJson: doc,
        canonicalContent: canonical,
        contentHash: hash,
        frozenBy: actor.id,
        frozenAt: now,
      })
      .returning();
    if (!revision) throw new Error("revision insert returned nothing");
    await indexRevision(tx, { id: revision.id, paperId: paper.id, number: revision.number, content: doc });
    await recordFrozenTexts(tx, revision, family.texts);
    const [round] = await tx
      .insert(approvalRounds)
      .values({
        paperId: paper.id,
        revisionId: revision.id,
        procedure: input.procedure,
        deadline: input.deadline,
        openedBy: actor.id,
        openedAt: now,
      })
      .returning();
    if (!round) throw new Error("round insert returned nothing");
    const common = { actorId: actor.id, dialogueId: paper.dialogueId, paperId: paper.id, at: now };
    await recordAudit(tx, {
      ...common,
      action: "revision.frozen",
      targetType: "revision",
      targetId: revision.id,
      details: {
        number: revision.number,
        hash,
        suggestionsCarriedOver: pending.length,
        ...(family.texts.length > 0
          ? {
              languages: family.texts.map((text) => ({
                language: text.language,
                hash: text.hash,
                outdated: text.outdatedCount,
              })),
            }
          : {}),
      },
    });
    await recordAudit(tx, {
      ...common,
      action: "round.opened",
      targetType: "round",
      targetId: round.id,
      details: { revision: revision.number, procedure: input.procedure, deadline: input.deadline.toISOString() },
    });
    await setStatus(tx, actor.id, paper, "approval", { revision: revision.number });
    const mails = await notifyRoundParticipants(tx, { paperId: paper.id, roundId: round.id, kind: "round.opened" });
    return { revision, round, mails };
  });
  await notifyWithVersions(db, input.paperId);
  await sendMail(result.mails);
  return { revision: result.revision, round: result.round };
}

async function statePartnerIds(tx: Tx, dialogueId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: partners.id })
    .from(dialoguePartners)
    .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
    .where(and(eq(dialoguePartners.dialogueId, dialogueId), eq(partners.kind, "state")));
  return rows.map((r) => r.id);
}

type RoundDecision = { outcome: "agreed" | "not_agreed" } | null;

/** Decides a round from the positions that count; null while it stays open. */
export function decideRound(input: {
  statePartnerIds: string[];
  positions: Map<string, "approve" | "object" | "abstain">;
  procedure: "consensus" | "silence";
  deadlinePassed: boolean;
}): RoundDecision {
  const values = input.statePartnerIds.map((id) => input.positions.get(id));
  if (values.includes("object")) return { outcome: "not_agreed" };
  const allAnswered = values.every((v) => v !== undefined);
  if (allAnswered) return { outcome: values.includes("approve") ? "agreed" : "not_agreed" };
  if (!input.deadlinePassed) return null;
  if (input.procedure === "silence") return { outcome: "agreed" };
  return { outcome: "not_agreed" };
}

/** What settling a round leaves for after the commit: emails, and updates for the live text. */
type Outbox = { mails: Mail[]; liveUpdates: { paperId: string; update: Uint8Array }[] };

const newOutbox = (): Outbox => ({ mails: [], liveUpdates: [] });

async function deliver(outbox: Outbox): Promise<void> {
  for (const { paperId, update } of outbox.liveUpdates) await applyStoredUpdate(paperId, update);
  await sendMail(outbox.mails);
}

/** Closes the round if its outcome is decided; what to do after commit goes to `outbox`. */
async function settleRound(tx: Tx, roundId: string, now: Date, actorId: string | null, outbox: Outbox) {
  // Lock order everywhere: paper, then round (recordPosition does the same), or two
  // transactions settling the same round deadlock.
  const [target] = await tx
    .select({ paperId: approvalRounds.paperId })
    .from(approvalRounds)
    .where(eq(approvalRounds.id, roundId));
  if (!target) return null;
  const paper = await lockPaper(tx, target.paperId);
  const [round] = await tx.select().from(approvalRounds).where(eq(approvalRounds.id, roundId)).for("update");
  if (!round || round.closedAt) return null;
  const stateIds = await statePartnerIds(tx, paper.dialogueId);
  const current = await tx.select().from(positions).where(eq(positions.roundId, round.id));
  const decision = decideRound({
    statePartnerIds: stateIds,
    positions: new Map(current.map((p) => [p.partnerId, p.value])),
    procedure: round.procedure,
    deadlinePassed: round.deadline <= now,
  });
  if (!decision) return null;
  await closeRound(tx, paper, round, decision.outcome, now, actorId, outbox);
  return decision.outcome;
}

/** Closes a round with its outcome: the paper moves on (agreed) or back to consultation. */
async function closeRound(
  tx: Tx,
  paper: Paper,
  round: ApprovalRound,
  outcome: "agreed" | "not_agreed",
  now: Date,
  actorId: string | null,
  outbox: Outbox,
  auditDetails: Record<string, unknown> = {},
) {
  await tx.update(approvalRounds).set({ closedAt: now, outcome }).where(eq(approvalRounds.id, round.id));
  await recordAudit(tx, {
    actorId,
    action: "round.closed",
    targetType: "round",
    targetId: round.id,
    dialogueId: paper.dialogueId,
    paperId: paper.id,
    at: now,
    details: { outcome, ...auditDetails },
  });
  await setStatus(tx, actorId, paper, outcome === "agreed" ? "agreed" : "consultation", { round: round.id });
  if (outcome === "agreed") {
    // Suggestions carried over at the freeze can no longer enter the agreed text: they lapse.
    const update = await lapsePendingSuggestions(tx, paper, round.openedBy, actorId);
    if (update) outbox.liveUpdates.push({ paperId: paper.id, update });
  }
  outbox.mails.push(
    ...(await notifyRoundParticipants(tx, {
      paperId: paper.id,
      roundId: round.id,
      kind: "round.closed",
      details: { outcome },
    })),
  );
}

/**
 * Chair: ends the open round at once without agreement (the text needs more work, or the room
 * moved on); the positions recorded stay in the record and the text reopens for consultation.
 * Never "agreed": an early close must not turn the states' silence into approval.
 */
export async function closeRoundWithoutAgreement(
  db: Db,
  actor: Actor | null,
  input: { paperId: string },
  now: Date = new Date(),
) {
  const outbox = newOutbox();
  const roundId = await db.transaction(async (tx) => {
    const paper = await lockPaper(tx, input.paperId);
    authorize(actor, "paper.manageRound", paper);
    const [round] = await tx
      .select()
      .from(approvalRounds)
      .where(and(eq(approvalRounds.paperId, paper.id), isNull(approvalRounds.closedAt)))
      .for("update");
    if (!round) throw invalidTransition(paper.status, "round closed");
    await closeRound(tx, paper, round, "not_agreed", now, actor.id, outbox, { closedByChair: true });
    return round.id;
  });
  await notifyWithVersions(db, input.paperId);
  await deliver(outbox);
  return { roundId };
}

/** A delegate, penholder or chair records their own partner's position on the open round. */
export async function recordPosition(
  db: Db,
  actor: Actor | null,
  input: { paperId: string; partnerId: string; value: "approve" | "object" | "abstain"; reason?: string },
  now: Date = new Date(),
) {
  const reason = input.reason?.trim() || null;
  if (input.value === "object" && !reason)
    throw invalidInput("an objection needs a reason", "errors.objectionReasonRequired");
  const outbox = newOutbox();
  const result = await db.transaction(async (tx) => {
    const paper = await lockPaper(tx, input.paperId);
    const [partner] = await tx.select().from(partners).where(eq(partners.id, input.partnerId));
    if (!partner) throw notFound("partner");
    authorize(actor, "paper.takePosition", { ...paper, partnerId: partner.id, partnerKind: partner.kind });
    const [round] = await tx
      .select()
      .from(approvalRounds)
      .where(and(eq(approvalRounds.paperId, paper.id), isNull(approvalRounds.closedAt)))
      .for("update");
    if (!round) throw invalidTransition(paper.status, "position");
    // At or past the deadline the round is settled, not answered.
    if (round.deadline <= now) {
      await settleRound(tx, round.id, now, null, outbox);
      return { roundId: round.id, outcome: null, refused: true as const };
    }
    const row = {
      roundId: round.id,
      partnerId: partner.id,
      value: input.value,
      reason,
      recordedBy: actor.id,
      recordedAt: now,
    };
    await tx
      .insert(positions)
      .values(row)
      .onConflictDoUpdate({
        target: [positions.roundId, positions.partnerId],
        set: { value: row.value, reason, recordedBy: actor.id, recordedAt: now },
      });
    await tx.insert(positionHistory).values(row);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "position.recorded",
      targetType: "position",
      targetId: `${round.id}:${partner.id}`,
      dialogueId: paper.dialogueId,
      paperId: paper.id,
      at: now,
      details: { partner: partner.name, value: input.value, reason },
    });
    const outcome = await settleRound(tx, round.id, now, actor.id, outbox);
    return { roundId: round.id, outcome, refused: false as const };
  });
  // Settling (here or at the deadline) may have moved the paper: re-check open editors.
  if (result.outcome || result.refused) await notifyWithVersions(db, input.paperId);
  await deliver(outbox);
  // Refused after the transaction, so that settling the overdue round still commits.
  if (result.refused) throw new AppError("invalid_transition", "round deadline passed", "errors.roundClosed");
  return { roundId: result.roundId, outcome: result.outcome };
}

/** Closes every open round whose deadline has passed; run by the deadline scheduler. */
export async function settleDueRounds(db: Db, now: Date = new Date()) {
  const due = await db
    .select({ id: approvalRounds.id })
    .from(approvalRounds)
    .where(and(isNull(approvalRounds.closedAt), lte(approvalRounds.deadline, now)))
    .orderBy(asc(approvalRounds.deadline));
  const settled: string[] = [];
  for (const { id } of due) {
    const outbox = newOutbox();
    const outcome = await db.transaction((tx) => settleRound(tx, id, now, null, outbox));
    await deliver(outbox);
    if (outcome) {
      settled.push(id);
      const [round] = await db
        .select({ paperId: approvalRounds.paperId })
        .from(approvalRounds)
        .where(eq(approvalRounds.id, id));
      if (round) await notifyWithVersions(db, round.paperId);
    }
  }
  return settled;
}

/** Chair: submit an agreed paper to the HLD. Final: one submission per paper. */
export async function submitToHld(db: Db, actor: Actor | null, input: { paperId: string }, now: Date = new Date()) {
  try {
    const submission = await db.transaction(async (tx) => {
      const paper = await lockPaper(tx, input.paperId);
      authorize(actor, "paper.submit", paper);
      const [round] = await tx
        .select()
        .from(approvalRounds)
        .where(and(eq(approvalRounds.paperId, paper.id), eq(approvalRounds.outcome, "agreed")))
        .orderBy(sql`${approvalRounds.closedAt} desc`)
        .limit(1);
      if (!round) throw invalidTransition(paper.status, "submitted");
      const [revision] = await tx.select().from(revisions).where(eq(revisions.id, round.revisionId));
      if (!revision) throw notFound("revision");
      // Locking the dialogue serializes reference numbering across its papers.
      const [dialogue] = await tx.select().from(dialogues).where(eq(dialogues.id, paper.dialogueId)).for("update");
      if (!dialogue) throw notFound("dialogue");
      const [submitter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
      if (!submitter) throw notFound("user");
      const record = await statePositions(tx, dialogue.id, round.id);
      const positionsRecord: PositionsRecord = record.map((r) => ({
        partnerId: r.partnerId,
        partner: r.partner,
        iso3: r.iso3,
        // Under silence procedure a state that did not answer counted as approving.
        value: r.value ?? (round.procedure === "silence" ? "approve_by_silence" : "none"),
        reason: r.reason,
        recordedBy: r.recordedById,
        // The name as it was when the state spoke: the record must not change if the account does.
        recordedByName: r.recordedBy,
        recordedAt: r.recordedAt?.toISOString() ?? null,
      }));
      const [{ count } = { count: 0 }] = await tx
        .select({ count: sql<number>`count(*)` })
        .from(submissions)
        .innerJoin(papers, eq(papers.id, submissions.paperId))
        .where(eq(papers.dialogueId, dialogue.id));
      const reference = `HLD/${HLD_SESSION_YEAR}/${dialogue.code}/${String(Number(count) + 1).padStart(3, "0")}`;
      const [submission] = await tx
        .insert(submissions)
        .values({
          paperId: paper.id,
          revisionId: revision.id,
          roundId: round.id,
          contentHash: revision.contentHash,
          reference,
          positionsRecord,
          submittedBy: actor.id,
          submittedAt: now,
          paperTitle: paper.title,
          paperKind: paper.kind,
          dialogueName: dialogue.name,
          dialogueCode: dialogue.code,
          submittedByName: submitter.name,
        })
        .returning();
      if (!submission) throw new Error("submission insert returned nothing");
      await recordAudit(tx, {
        actorId: actor.id,
        action: "paper.submitted",
        targetType: "submission",
        targetId: submission.id,
        dialogueId: dialogue.id,
        paperId: paper.id,
        at: now,
        details: { reference, revision: revision.number, hash: revision.contentHash },
      });
      await setStatus(tx, actor.id, paper, "submitted", { reference });
      return submission;
    });
    await notifyWithVersions(db, input.paperId);
    // After the commit: every export file's SHA-256, rendered in the background by the server
    // (a PDF takes about a second); elsewhere recorded at the first download or verify.
    queueSubmissionFingerprints(db, input.paperId);
    return submission;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "already submitted", "errors.alreadySubmitted");
    throw error;
  }
}

/** The suggestions pending in a paper's stored text (after compaction: its live text). */
async function pendingSuggestions(tx: Tx, paperId: string): Promise<SuggestionSummary[]> {
  const [row] = await tx.select({ ydocState: papers.ydocState }).from(papers).where(eq(papers.id, paperId));
  if (!row) return [];
  const doc = paperDoc((await readPaperState(tx, { id: paperId, ydocState: row.ydocState })).updates);
  try {
    return listSuggestions(doc);
  } finally {
    doc.destroy();
  }
}
