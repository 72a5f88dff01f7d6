// The paper workflow of SPEC.md against a real database: rounds, positions, silence procedure,
// submission. Outcomes are asserted on the rows, not on return values alone.
import { asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { positionsRecord } from "@/db/positions-record";
import { approvalRounds, auditEvents, positionHistory, positions, revisions, submissions } from "@/db/schema";
import { contentHash } from "@/server/canonical";
import {
  changeStage,
  closeRoundWithoutAgreement,
  freezeAndOpenRound,
  recordPosition,
  settleDueRounds,
  submitToHld,
} from "@/server/domain/workflow";
import { AppError } from "@/server/errors";
import { useTestDatabase } from "../helpers/database";
import {
  type DialogueWithRoles,
  makeDialogueWithRoles,
  makePaperInStatus,
  reloadPaper,
  sampleDoc,
} from "../helpers/factories";

const testDb = useTestDatabase();
let world: DialogueWithRoles;
const HOUR = 3600 * 1000;

beforeAll(async () => {
  world = await makeDialogueWithRoles(testDb.db());
});

async function roundRow(roundId: string) {
  const [row] = await testDb.db().select().from(approvalRounds).where(eq(approvalRounds.id, roundId));
  if (!row) throw new Error("round vanished");
  return row;
}

async function positionRows(roundId: string) {
  return testDb.db().select().from(positions).where(eq(positions.roundId, roundId));
}

async function auditFor(paperId: string) {
  return testDb.db().select().from(auditEvents).where(eq(auditEvents.paperId, paperId)).orderBy(asc(auditEvents.id));
}

/** A paper in consultation whose chair opens a round with the given procedure and deadline. */
async function openRound(procedure: "consensus" | "silence", deadline: Date, now = new Date()) {
  const { paper } = await makePaperInStatus(testDb.db(), "consultation", world);
  const { revision, round } = await freezeAndOpenRound(
    testDb.db(),
    world.actors.chair,
    { paperId: paper.id, procedure, deadline },
    now,
  );
  return { paper, revision, round };
}

describe("an approval round", () => {
  it("freezes Rev.1 with the SHA-256 of the canonical text and binds the round to it", async () => {
    const now = new Date();
    const { paper, revision, round } = await openRound("consensus", new Date(now.getTime() + HOUR), now);
    expect(revision.number).toBe(1);
    expect(revision.contentHash).toBe(contentHash(sampleDoc()).hash);
    expect(round).toMatchObject({
      paperId: paper.id,
      revisionId: revision.id,
      procedure: "consensus",
      closedAt: null,
      outcome: null,
    });
    expect((await reloadPaper(testDb.db(), paper.id)).status).toBe("approval");
    const actions = (await auditFor(paper.id)).map((e) => e.action);
    expect(actions).toEqual([
      "paper.created",
      "paper.status_changed",
      "revision.frozen",
      "round.opened",
      "paper.status_changed",
    ]);
  });

  it("is agreed once every state partner approves (or abstains, with at least one approval)", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("consensus", new Date(now.getTime() + HOUR), now);
    const { chair, penholder, delegate } = world.actors;
    expect(
      await recordPosition(db, chair, { paperId: paper.id, partnerId: world.partners.senegal, value: "approve" }, now),
    ).toEqual({ roundId: round.id, outcome: null });
    expect(
      await recordPosition(
        db,
        penholder,
        { paperId: paper.id, partnerId: world.partners.morocco, value: "abstain" },
        now,
      ),
    ).toEqual({ roundId: round.id, outcome: null });
    expect((await reloadPaper(db, paper.id)).status).toBe("approval");
    expect(
      await recordPosition(
        db,
        delegate,
        { paperId: paper.id, partnerId: world.partners.france, value: "approve" },
        now,
      ),
    ).toEqual({ roundId: round.id, outcome: "agreed" });

    expect((await reloadPaper(db, paper.id)).status).toBe("agreed");
    expect(await roundRow(round.id)).toMatchObject({ outcome: "agreed" });
    expect((await roundRow(round.id)).closedAt).toBeInstanceOf(Date);
    expect((await positionRows(round.id)).map((p) => p.value).sort()).toEqual(["abstain", "approve", "approve"]);
    const audit = await auditFor(paper.id);
    expect(audit.filter((e) => e.action === "position.recorded")).toHaveLength(3);
    expect(audit.find((e) => e.action === "round.closed")).toMatchObject({
      actorId: delegate.id,
      targetId: round.id,
      details: { outcome: "agreed" },
    });
  });

  it("is not agreed when every state abstains", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("consensus", new Date(now.getTime() + HOUR), now);
    for (const role of ["chair", "penholder", "delegate"] as const) {
      await recordPosition(
        db,
        world.actors[role],
        { paperId: paper.id, partnerId: world.partnerOf[role], value: "abstain" },
        now,
      );
    }
    expect(await roundRow(round.id)).toMatchObject({ outcome: "not_agreed" });
    expect((await reloadPaper(db, paper.id)).status).toBe("consultation");
  });

  it("an objection closes the round and returns the paper to consultation; the next round freezes Rev.2", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("consensus", new Date(now.getTime() + HOUR), now);
    await recordPosition(
      db,
      world.actors.chair,
      { paperId: paper.id, partnerId: world.partners.senegal, value: "approve" },
      now,
    );
    const result = await recordPosition(
      db,
      world.actors.delegate,
      {
        paperId: paper.id,
        partnerId: world.partners.france,
        value: "object",
        reason: "  Paragraph 2 needs a reference to remittances.  ",
      },
      now,
    );
    expect(result.outcome).toBe("not_agreed");
    expect((await reloadPaper(db, paper.id)).status).toBe("consultation");
    expect(await roundRow(round.id)).toMatchObject({ outcome: "not_agreed" });
    const objection = (await positionRows(round.id)).find((p) => p.partnerId === world.partners.france);
    expect(objection).toMatchObject({
      value: "object",
      reason: "Paragraph 2 needs a reference to remittances.",
      recordedBy: world.actors.delegate.id,
    });

    const next = await freezeAndOpenRound(
      db,
      world.actors.chair,
      { paperId: paper.id, procedure: "consensus", deadline: new Date(now.getTime() + HOUR) },
      now,
    );
    expect(next.revision.number).toBe(2);
    expect(await db.select().from(revisions).where(eq(revisions.paperId, paper.id))).toHaveLength(2);
  });

  it("an objection needs a reason; without one nothing is recorded", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("consensus", new Date(now.getTime() + HOUR), now);
    await expect(
      recordPosition(
        db,
        world.actors.delegate,
        { paperId: paper.id, partnerId: world.partners.france, value: "object", reason: "   " },
        now,
      ),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(await positionRows(round.id)).toEqual([]);
    expect((await reloadPaper(db, paper.id)).status).toBe("approval");
  });

  it("a partner may change its position while the round is open; the history keeps both", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("consensus", new Date(now.getTime() + HOUR), now);
    await recordPosition(
      db,
      world.actors.delegate,
      { paperId: paper.id, partnerId: world.partners.france, value: "abstain" },
      now,
    );
    await recordPosition(
      db,
      world.actors.delegate,
      { paperId: paper.id, partnerId: world.partners.france, value: "approve" },
      now,
    );
    expect((await positionRows(round.id)).map((p) => p.value)).toEqual(["approve"]);
    const history = await db
      .select()
      .from(positionHistory)
      .where(eq(positionHistory.roundId, round.id))
      .orderBy(asc(positionHistory.id));
    expect(history.map((h) => h.value)).toEqual(["abstain", "approve"]);
  });
});

describe("positions are taken only for one's own state partner", () => {
  it("a delegate recording a position for another partner is refused, and nothing is written", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("consensus", new Date(now.getTime() + HOUR), now);
    const auditBefore = (await auditFor(paper.id)).length;
    const attempt = recordPosition(
      db,
      world.actors.delegate,
      { paperId: paper.id, partnerId: world.partners.senegal, value: "approve" },
      now,
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    expect(await positionRows(round.id)).toEqual([]);
    expect(await db.select().from(positionHistory).where(eq(positionHistory.roundId, round.id))).toEqual([]);
    expect((await auditFor(paper.id)).length).toBe(auditBefore);
  });

  it("nobody answers for an organisation, observers never answer, outsiders cannot even see the paper", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("consensus", new Date(now.getTime() + HOUR), now);
    const attempts = [
      { actor: world.actors.observer, partnerId: world.partners.iom, code: "forbidden" },
      { actor: world.actors.chair, partnerId: world.partners.iom, code: "forbidden" },
      { actor: world.actors.admin, partnerId: world.partners.senegal, code: "forbidden" },
      { actor: world.actors.outsider, partnerId: world.partners.senegal, code: "not_found" },
      { actor: world.actors.hld_reviewer, partnerId: world.partners.senegal, code: "not_found" },
    ];
    for (const { actor, partnerId, code } of attempts) {
      await expect(
        recordPosition(db, actor, { paperId: paper.id, partnerId, value: "approve" }, now),
      ).rejects.toMatchObject({ code });
    }
    expect(await positionRows(round.id)).toEqual([]);
  });

  it("no position outside an approval round", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "consultation", world);
    await expect(
      recordPosition(db, world.actors.delegate, {
        paperId: paper.id,
        partnerId: world.partners.france,
        value: "approve",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("deadlines", () => {
  it("silence procedure: at the deadline every state that has not objected counts as approving", async () => {
    const db = testDb.db();
    const now = new Date("2031-03-01T09:00:00Z");
    const deadline = new Date(now.getTime() + 48 * HOUR);
    const { paper, round } = await openRound("silence", deadline, now);
    await recordPosition(
      db,
      world.actors.chair,
      { paperId: paper.id, partnerId: world.partners.senegal, value: "approve" },
      now,
    );

    // Before the deadline nothing is settled.
    expect(await settleDueRounds(db, new Date(deadline.getTime() - 1000))).not.toContain(round.id);
    expect((await reloadPaper(db, paper.id)).status).toBe("approval");

    const settled = await settleDueRounds(db, new Date(deadline.getTime() + 1000));
    expect(settled).toContain(round.id);
    expect((await reloadPaper(db, paper.id)).status).toBe("agreed");
    const closed = await roundRow(round.id);
    expect(closed.outcome).toBe("agreed");
    expect(closed.closedAt?.getTime()).toBe(deadline.getTime() + 1000);
    // The scheduler closes it, not a person.
    const event = (await auditFor(paper.id)).find((e) => e.action === "round.closed");
    expect(event).toMatchObject({ actorId: null, targetId: round.id });
    // Settling again changes nothing.
    expect(await settleDueRounds(db, new Date(deadline.getTime() + 2000))).not.toContain(round.id);

    // The submission records the silent states as approving by silence.
    const submission = await submitToHld(
      db,
      world.actors.chair,
      { paperId: paper.id },
      new Date(deadline.getTime() + 3000),
    );
    const record = positionsRecord.parse(submission.positionsRecord);
    expect(Object.fromEntries(record.map((r) => [r.partnerId, r.value]))).toEqual({
      [world.partners.senegal]: "approve",
      [world.partners.morocco]: "approve_by_silence",
      [world.partners.france]: "approve_by_silence",
    });
  });

  it("silence procedure: one objection still returns the paper to consultation", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("silence", new Date(now.getTime() + HOUR), now);
    await recordPosition(
      db,
      world.actors.penholder,
      { paperId: paper.id, partnerId: world.partners.morocco, value: "object", reason: "Not yet" },
      now,
    );
    expect(await roundRow(round.id)).toMatchObject({ outcome: "not_agreed" });
    expect((await reloadPaper(db, paper.id)).status).toBe("consultation");
  });

  it("the chair closes a round early: never agreed, even under silence; positions stay; the text reopens", async () => {
    const db = testDb.db();
    const now = new Date();
    const { paper, round } = await openRound("silence", new Date(now.getTime() + HOUR), now);
    await recordPosition(
      db,
      world.actors.penholder,
      { paperId: paper.id, partnerId: world.partners.morocco, value: "approve" },
      now,
    );
    // Nobody else may close it, and a refusal changes nothing.
    for (const actor of [world.actors.penholder, world.actors.delegate, world.actors.outsider]) {
      await expect(closeRoundWithoutAgreement(db, actor, { paperId: paper.id })).rejects.toBeInstanceOf(AppError);
    }
    expect(await roundRow(round.id)).toMatchObject({ closedAt: null, outcome: null });
    await closeRoundWithoutAgreement(db, world.actors.chair, { paperId: paper.id }, now);
    expect(await roundRow(round.id)).toMatchObject({ outcome: "not_agreed", closedAt: now });
    expect((await reloadPaper(db, paper.id)).status).toBe("consultation");
    expect(await positionRows(round.id)).toHaveLength(1);
    const closed = (await auditFor(paper.id)).filter((e) => e.action === "round.closed");
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({
      actorId: world.actors.chair.id,
      details: { outcome: "not_agreed", closedByChair: true },
    });
    // Once closed the paper is back in consultation: there is nothing left for the chair to close.
    await expect(closeRoundWithoutAgreement(db, world.actors.chair, { paperId: paper.id })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("consensus: a round with missing positions at its deadline is not agreed", async () => {
    const db = testDb.db();
    const now = new Date("2031-04-01T09:00:00Z");
    const deadline = new Date(now.getTime() + HOUR);
    const { paper, round } = await openRound("consensus", deadline, now);
    await recordPosition(
      db,
      world.actors.chair,
      { paperId: paper.id, partnerId: world.partners.senegal, value: "approve" },
      now,
    );
    expect(await settleDueRounds(db, new Date(deadline.getTime() + 1))).toContain(round.id);
    expect(await roundRow(round.id)).toMatchObject({ outcome: "not_agreed" });
    expect((await reloadPaper(db, paper.id)).status).toBe("consultation");
  });

  it("a position after the deadline is refused and not recorded", async () => {
    const db = testDb.db();
    const now = new Date("2031-05-01T09:00:00Z");
    const deadline = new Date(now.getTime() + HOUR);
    const { paper, round } = await openRound("silence", deadline, now);
    await expect(
      recordPosition(
        db,
        world.actors.delegate,
        { paperId: paper.id, partnerId: world.partners.france, value: "object", reason: "Too late" },
        new Date(deadline.getTime() + 1),
      ),
    ).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await positionRows(round.id)).toEqual([]);
    // The scheduler settles it as silence says.
    await settleDueRounds(db, new Date(deadline.getTime() + 2));
    expect((await reloadPaper(db, paper.id)).status).toBe("agreed");
  });

  // Regression: the settlement used to be rolled back with the refusal, in one transaction.
  it("a position after the deadline settles the round at once, as the deadline says", async () => {
    const db = testDb.db();
    const now = new Date("2031-06-01T09:00:00Z");
    const deadline = new Date(now.getTime() + HOUR);
    const { paper, round } = await openRound("silence", deadline, now);
    await expect(
      recordPosition(
        db,
        world.actors.delegate,
        { paperId: paper.id, partnerId: world.partners.france, value: "approve" },
        new Date(deadline.getTime() + 1),
      ),
    ).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await roundRow(round.id)).toMatchObject({ outcome: "agreed" });
    expect((await reloadPaper(db, paper.id)).status).toBe("agreed");
  });

  // Regression: settleRound used to lock the round before the paper, recordPosition the paper
  // before the round; a scheduler run meeting a delegate on one round deadlocked (40P01) on
  // PostgreSQL. Only PostgreSQL runs transactions concurrently (PGlite serializes them).
  (process.env.DATABASE_URL ? it : it.skip)(
    "the deadline scheduler racing a position never deadlocks (PostgreSQL only)",
    async () => {
      const db = testDb.db();
      const deadlocks: unknown[] = [];
      for (let i = 0; i < 12 && deadlocks.length === 0; i++) {
        const now = new Date(Date.UTC(2032, 0, 1 + i));
        const deadline = new Date(now.getTime() + 1000);
        const { paper } = await openRound("silence", deadline, now);
        const results = await Promise.allSettled([
          recordPosition(
            db,
            world.actors.delegate,
            { paperId: paper.id, partnerId: world.partners.france, value: "approve" },
            now,
          ),
          settleDueRounds(db, new Date(deadline.getTime() + 1)),
        ]);
        for (const result of results) {
          if (result.status === "fulfilled") continue;
          const error = result.reason as { code?: string; cause?: { code?: string } };
          // The only acceptable refusal: the round was settled first.
          if (error.code === "forbidden" || error.code === "invalid_transition") continue;
          deadlocks.push(error.cause?.code ?? error.code ?? error);
        }
      }
      expect(deadlocks).toEqual([]);
    },
  );

  it("a round cannot be opened with a deadline in the past", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "consultation", world);
    await expect(
      freezeAndOpenRound(db, world.actors.chair, {
        paperId: paper.id,
        procedure: "consensus",
        deadline: new Date(Date.now() - 1000),
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.select().from(revisions).where(eq(revisions.paperId, paper.id))).toEqual([]);
    expect((await reloadPaper(db, paper.id)).status).toBe("consultation");
  });
});

describe("stage changes", () => {
  it("chair or penholder move draft ⇄ consultation; others are refused; other transitions are invalid", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "draft", world);
    await expect(
      changeStage(db, world.actors.delegate, { paperId: paper.id, to: "consultation" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeStage(db, world.actors.admin, { paperId: paper.id, to: "consultation" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      changeStage(db, world.actors.outsider, { paperId: paper.id, to: "consultation" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(changeStage(db, world.actors.chair, { paperId: paper.id, to: "draft" })).rejects.toMatchObject({
      code: "invalid_transition",
    });
    expect((await reloadPaper(db, paper.id)).status).toBe("draft");

    await changeStage(db, world.actors.chair, { paperId: paper.id, to: "consultation" });
    expect((await reloadPaper(db, paper.id)).status).toBe("consultation");
    await changeStage(db, world.actors.penholder, { paperId: paper.id, to: "draft" });
    expect((await reloadPaper(db, paper.id)).status).toBe("draft");
    const changes = (await auditFor(paper.id)).filter((e) => e.action === "paper.status_changed");
    expect(changes.map((e) => [e.actorId, e.details])).toEqual([
      [world.actors.chair.id, { from: "draft", to: "consultation" }],
      [world.actors.penholder.id, { from: "consultation", to: "draft" }],
    ]);
  });

  it("only the chair freezes a revision, and only from consultation", async () => {
    const db = testDb.db();
    const deadline = new Date(Date.now() + HOUR);
    const draft = (await makePaperInStatus(db, "draft", world)).paper;
    await expect(
      freezeAndOpenRound(db, world.actors.chair, { paperId: draft.id, procedure: "consensus", deadline }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const consultation = (await makePaperInStatus(db, "consultation", world)).paper;
    await expect(
      freezeAndOpenRound(db, world.actors.penholder, { paperId: consultation.id, procedure: "consensus", deadline }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.select().from(revisions).where(eq(revisions.paperId, consultation.id))).toEqual([]);
    expect(await db.select().from(approvalRounds).where(eq(approvalRounds.paperId, consultation.id))).toEqual([]);
  });
});

describe("submission to the HLD", () => {
  it("two concurrent submissions produce exactly one", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "agreed", world);
    const results = await Promise.allSettled([
      submitToHld(db, world.actors.chair, { paperId: paper.id }),
      submitToHld(db, world.actors.chair, { paperId: paper.id }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r) => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(AppError);
    expect(["conflict", "forbidden"]).toContain((reason as AppError).code);

    const [row] = await db.select({ n: count() }).from(submissions).where(eq(submissions.paperId, paper.id));
    expect(Number(row?.n)).toBe(1);
    expect((await reloadPaper(db, paper.id)).status).toBe("submitted");
    expect((await auditFor(paper.id)).filter((e) => e.action === "paper.submitted")).toHaveLength(1);
  });

  it("records the frozen revision's hash, every state's position and a sequential reference", async () => {
    const db = testDb.db();
    const { paper, revision, submission } = await makePaperInStatus(db, "submitted", world);
    if (!submission || !revision) throw new Error("no submission");
    const [stored] = await db.select().from(submissions).where(eq(submissions.paperId, paper.id));
    expect(stored?.contentHash).toBe(revision.contentHash);
    expect(stored?.revisionId).toBe(revision.id);
    expect(stored?.submittedBy).toBe(world.actors.chair.id);
    expect(stored?.reference).toMatch(new RegExp(`^HLD/2013/${world.dialogue.code}/\\d{3}$`));
    const record = positionsRecord.parse(stored?.positionsRecord);
    expect(record.map((r) => r.partnerId).sort()).toEqual([...world.statePartnerIds].sort());
    expect(record.every((r) => r.value === "approve")).toBe(true);
    // References count up per dialogue: this one follows every earlier submission of the dialogue.
    const earlier = await db.select({ reference: submissions.reference }).from(submissions);
    const numbers = earlier
      .filter((r) => r.reference.includes(`/${world.dialogue.code}/`))
      .map((r) => Number(r.reference.slice(-3)));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(Number(stored?.reference.slice(-3))).toBe(Math.max(...numbers));
  });

  it("only the chair submits, only an agreed paper", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "agreed", world);
    await expect(submitToHld(db, world.actors.penholder, { paperId: paper.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(submitToHld(db, world.actors.admin, { paperId: paper.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(submitToHld(db, world.actors.hld_reviewer, { paperId: paper.id })).rejects.toMatchObject({
      code: "not_found",
    });
    const approval = (await makePaperInStatus(db, "approval", world)).paper;
    await expect(submitToHld(db, world.actors.chair, { paperId: approval.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    const [row] = await db.select({ n: count() }).from(submissions).where(eq(submissions.paperId, paper.id));
    expect(Number(row?.n)).toBe(0);
  });
});
