// A hostile participant floods a paper with comments, and the members' inboxes with mention
// emails (issue 15, finding 10). Replayed through the domain functions the server actions call,
// against the real database and a real SMTP server: past the account's allowance the comment is
// refused with its translated message and nothing is written or sent, while other accounts (and
// the same one, once its allowance comes back) go on as before.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, commentThreads, notifications } from "@/db/schema";
import { newAnchorId } from "@/lib/editor/annotations";
import { isMessageKey, type MessageKey, translator } from "@/lib/i18n/translate";
import type { ActorProfile } from "@/server/actor";
import { COMMENTS_PER_ACCOUNT, MENTION_MAILS_PER_ACCOUNT } from "@/server/domain/comment-limits";
import { createThread, editComment, replyToThread } from "@/server/domain/comments";
import { AppError } from "@/server/errors";
import { useTestDatabase } from "../helpers/database";
import {
  type DialogueWithRoles,
  loadActor,
  makeDialogueWithRoles,
  makeMember,
  makePaperInStatus,
} from "../helpers/factories";
import { resetMailer, type SmtpSink, startSmtpSink } from "../helpers/smtp";

const test = useTestDatabase();
let world: DialogueWithRoles;
let paperId: string;
let sink: SmtpSink;
const savedSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  resetMailer();
  world = await makeDialogueWithRoles(test.db());
  ({
    paper: { id: paperId },
  } = await makePaperInStatus(test.db(), "consultation", world));
});

afterAll(async () => {
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
  resetMailer();
  await sink?.stop();
});

const thread = (actor: ActorProfile, body: string) =>
  createThread(test.db(), actor, { paperId, anchorId: newAnchorId(actor.id), quote: "", body });

async function writtenBy(actor: ActorProfile) {
  const [row] = await test.db().select({ n: count() }).from(comments).where(eq(comments.authorId, actor.id));
  return row?.n ?? 0;
}

async function mentionNotifications() {
  const [row] = await test
    .db()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.paperId, paperId), eq(notifications.kind, "mention")));
  return row?.n ?? 0;
}

/** The refusal a call ends with, and what the user is told in each language (as server/action-result.ts). */
async function refusalOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, messageKey } = error as AppError;
  expect(isMessageKey(messageKey)).toBe(true);
  const key = messageKey as MessageKey;
  return { code, messageKey, en: translator("en")(key), fr: translator("fr")(key) };
}

describe("comments per account", () => {
  it("refuses the comment past the allowance, writes nothing, and leaves other accounts alone", async () => {
    const flooder = world.actors.delegate;
    const { threadId } = await thread(flooder, "first");
    for (let i = 1; i < COMMENTS_PER_ACCOUNT.limit; i++)
      await replyToThread(test.db(), flooder, { threadId, body: `${i}` });
    const written = await writtenBy(flooder);
    const [firstComment] = await test.db().select().from(comments).where(eq(comments.threadId, threadId)).limit(1);

    for (const attempt of [
      thread(flooder, "one too many"),
      replyToThread(test.db(), flooder, { threadId, body: "one too many" }),
      editComment(test.db(), flooder, { commentId: firstComment?.id ?? "", body: "changed" }),
    ]) {
      expect(await refusalOf(attempt)).toEqual({
        code: "rate_limited",
        messageKey: "comments.errors.tooManyComments",
        en: expect.stringMatching(/many comments in the last minute\. Nothing was saved/),
        fr: expect.stringMatching(/commentaires depuis une minute\. Rien n’a été enregistré/),
      });
    }
    expect(await writtenBy(flooder)).toBe(written);
    const threads = await test.db().select().from(commentThreads).where(eq(commentThreads.createdBy, flooder.id));
    expect(threads).toHaveLength(1);

    // Another account of the same dialogue comments as usual meanwhile.
    await thread(world.actors.penholder, "unaffected");
    expect(await writtenBy(world.actors.penholder)).toBe(1);

    // One comment's worth of allowance comes back after windowMs / limit.
    await new Promise((resolve) =>
      setTimeout(resolve, COMMENTS_PER_ACCOUNT.windowMs / COMMENTS_PER_ACCOUNT.limit + 100),
    );
    await replyToThread(test.db(), flooder, { threadId, body: "later" });
    expect(await writtenBy(flooder)).toBe(written + 1);
  });
});

describe("mention emails per account", () => {
  it("refuses a comment whose mentions would send more email than the allowance, and sends none of them", async () => {
    // Enough members that a few comments mentioning all of them exhaust the allowance before the
    // comment allowance does.
    const members: { name: string; email: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const { userId, email } = await makeMember(test.db(), world.actors.admin, {
        dialogueId: world.dialogue.id,
        partnerId: world.partners.iom,
        role: "observer",
        label: `Listener${i}`,
      });
      members.push({ name: (await loadActor(test.db(), userId)).name, email });
    }
    const everyone = members.map((m) => `@${m.name}`).join(" ");
    const sender = world.actors.chair;
    const perComment = members.length;
    const fits = Math.floor(MENTION_MAILS_PER_ACCOUNT.limit / perComment);
    expect(fits).toBeLessThan(COMMENTS_PER_ACCOUNT.limit);

    sink.clear();
    const { threadId } = await thread(sender, `To all: ${everyone}`);
    for (let i = 1; i < fits; i++)
      await replyToThread(test.db(), sender, { threadId, body: `Again ${i}: ${everyone}` });
    expect(sink.messages).toHaveLength(fits * perComment);
    const written = await writtenBy(sender);
    const notified = await mentionNotifications();

    expect(await refusalOf(replyToThread(test.db(), sender, { threadId, body: `Once more: ${everyone}` }))).toEqual({
      code: "rate_limited",
      messageKey: "comments.errors.tooManyMentions",
      en: expect.stringMatching(/more mention emails than one account may send in an hour\. Nothing was saved/),
      fr: expect.stringMatching(/plus de courriels de mention qu’un compte ne peut en envoyer en une heure/),
    });
    expect(await writtenBy(sender)).toBe(written);
    expect(await mentionNotifications()).toBe(notified);
    expect(sink.messages).toHaveLength(fits * perComment);

    // The account may still comment without mentioning anyone, and others may still mention.
    await replyToThread(test.db(), sender, { threadId, body: "No mentions this time." });
    expect(await writtenBy(sender)).toBe(written + 1);
    await replyToThread(test.db(), world.actors.penholder, { threadId, body: `@${members[0]?.name}` });
    expect(sink.to(members[0]?.email ?? "")).toHaveLength(fits + 1);
  });
});
