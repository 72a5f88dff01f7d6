// "Follow the chair": who leads the live session of a paper. The dialogue's chair leads unless
// they handed the lead to another member (papers.lead_user_id); the collaboration server stamps
// the leader's presence (server/collab/extensions/awareness-identity.ts) and re-reads it when told.
import { and, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memberships, papers } from "@/db/schema";
import type { SessionLead } from "@/lib/collab/wire";
import { loadActor, loadActors } from "../actor";
import { recordAudit } from "../audit";
import { notifyPaperAccessChanged } from "../collab/notify";
import { invalidInput, notFound } from "../errors";
import { type Actor, authorize, can, type PaperRef } from "../policy";

/** Who leads the paper's live session: the one the lead was handed to, else the dialogue's chair (null: none). */
export async function sessionLead(db: DbOrTx, paperId: string): Promise<SessionLead> {
  const [paper] = await db
    .select({ dialogueId: papers.dialogueId, leadUserId: papers.leadUserId })
    .from(papers)
    .where(eq(papers.id, paperId));
  if (!paper) return { leaderId: null, handed: false };
  if (paper.leadUserId) return { leaderId: paper.leadUserId, handed: true };
  const [chair] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.dialogueId, paper.dialogueId), eq(memberships.role, "chair"), isNull(memberships.suspendedAt)),
    )
    .orderBy(memberships.createdAt)
    .limit(1);
  return { leaderId: chair?.userId ?? null, handed: false };
}

/** The user who leads the paper's live session (null: no chair). */
export async function currentLeader(db: DbOrTx, paperId: string): Promise<string | null> {
  return (await sessionLead(db, paperId)).leaderId;
}

/**
 * The members the chair may hand the paper's lead to, as the policy says (`paper.takeLead`):
 * active accounts with an unsuspended membership who edit or suggest in the text.
 */
export async function leadCandidates(db: DbOrTx, paper: PaperRef): Promise<Set<string>> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.dialogueId, paper.dialogueId), isNull(memberships.suspendedAt)));
  // loadActors leaves out deactivated accounts and suspended memberships.
  const actors = await loadActors(
    db,
    rows.map((row) => row.userId),
  );
  return new Set([...actors.values()].filter((member) => can(member, "paper.takeLead", paper)).map((m) => m.id));
}

/**
 * Chair: hand the lead to a member who may edit or suggest in the text (userId), or take it
 * back (null). Audited; open editors re-read the leader once the change has committed.
 */
export async function handLead(db: Db, actor: Actor | null, input: { paperId: string; userId: string | null }) {
  await db.transaction(async (tx) => {
    const [paper] = await tx.select().from(papers).where(eq(papers.id, input.paperId)).for("update");
    if (!paper) throw notFound("paper");
    authorize(actor, "paper.handLead", paper);
    if (input.userId !== null && input.userId !== actor.id) {
      // loadActor leaves out deactivated accounts and suspended memberships.
      const target = await loadActor(tx, input.userId);
      if (!can(target, "paper.takeLead", paper)) {
        throw invalidInput("the lead goes to a member who takes part in the text", "liveSession.leadNotEligible");
      }
    }
    // The chair taking the lead themselves is the default: stored as null.
    const leadUserId = input.userId === actor.id ? null : input.userId;
    await tx.update(papers).set({ leadUserId }).where(eq(papers.id, paper.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "paper.lead_handed",
      targetType: "paper",
      targetId: paper.id,
      dialogueId: paper.dialogueId,
      paperId: paper.id,
      details: { from: paper.leadUserId, to: leadUserId },
    });
  });
  await notifyPaperAccessChanged(input.paperId);
}
