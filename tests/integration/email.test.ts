// Email when an SMTP server is configured: a real SMTP server in this process receives what the
// real domain functions send through server/mail.ts (nodemailer over SMTP_URL). Round emails go
// to every member speaking for a state, in their language, with a link to the round; mentions
// mail the member mentioned with a link to the thread, as plain text only; a mail server that
// fails never fails the change, which stays committed.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { comments, commentThreads, notifications, papers, users } from "@/db/schema";
import { newAnchorId } from "@/lib/editor/annotations";
import { createThread, replyToThread } from "@/server/domain/comments";
import { recordPosition } from "@/server/domain/workflow";
import { useTestDatabase } from "../helpers/database";
import {
  type DialogueWithRoles,
  makeDialogueWithRoles,
  makePaperInStatus,
  reloadPaper,
  uniqueToken,
} from "../helpers/factories";
import { closedPort, type ReceivedMail, resetMailer, type SmtpSink, startSmtpSink } from "../helpers/smtp";

const testDb = useTestDatabase();
const BASE = "https://accord.example.test";
const FROM = "accord@example.test";
const saved = { SMTP_URL: process.env.SMTP_URL, AUTH_URL: process.env.AUTH_URL, MAIL_FROM: process.env.MAIL_FROM };
let sink: SmtpSink;
let world: DialogueWithRoles;

function restore(name: keyof typeof saved) {
  const value = saved[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** A title that needs encoding in a header and must stay as written in the text. */
const newTitle = () => `Mobilité & <visas> ${uniqueToken()}`;

function only(messages: ReceivedMail[], who: string): ReceivedMail {
  expect(messages, `mails to ${who}`).toHaveLength(1);
  const [mail] = messages;
  if (!mail) throw new Error(`no mail to ${who}`);
  return mail;
}

function expectPlainText(mail: ReceivedMail) {
  expect(mail.contentType).toMatch(/^text\/plain\b/i);
  expect(mail.raw).not.toMatch(/text\/html/i);
  expect(mail.headers.get("from")).toContain(FROM);
}

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.AUTH_URL = BASE;
  process.env.MAIL_FROM = `Accord <${FROM}>`;
  resetMailer();
  world = await makeDialogueWithRoles(testDb.db(), { stateObserver: true });
  // The delegate (France) reads Accord in French.
  await testDb.db().update(users).set({ locale: "fr" }).where(eq(users.id, world.actors.delegate.id));
});

afterAll(async () => {
  restore("SMTP_URL");
  restore("AUTH_URL");
  restore("MAIL_FROM");
  resetMailer();
  await sink?.stop();
});

beforeEach(() => sink.clear());

describe("round emails", () => {
  it("emails every member speaking for a state when a round opens, in their language, with a link to the round", async () => {
    const title = newTitle();
    const { paper } = await makePaperInStatus(testDb.db(), "approval", world, { title });
    const link = `${BASE}/papers/${paper.id}/approval`;
    const speakers = [world.emails.chair, world.emails.penholder, world.emails.delegate];
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([...speakers].sort());

    for (const role of ["chair", "penholder"] as const) {
      const mail = only(sink.to(world.emails[role]), role);
      expectPlainText(mail);
      expect(mail.subject).toBe(`Accord: approval round opened on “${title}”`);
      expect(mail.text).toContain(`An approval round is open on “${title}”`);
      expect(mail.text.split("\n")).toContain(link);
    }
    const french = only(sink.to(world.emails.delegate), "delegate");
    expectPlainText(french);
    expect(french.subject).toBe(`Accord\u202f: tour d’approbation ouvert sur «\u202f${title}\u202f»`);
    expect(french.text).toContain(`Un tour d’approbation est ouvert sur «\u202f${title}\u202f»`);
    expect(french.text.split("\n")).toContain(link);

    // Observers (of an organisation or of a state), outsiders and global roles get nothing.
    const stateObserver = world.stateObserver;
    if (!stateObserver) throw new Error("no state observer");
    for (const email of [
      world.emails.observer,
      stateObserver.email,
      world.emails.outsider,
      world.emails.admin,
      world.emails.hld_reviewer,
    ]) {
      expect(sink.to(email), email).toEqual([]);
    }
  });

  it("emails them that the round closed, not agreed, when a state objects", async () => {
    const title = newTitle();
    const { paper } = await makePaperInStatus(testDb.db(), "approval", world, { title });
    sink.clear();
    await recordPosition(testDb.db(), world.actors.penholder, {
      paperId: paper.id,
      partnerId: world.partnerOf.penholder,
      value: "object",
      reason: "Paragraph 1 is premature.",
    });
    expect((await reloadPaper(testDb.db(), paper.id)).status).toBe("consultation");
    const link = `${BASE}/papers/${paper.id}/approval`;
    expect(sink.messages).toHaveLength(3);

    const english = only(sink.to(world.emails.chair), "chair");
    expect(english.subject).toBe(`Accord: approval round closed on “${title}”`);
    expect(english.text).toContain(`The approval round on “${title}” has closed: not agreed.`);
    expect(english.text.split("\n")).toContain(link);
    expect(only(sink.to(world.emails.penholder), "penholder").subject).toBe(english.subject);

    const french = only(sink.to(world.emails.delegate), "delegate");
    expect(french.subject).toBe(`Accord\u202f: tour d’approbation clos sur «\u202f${title}\u202f»`);
    expect(french.text).toContain("est clos\u202f: non adopté.");
    expect(french.text.split("\n")).toContain(link);
  });
});

describe("mention emails", () => {
  it("emails the member @mentioned, and only them, with a link to the thread", async () => {
    const title = newTitle();
    const { paper } = await makePaperInStatus(testDb.db(), "consultation", world, { title });
    sink.clear();
    const { penholder, delegate } = world.actors;
    const body = `@${penholder.name} could we say "mobility" here?`;
    const { threadId } = await createThread(testDb.db(), delegate, {
      paperId: paper.id,
      anchorId: newAnchorId(delegate.id),
      quote: "Migration and development",
      body,
    });
    const threadLink = `${BASE}/papers/${paper.id}#thread-${threadId}`;
    const mail = only(sink.messages, "anyone");
    expect(mail.to).toEqual([world.emails.penholder]);
    expectPlainText(mail);
    expect(mail.subject).toBe(`Accord: ${delegate.name} mentioned you on “${title}”`);
    expect(mail.text).toContain(body);
    expect(mail.text.split("\n")).toContain(threadLink);

    // A reply mentioning the French delegate: in French, to them only.
    sink.clear();
    await replyToThread(testDb.db(), penholder, { threadId, body: `@${delegate.name} yes, agreed.` });
    const french = only(sink.messages, "anyone");
    expect(french.to).toEqual([world.emails.delegate]);
    expect(french.subject).toBe(`Accord\u202f: ${penholder.name} vous a mentionné sur «\u202f${title}\u202f»`);
    expect(french.text.split("\n")).toContain(threadLink);
  });

  it("sends a comment body with markup as plain text, verbatim, with no HTML part", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "consultation", world);
    sink.clear();
    const { chair, observer } = world.actors;
    const payload = `<script>alert(1)</script> & <img src=x onerror=alert(2)> "quoted"`;
    const body = `@${chair.name} ${payload}`;
    await createThread(testDb.db(), observer, {
      paperId: paper.id,
      anchorId: newAnchorId(observer.id),
      quote: "Partners commit",
      body,
    });
    const mail = only(sink.to(world.emails.chair), "chair");
    expect(sink.messages).toHaveLength(1);
    expectPlainText(mail);
    expect(mail.raw).not.toMatch(/multipart\//i);
    expect(mail.text).toContain(body);
    expect(mail.text).not.toContain("&lt;");
    expect(mail.text).not.toContain("&amp;");
  });
});

describe("a mail server that fails", () => {
  let errors: MockInstance<typeof console.error>;
  beforeEach(() => {
    errors = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    errors.mockRestore();
    process.env.SMTP_URL = sink.url;
    resetMailer();
  });

  it("does not fail a mention or a round opening when nothing listens on the SMTP port; both are committed", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${await closedPort()}`;
    resetMailer();
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "approval", world);
    expect((await reloadPaper(db, paper.id)).status).toBe("approval");

    const { paper: other } = await makePaperInStatus(db, "consultation", world);
    const body = `@${world.actors.chair.name} please look.`;
    const { threadId } = await createThread(db, world.actors.delegate, {
      paperId: other.id,
      anchorId: newAnchorId(world.actors.delegate.id),
      quote: "Migration",
      body,
    });
    const [thread] = await db.select().from(commentThreads).where(eq(commentThreads.id, threadId));
    expect(thread?.paperId).toBe(other.id);
    const stored = await db.select({ body: comments.body }).from(comments).where(eq(comments.threadId, threadId));
    expect(stored.map((c) => c.body)).toEqual([body]);
    const mention = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.actors.chair.id), eq(notifications.kind, "mention")));
    expect(mention.some((n) => (n.details as { threadId?: string }).threadId === threadId)).toBe(true);

    expect(sink.messages).toEqual([]);
    // Each failed mail is logged (3 round emails and the mention).
    const failed = errors.mock.calls.filter((call) => call[0] === "mail not sent");
    expect(failed.length).toBe(4);
  });

  it("does not fail the change when SMTP_URL cannot be used at all", async () => {
    process.env.SMTP_URL = "smtp://[not-a-host";
    resetMailer();
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "approval", world);
    await recordPosition(db, world.actors.delegate, {
      paperId: paper.id,
      partnerId: world.partnerOf.delegate,
      value: "object",
      reason: "Not yet.",
    });
    const [row] = await db.select({ status: papers.status }).from(papers).where(eq(papers.id, paper.id));
    expect(row?.status).toBe("consultation");
    expect(sink.messages).toEqual([]);
    expect(errors).toHaveBeenCalled();
  });
});
