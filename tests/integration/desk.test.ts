// The personal desk against a real database: the positions a member's state still owes, open
// rounds with their counts, the delegation's pending suggestions, and nothing from dialogues the
// member is not in.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { papers } from "@/db/schema";
import { newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
import { ydocStateFromContent } from "@/server/collab/paper-state";
import { createThread } from "@/server/domain/comments";
import { addLanguageVersion } from "@/server/domain/language-versions";
import { freezeAndOpenRound, recordPosition } from "@/server/domain/workflow";
import { deskFor } from "@/server/queries/desk";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";

const testDb = useTestDatabase();
let world: DialogueWithRoles;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  world = await makeDialogueWithRoles(testDb.db());
});

describe("the desk", () => {
  it("lists the open round, asks each speaking member for their own state's position until it is given", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "consultation", world);
    await freezeAndOpenRound(db, world.actors.chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: new Date(Date.now() + 3 * DAY),
    });
    const before = await deskFor(db, world.actors.delegate);
    const line = before.rounds.find((r) => r.paperId === paper.id);
    expect(line).toMatchObject({ answered: 0, total: world.statePartnerIds.length, revisionNumber: 1 });
    expect(line?.positionDueFor?.partnerId).toBe(world.partnerOf.delegate);
    // An observer sees the round but owes no position.
    const observer = (await deskFor(db, world.actors.observer)).rounds.find((r) => r.paperId === paper.id);
    expect(observer).toBeDefined();
    expect(observer?.positionDueFor).toBeNull();
    // Someone of another dialogue sees nothing of it.
    expect((await deskFor(db, world.actors.outsider)).rounds.some((r) => r.paperId === paper.id)).toBe(false);

    await recordPosition(db, world.actors.delegate, {
      paperId: paper.id,
      partnerId: world.partnerOf.delegate,
      value: "approve",
    });
    const after = (await deskFor(db, world.actors.delegate)).rounds.find((r) => r.paperId === paper.id);
    expect(after).toMatchObject({ answered: 1, positionDueFor: null });
    // Another state's delegate is still asked.
    const penholder = (await deskFor(db, world.actors.penholder)).rounds.find((r) => r.paperId === paper.id);
    expect(penholder?.positionDueFor?.partnerId).toBe(world.partnerOf.penholder);
  });

  it("counts the pending suggestions of the member's own delegation only", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "consultation", world);
    const mine = newSuggestionId(world.actors.delegate.id, world.partnerOf.delegate);
    const theirs = newSuggestionId(world.actors.penholder.id, world.partnerOf.penholder);
    const content = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Agreed words. " },
            { type: "text", text: "Ours.", marks: [{ type: "suggestionInsert", attrs: { id: mine } }] },
            { type: "text", text: " Theirs.", marks: [{ type: "suggestionInsert", attrs: { id: theirs } }] },
          ],
        },
      ],
    };
    await db
      .update(papers)
      .set({ ydocState: ydocStateFromContent(content) })
      .where(eq(papers.id, paper.id));
    const line = (await deskFor(db, world.actors.delegate)).suggestions.find((s) => s.paperId === paper.id);
    expect(line).toMatchObject({ count: 1, title: paper.title });
    const other = (await deskFor(db, world.actors.penholder)).suggestions.find((s) => s.paperId === paper.id);
    expect(other).toMatchObject({ count: 1 });
    expect((await deskFor(db, world.actors.outsider)).suggestions.some((s) => s.paperId === paper.id)).toBe(false);
  });

  it("shows the member's own mentions, with who wrote them and a link to the thread", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "consultation", world);
    const { delegate, penholder } = world.actors;
    const { threadId } = await createThread(db, delegate, {
      paperId: paper.id,
      anchorId: newAnchorId(delegate.id),
      quote: "Migration and development",
      body: `@${penholder.name}, could we say "mobility" here?`,
    });
    const mention = (await deskFor(db, penholder)).mentions.find((m) => m.href.includes(threadId));
    expect(mention).toMatchObject({ title: paper.title, by: delegate.name, read: false });
    expect(mention?.href).toBe(`/papers/${paper.id}#thread-${threadId}`);
    expect((await deskFor(db, world.actors.chair)).mentions.some((m) => m.href.includes(threadId))).toBe(false);
  });

  it("lists a paper once, not again for each of its language versions", async () => {
    const db = testDb.db();
    const { paper } = await makePaperInStatus(db, "draft", world);
    const french = await addLanguageVersion(db, world.actors.chair, { paperId: paper.id, language: "fr" });
    const listed = (await deskFor(db, world.actors.chair)).papers.map((p) => p.id);
    expect(listed).toContain(paper.id);
    expect(listed).not.toContain(french.id);
  });

  it("is empty for someone who speaks in no dialogue", async () => {
    const desk = await deskFor(testDb.db(), world.actors.admin);
    expect(desk).toEqual({ rounds: [], mentions: [], suggestions: [], papers: [] });
  });
});
