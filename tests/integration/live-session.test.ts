// "Follow the chair" against a real database: who may hand the lead of a paper's live session,
// to whom, and what is recorded. Outcomes are asserted on the rows.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { currentLeader, handLead } from "@/server/domain/live-session";
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
