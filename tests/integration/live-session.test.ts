// "Follow the chair" against a real database: who may hand the lead of a paper's live session,
// to whom, and what is recorded. Outcomes are asserted on the rows.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, memberships, users } from "@/db/schema";
import { currentLeader, handLead, leadCandidates } from "@/server/domain/live-session";
import { AppError } from "@/server/errors";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus, reloadPaper } from "../helpers/factories";

const testDb = useTestDatabase();
let world: DialogueWithRoles;
let elsewhere: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(testDb.db());
  elsewhere = await makeDialogueWithRoles(testDb.db());
});

async function leadAudits(paperId: string) {
  const rows = await testDb
    .db()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.paperId, paperId))
    .orderBy(asc(auditEvents.id));
  return rows.filter((row) => row.action === "paper.lead_handed");
}

describe("handing the lead", () => {
  it("the chair leads by default, hands the lead to the penholder, and takes it back", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "consultation", world);
    expect(await currentLeader(testDb.db(), paper.id)).toBe(world.actors.chair.id);

    await handLead(testDb.db(), world.actors.chair, { paperId: paper.id, userId: world.actors.penholder.id });
    expect((await reloadPaper(testDb.db(), paper.id)).leadUserId).toBe(world.actors.penholder.id);
    expect(await currentLeader(testDb.db(), paper.id)).toBe(world.actors.penholder.id);
    const [handed] = await leadAudits(paper.id);
    expect(handed).toMatchObject({
      actorId: world.actors.chair.id,
      dialogueId: world.dialogue.id,
      details: { from: null, to: world.actors.penholder.id },
    });

    await handLead(testDb.db(), world.actors.chair, { paperId: paper.id, userId: null });
    expect((await reloadPaper(testDb.db(), paper.id)).leadUserId).toBeNull();
    expect(await currentLeader(testDb.db(), paper.id)).toBe(world.actors.chair.id);
    expect(await leadAudits(paper.id)).toHaveLength(2);
  });

  it("a delegate, or the chair of another dialogue, is refused and nothing changes", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "consultation", world);
    for (const actor of [world.actors.delegate, world.actors.penholder, elsewhere.actors.chair]) {
      await expect(
        handLead(testDb.db(), actor, { paperId: paper.id, userId: world.actors.penholder.id }),
      ).rejects.toBeInstanceOf(AppError);
    }
    expect((await reloadPaper(testDb.db(), paper.id)).leadUserId).toBeNull();
    expect(await leadAudits(paper.id)).toHaveLength(0);
  });

  it("the lead goes only to a member of the dialogue who takes part in the text", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "consultation", world);
    // An observer may neither edit nor suggest; the outsider and another dialogue's chair are not members.
    for (const target of [world.actors.observer, world.actors.outsider, elsewhere.actors.chair]) {
      await expect(
        handLead(testDb.db(), world.actors.chair, { paperId: paper.id, userId: target.id }),
      ).rejects.toMatchObject({ code: "invalid_input", messageKey: "liveSession.leadNotEligible" });
    }
    expect((await reloadPaper(testDb.db(), paper.id)).leadUserId).toBeNull();
    expect(await leadAudits(paper.id)).toHaveLength(0);
  });

  it("once the text is frozen for a round, nobody hands the lead", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "approval", world);
    await expect(
      handLead(testDb.db(), world.actors.chair, { paperId: paper.id, userId: world.actors.penholder.id }),
    ).rejects.toBeInstanceOf(AppError);
    expect((await reloadPaper(testDb.db(), paper.id)).leadUserId).toBeNull();
  });
});

describe("whom the chair is offered", () => {
  it("offers exactly the members handLead accepts: never an observer, a suspended member or a deactivated account", async () => {
    const fresh = await makeDialogueWithRoles(testDb.db());
    const { paper } = await makePaperInStatus(testDb.db(), "consultation", fresh);
    const { chair, penholder, delegate, observer } = fresh.actors;
    expect(await leadCandidates(testDb.db(), paper)).toEqual(new Set([chair.id, penholder.id, delegate.id]));

    // The offer and the refusal agree, member by member.
    const accepted = async (userId: string) =>
      handLead(testDb.db(), chair, { paperId: paper.id, userId }).then(
        () => true,
        () => false,
      );
    for (const member of [penholder, delegate, observer]) {
      expect(await accepted(member.id)).toBe((await leadCandidates(testDb.db(), paper)).has(member.id));
    }

    await testDb
      .db()
      .update(memberships)
      .set({ suspendedAt: new Date() })
      .where(and(eq(memberships.userId, delegate.id), eq(memberships.dialogueId, fresh.dialogue.id)));
    await testDb.db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, penholder.id));
    expect(await leadCandidates(testDb.db(), paper)).toEqual(new Set([chair.id]));
    expect(await accepted(delegate.id)).toBe(false);
    expect(await accepted(penholder.id)).toBe(false);
  });

  it("offers nobody once the text is frozen", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "approval", world);
    expect(await leadCandidates(testDb.db(), paper)).toEqual(new Set());
  });
});
