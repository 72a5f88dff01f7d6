// "Follow the chair": who leads the live session of a paper. The dialogue's chair leads unless
// they handed the lead to another member (papers.lead_user_id); the collaboration server stamps
// the leader's presence (server/collab/extensions/awareness-identity.ts) and re-reads it when told.
import { and, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { memberships, papers } from "@/db/schema";
import { loadActor } from "../actor";
import { recordAudit } from "../audit";
import { notifyPaperAccessChanged } from "../collab/notify";
import { invalidInput, notFound } from "../errors";
import { type Actor, authorize, can } from "../policy";

/** Whom the chair handed the paper's lead to (null: the chair leads). */
export async function leadHandedTo(db: DbOrTx, paperId: string): Promise<string | null> {
  const [paper] = await db.select({ leadUserId: papers.leadUserId }).from(papers).where(eq(papers.id, paperId));
  return paper?.leadUserId ?? null;
}

/** The user who leads the paper's live session: the one the lead was handed to, else the dialogue's chair (null: no chair). */
export async function currentLeader(db: DbOrTx, paperId: string): Promise<string | null> {
  const [paper] = await db
    .select({ dialogueId: papers.dialogueId, leadUserId: papers.leadUserId })
    .from(papers)
    .where(eq(papers.id, paperId));
  if (!paper) return null;
  if (paper.leadUserId) return paper.leadUserId;
  const [chair] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(eq(memberships.dialogueId, paper.dialogueId), eq(memberships.role, "chair"), isNull(memberships.suspendedAt)),
    )
    .orderBy(memberships.createdAt)
    .limit(1);
  return chair?.userId ?? null;
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
      const member = target?.memberships.has(paper.dialogueId) ?? false;
      if (!target || !member || !(can(target, "paper.edit", paper) || can(target, "paper.suggest", paper))) {
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
