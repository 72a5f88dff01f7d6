// Bracketed text cannot be put to an approval round; ad ref text can.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { approvalRounds, papers, revisions } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { hasBracketedText } from "@/lib/document";
import { createPaper } from "@/server/domain/papers";
import { changeStage, freezeAndOpenRound } from "@/server/domain/workflow";
import { AppError } from "@/server/errors";
import { useTestDatabase } from "../helpers/database";
import { makeDialogueWithRoles } from "../helpers/factories";

const testDb = useTestDatabase();
type World = Awaited<ReturnType<typeof makeDialogueWithRoles>>;
let world: World;

const paragraph = (text: string, agreement?: "bracketed" | "adRef"): DocNode => ({
  type: "paragraph",
  ...(agreement ? { attrs: { agreement } } : {}),
  content: [{ type: "text", text }],
});

async function paperInConsultation(content: DocNode) {
  const db = testDb.db();
  const paper = await createPaper(db, world.actors.chair, {
    dialogueId: world.dialogue.id,
    title: "Marks",
    kind: "recommendations",
    content,
  });
  await changeStage(db, world.actors.chair, { paperId: paper.id, to: "consultation" });
  return paper;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

describe("negotiation marks", () => {
  beforeAll(async () => {
    world = await makeDialogueWithRoles(testDb.db());
  });

  it("finds bracketed blocks at any depth", () => {
    expect(hasBracketedText({ type: "doc", content: [paragraph("a"), paragraph("b", "adRef")] })).toBe(false);
    expect(
      hasBracketedText({
        type: "doc",
        content: [{ type: "blockquote", content: [paragraph("c", "bracketed")] }],
      }),
    ).toBe(true);
  });

  it("refuses to freeze a text with a bracketed paragraph, and changes nothing", async () => {
    const db = testDb.db();
    const paper = await paperInConsultation({
      type: "doc",
      content: [paragraph("Agreed."), paragraph("Still disputed.", "bracketed")],
    });
    const attempt = freezeAndOpenRound(db, world.actors.chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: inAWeek(),
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "invalid_transition", messageKey: "errors.bracketedText" });
    const [after] = await db.select().from(papers).where(eq(papers.id, paper.id));
    expect(after?.status).toBe("consultation");
    expect(await db.select().from(revisions).where(eq(revisions.paperId, paper.id))).toHaveLength(0);
    expect(await db.select().from(approvalRounds).where(eq(approvalRounds.paperId, paper.id))).toHaveLength(0);
  });

  it("lets text agreed ad referendum go to a round, keeping the mark in the revision", async () => {
    const db = testDb.db();
    const paper = await paperInConsultation({
      type: "doc",
      content: [paragraph("Agreed."), paragraph("Pending capitals.", "adRef")],
    });
    const { revision } = await freezeAndOpenRound(db, world.actors.chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: inAWeek(),
    });
    const frozen = revision.contentJson as DocNode;
    expect(frozen.content?.[1]?.attrs?.agreement).toBe("adRef");
  });
});
