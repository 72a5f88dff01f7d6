// The personal desk: what needs the actor now, across their own dialogues only (the secretariat
// and the HLD, who speak for no state, see their usual pages instead). Open rounds with their
// deadlines and whether the actor's state has answered, mentions, the pending suggestions of the
// actor's delegation, and their papers.
import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  approvalRounds,
  dialoguePartners,
  dialogues,
  notifications,
  papers,
  partners,
  positions,
  revisions,
} from "@/db/schema";
import { loadPaperState, paperDoc } from "../collab/paper-state";
import { listSuggestions } from "../collab/suggestions";
import { type Actor, can, textIsOpen } from "../policy";
import { paperColumns } from "./dialogues";

/** How many open papers the desk reads for pending suggestions (each is a live document to load). */
export const DESK_SUGGESTION_PAPERS = 20;
export const DESK_MENTIONS = 10;
export const DESK_PAPERS = 10;

export type DeskRound = {
  paperId: string;
  title: string;
  dialogue: string;
  revisionNumber: number;
  deadline: Date;
  procedure: "consensus" | "silence";
  answered: number;
  total: number;
  /** The actor's state, when it has not answered and the actor may answer for it. */
  positionDueFor: { partnerId: string; partner: string; iso3: string | null } | null;
};

export async function deskFor(db: Db, actor: Actor) {
  const dialogueIds = [...actor.memberships.keys()];
  if (dialogueIds.length === 0) return { rounds: [], mentions: [], suggestions: [], papers: [] };
  const [openRounds, mentions, recentPapers] = await Promise.all([
    db
      .select({
        roundId: approvalRounds.id,
        paperId: papers.id,
        title: papers.title,
        status: papers.status,
        dialogueId: papers.dialogueId,
        dialogue: dialogues.name,
        revisionNumber: revisions.number,
        deadline: approvalRounds.deadline,
        procedure: approvalRounds.procedure,
      })
      .from(approvalRounds)
      .innerJoin(papers, eq(papers.id, approvalRounds.paperId))
      .innerJoin(dialogues, eq(dialogues.id, papers.dialogueId))
      .innerJoin(revisions, eq(revisions.id, approvalRounds.revisionId))
      .where(and(isNull(approvalRounds.closedAt), inArray(papers.dialogueId, dialogueIds)))
      .orderBy(asc(approvalRounds.deadline)),
    db
      .select({
        id: notifications.id,
        paperId: notifications.paperId,
        details: notifications.details,
        read: notifications.read,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.id), eq(notifications.kind, "mention")))
      .orderBy(desc(notifications.createdAt))
      .limit(DESK_MENTIONS),
    db
      .select(paperColumns)
      .from(papers)
      // Originals only, as dialogue pages list them: a version shares its original's title.
      .where(and(inArray(papers.dialogueId, dialogueIds), isNull(papers.originalId)))
      .orderBy(desc(papers.updatedAt), asc(papers.id))
      .limit(Math.max(DESK_PAPERS, DESK_SUGGESTION_PAPERS)),
  ]);
  const rounds = await roundLines(db, actor, openRounds);
  const suggestions = await delegationSuggestions(db, actor, recentPapers);
  return {
    rounds,
    mentions: mentions.map((m) => {
      const details = m.details as { title?: unknown; by?: unknown; threadId?: unknown };
      return {
        id: m.id,
        read: m.read,
        createdAt: m.createdAt,
        title: typeof details.title === "string" ? details.title : "",
        by: typeof details.by === "string" ? details.by : "",
        href: m.paperId
          ? `/papers/${m.paperId}${typeof details.threadId === "string" ? `#thread-${details.threadId}` : ""}`
          : "/notifications",
      };
    }),
    suggestions,
    papers: recentPapers.slice(0, DESK_PAPERS),
  };
}

async function roundLines(
  db: Db,
  actor: Actor,
  open: {
    roundId: string;
    paperId: string;
    title: string;
    status: (typeof papers.$inferSelect)["status"];
    dialogueId: string;
    dialogue: string;
    revisionNumber: number;
    deadline: Date;
    procedure: "consensus" | "silence";
  }[],
): Promise<DeskRound[]> {
  if (open.length === 0) return [];
  const roundIds = open.map((r) => r.roundId);
  const dialogueIds = [...new Set(open.map((r) => r.dialogueId))];
  const ownPartners = [...new Set(dialogueIds.map((id) => actor.memberships.get(id)?.partnerId).filter(Boolean))];
  const [answeredRows, totalRows, ownAnswers, ownPartnerRows] = await Promise.all([
    db
      .select({ roundId: positions.roundId, n: count() })
      .from(positions)
      .where(inArray(positions.roundId, roundIds))
      .groupBy(positions.roundId),
    db
      .select({ dialogueId: dialoguePartners.dialogueId, n: count() })
      .from(dialoguePartners)
      .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
      .where(and(inArray(dialoguePartners.dialogueId, dialogueIds), eq(partners.kind, "state")))
      .groupBy(dialoguePartners.dialogueId),
    ownPartners.length
      ? db
          .select({ roundId: positions.roundId, partnerId: positions.partnerId })
          .from(positions)
          .where(and(inArray(positions.roundId, roundIds), inArray(positions.partnerId, ownPartners as string[])))
      : [],
    ownPartners.length
      ? db
          .select({ id: partners.id, name: partners.name, iso3: partners.iso3, kind: partners.kind })
          .from(partners)
          .where(inArray(partners.id, ownPartners as string[]))
      : [],
  ]);
  const answered = new Map(answeredRows.map((r) => [r.roundId, r.n]));
  const totals = new Map(totalRows.map((r) => [r.dialogueId, r.n]));
  const hasAnswered = new Set(ownAnswers.map((a) => `${a.roundId} ${a.partnerId}`));
  const partnerById = new Map(ownPartnerRows.map((p) => [p.id, p]));
  return open.map((round) => {
    const partner = partnerById.get(actor.memberships.get(round.dialogueId)?.partnerId ?? "");
    const due =
      partner &&
      !hasAnswered.has(`${round.roundId} ${partner.id}`) &&
      can(actor, "paper.takePosition", { ...round, partnerId: partner.id, partnerKind: partner.kind });
    return {
      paperId: round.paperId,
      title: round.title,
      dialogue: round.dialogue,
      revisionNumber: round.revisionNumber,
      deadline: round.deadline,
      procedure: round.procedure,
      answered: answered.get(round.roundId) ?? 0,
      total: totals.get(round.dialogueId) ?? 0,
      positionDueFor: due ? { partnerId: partner.id, partner: partner.name, iso3: partner.iso3 } : null,
    };
  });
}

/** Per open paper, the suggestions the actor's own delegation has pending in the live text. */
async function delegationSuggestions(
  db: Db,
  actor: Actor,
  recent: { id: string; dialogueId: string; title: string; status: (typeof papers.$inferSelect)["status"] }[],
) {
  const open = recent
    .filter((p) => textIsOpen(p.status) && actor.memberships.get(p.dialogueId)?.partnerId)
    .filter((p) => can(actor, "paper.viewComments", p))
    .slice(0, DESK_SUGGESTION_PAPERS);
  const lines: { paperId: string; title: string; count: number }[] = [];
  for (const paper of open) {
    const partnerId = actor.memberships.get(paper.dialogueId)?.partnerId;
    const doc = paperDoc(await loadPaperState(db, paper.id));
    try {
      const count = listSuggestions(doc).filter((s) => s.partnerId === partnerId).length;
      if (count > 0) lines.push({ paperId: paper.id, title: paper.title, count });
    } finally {
      doc.destroy();
    }
  }
  return lines;
}
