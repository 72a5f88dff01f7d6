// A chair (or any account that may invite) has Accord send invitation emails to address after
// address. Replayed through the domain function the server action calls, against the real
// database and a real SMTP server: past the account's hourly allowance the invitation is refused
// with its translated message, no account is created and no mail leaves, while another account
// may still invite.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { translator } from "@/lib/i18n/translate";
import { INVITATION_MAILS_PER_ACCOUNT } from "@/server/domain/invitation-limits";
import { addMember } from "@/server/domain/memberships";
import { AppError } from "@/server/errors";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles } from "../helpers/factories";
import { useSmtpSink } from "../helpers/smtp";

const test = useTestDatabase();
const smtp = useSmtpSink();
let world: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
});

const invite = (n: number, inviter = world.actors.chair) =>
  addMember(test.db(), inviter, {
    dialogueId: world.dialogue.id,
    email: `flood.${n}.${inviter.id.slice(0, 8)}@test.accord`,
    role: "observer",
    partnerId: world.partners.iom,
    newAccount: { name: `Flood ${n}` },
  });

async function accountsNamedFlood() {
  const [row] = await test.db().select({ n: count() }).from(users).where(eq(users.name, "Flood 0"));
  return row?.n ?? 0;
}

it("refuses an account's invitations past its hourly allowance, creating and sending nothing", {
  timeout: 180_000,
}, async () => {
  const chair = world.actors.chair;
  // What the chair has already spent building the dialogue (each invitation is audited).
  const [spent] = await test
    .db()
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, chair.id), eq(auditEvents.action, "user.invited")));
  const left = INVITATION_MAILS_PER_ACCOUNT.limit - (spent?.n ?? 0);
  expect(left).toBeGreaterThan(0);

  const sink = smtp();
  sink.clear();
  // In batches, as a script would send them (and so the test takes seconds, not minutes).
  for (let first = 1; first <= left; first += 20) {
    const batch = Array.from({ length: Math.min(20, left - first + 1) }, (_, i) => first + i);
    await Promise.all(batch.map((n) => invite(n)));
  }
  await expect.poll(() => sink.messages.length).toBe(left);

  const refusal = await invite(0).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refusal).toBeInstanceOf(AppError);
  expect((refusal as AppError).code).toBe("rate_limited");
  expect((refusal as AppError).messageKey).toBe("errors.tooManyInvitations");
  expect(translator("en")("errors.tooManyInvitations")).toMatch(/Nothing was saved/);
  expect(await accountsNamedFlood()).toBe(0);
  expect(sink.messages).toHaveLength(left);

  // Another account's allowance is its own: the secretariat still invites.
  await invite(0, world.actors.admin);
  expect(await accountsNamedFlood()).toBe(1);
  await expect.poll(() => sink.messages.length).toBe(left + 1);
});
