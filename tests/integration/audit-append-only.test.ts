// The audit log is append-only at the database: the application's own connection (the role an
// attacker who took over the app would hold) can add rows but neither change, delete nor truncate
// them. Issue 15, finding 10, replayed against the real database.
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";

const test = useTestDatabase();
let world: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
  await makePaperInStatus(test.db(), "consultation", world);
});

/** The database's answer to a statement: its refusal message (drizzle wraps it), or "accepted". */
async function answerTo(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
    return "accepted";
  } catch (error) {
    const { cause, message } = error as Error & { cause?: Error };
    return cause?.message ?? message;
  }
}
const refusal = /audit_events is append-only/;

describe("audit_events", () => {
  it("keeps every row as written: updates, deletes and truncation are refused", async () => {
    const before = await test.db().select().from(auditEvents).orderBy(auditEvents.id);
    expect(before.length).toBeGreaterThan(0);
    const first = before[0] as (typeof before)[number];

    const update = test.db().update(auditEvents).set({ action: "paper.created" }).where(eq(auditEvents.id, first.id));
    expect(await answerTo(update)).toMatch(refusal);
    expect(await answerTo(test.db().delete(auditEvents).where(eq(auditEvents.id, first.id)))).toMatch(refusal);
    expect(await answerTo(test.db().execute(sql`truncate audit_events cascade`))).toMatch(refusal);

    expect(await test.db().select().from(auditEvents).orderBy(auditEvents.id)).toEqual(before);
  });

  it("still takes new rows", async () => {
    const rows = async () => (await test.db().select({ n: count() }).from(auditEvents))[0]?.n ?? 0;
    const before = await rows();
    await makePaperInStatus(test.db(), "draft", world);
    expect(await rows()).toBeGreaterThan(before);
  });
});
