// Round notifications: who is told when a round opens, 24 hours before its deadline (once),
// and when it closes; each user reads and clears only their own.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import {
  listNotifications,
  markNotificationsRead,
  REMINDER_BEFORE_DEADLINE_MS,
  sendDueReminders,
  unreadNotificationCount,
} from "@/server/domain/notifications";
import { recordPosition } from "@/server/domain/workflow";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";

const testDb = useTestDatabase();
let world: DialogueWithRoles;

async function kindsFor(userId: string, roundId: string) {
  const rows = await testDb
    .db()
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), sql`${notifications.details}->>'roundId' = ${roundId}`));
  return rows.map((r) => r.kind).sort();
}

describe("round notifications", () => {
  beforeAll(async () => {
    world = await makeDialogueWithRoles(testDb.db());
  });

  it("tells every member speaking for a state when a round opens, and nobody else", async () => {
    const { round } = await makePaperInStatus(testDb.db(), "approval", world);
    if (!round) throw new Error("no round");
    for (const role of ["chair", "penholder", "delegate"] as const) {
      expect(await kindsFor(world.actors[role].id, round.id), role).toEqual(["round.opened"]);
    }
    for (const role of ["observer", "outsider", "admin", "hld_reviewer"] as const) {
      expect(await kindsFor(world.actors[role].id, round.id), role).toEqual([]);
    }
  });

  it("tells them when the round closes, with its outcome", async () => {
    const { paper, round } = await makePaperInStatus(testDb.db(), "approval", world);
    if (!round) throw new Error("no round");
    await recordPosition(testDb.db(), world.actors.delegate, {
      paperId: paper.id,
      partnerId: world.partnerOf.delegate,
      value: "object",
      reason: "Paragraph 1 is premature.",
    });
    expect(await kindsFor(world.actors.chair.id, round.id)).toEqual(["round.closed", "round.opened"]);
    const [closed] = await testDb
      .db()
      .select({ details: notifications.details })
      .from(notifications)
      .where(and(eq(notifications.userId, world.actors.penholder.id), eq(notifications.kind, "round.closed")));
    expect(closed?.details).toMatchObject({ roundId: round.id, outcome: "not_agreed" });
  });

  it("reminds once, only within 24 hours of the deadline and only while the round is open", async () => {
    const db = testDb.db();
    const opened = new Date();
    const { round } = await makePaperInStatus(db, "approval", world, { now: opened });
    if (!round) throw new Error("no round");
    const deadline = round.deadline.getTime();

    await sendDueReminders(db, new Date(deadline - REMINDER_BEFORE_DEADLINE_MS - 60_000));
    expect(await kindsFor(world.actors.delegate.id, round.id)).toEqual(["round.opened"]);

    const inWindow = new Date(deadline - REMINDER_BEFORE_DEADLINE_MS + 60_000);
    await Promise.all([sendDueReminders(db, inWindow), sendDueReminders(db, inWindow)]);
    await sendDueReminders(db, new Date(deadline - 60_000));
    expect(await kindsFor(world.actors.delegate.id, round.id)).toEqual(["round.opened", "round.reminder"]);
    expect(await kindsFor(world.actors.observer.id, round.id)).toEqual([]);
  });

  it("lets a user read and clear only their own notifications", async () => {
    const db = testDb.db();
    await makePaperInStatus(db, "approval", world);
    const chairUnread = await unreadNotificationCount(db, world.actors.chair);
    const delegateUnread = await unreadNotificationCount(db, world.actors.delegate);
    expect(chairUnread).toBeGreaterThan(0);
    expect(delegateUnread).toBeGreaterThan(0);
    const own = await listNotifications(db, world.actors.delegate);
    expect(own.every((n) => n.kind.startsWith("round."))).toBe(true);

    await markNotificationsRead(db, world.actors.delegate);
    expect(await unreadNotificationCount(db, world.actors.delegate)).toBe(0);
    expect(await unreadNotificationCount(db, world.actors.chair)).toBe(chairUnread);
    // Naming someone else's notification changes nothing.
    const chairs = await listNotifications(db, world.actors.chair);
    await markNotificationsRead(
      db,
      world.actors.delegate,
      chairs.map((n) => n.id),
    );
    expect(await unreadNotificationCount(db, world.actors.chair)).toBe(chairUnread);
  });
});
