// The read side: every query answers only what the actor may see, and pages are bounded.
import { beforeAll, describe, expect, it } from "vitest";
import type { Dialogue, Paper, PaperStatus } from "@/db/schema";
import type { ActorProfile } from "@/server/actor";
import { createPaper } from "@/server/domain/papers";
import {
  dialogueDetails,
  findDialogueForActor,
  listMyDialogues,
  OVERVIEW_PAPERS,
  PAPERS_PAGE_SIZE,
} from "@/server/queries/dialogues";
import { findPaperForActor, listSubmittedPapers } from "@/server/queries/papers";
import { useTestDatabase } from "../helpers/database";
import {
  type DialogueWithRoles,
  makeDialogue,
  makeDialogueWithRoles,
  makePaperInStatus,
  paperStatuses,
  type roles,
} from "../helpers/factories";

const testDb = useTestDatabase();

const BULK_PAPERS = 60;
let world: DialogueWithRoles;
const paperIn = {} as Record<PaperStatus, Paper>;
let otherPaper: Paper;
let bulk: Dialogue;

beforeAll(async () => {
  const db = testDb.db();
  world = await makeDialogueWithRoles(db);
  for (const status of paperStatuses) paperIn[status] = (await makePaperInStatus(db, status, world)).paper;
  otherPaper = await createPaper(db, world.actors.admin, {
    dialogueId: world.otherDialogue.id,
    title: "Elsewhere",
    kind: "position_paper",
  });
  ({ dialogue: bulk } = await makeDialogue(db, world.actors.admin, [{ kind: "state", iso3: "HUN" }], "Bulk Dialogue"));
  for (let i = 1; i <= BULK_PAPERS; i++) {
    await createPaper(db, world.actors.admin, {
      dialogueId: bulk.id,
      title: `Bulk paper ${i}`,
      kind: i % 2 ? "recommendations" : "position_paper",
    });
  }
});

const actor = (role: (typeof roles)[number]): ActorProfile => world.actors[role];

describe("listMyDialogues", () => {
  it("a delegate sees only their own dialogue, with its partners and latest papers", async () => {
    const list = await listMyDialogues(testDb.db(), actor("delegate"));
    expect(list.map((d) => d.id)).toEqual([world.dialogue.id]);
    const [mine] = list;
    expect(mine?.membership).toEqual({ role: "delegate", partnerId: world.partners.france });
    expect(mine?.partners.map((p) => p.iso3 ?? p.name).sort()).toEqual(["FRA", "IOM", "MAR", "SEN"]);
    expect(mine?.paperCount).toBe(paperStatuses.length);
    expect(mine?.papers.map((p) => p.id).sort()).toEqual(paperStatuses.map((s) => paperIn[s].id).sort());
  });

  it("every member role sees just that dialogue; the outsider just theirs", async () => {
    for (const role of ["chair", "penholder", "observer"] as const) {
      expect((await listMyDialogues(testDb.db(), actor(role))).map((d) => d.id)).toEqual([world.dialogue.id]);
    }
    expect((await listMyDialogues(testDb.db(), actor("outsider"))).map((d) => d.id)).toEqual([world.otherDialogue.id]);
  });

  it("the administrator sees every dialogue", async () => {
    const list = await listMyDialogues(testDb.db(), actor("admin"));
    expect(list.map((d) => d.id).sort()).toEqual([world.dialogue.id, world.otherDialogue.id, bulk.id].sort());
    const bulkEntry = list.find((d) => d.id === bulk.id);
    expect(bulkEntry?.paperCount).toBe(BULK_PAPERS);
    expect(bulkEntry?.papers).toHaveLength(OVERVIEW_PAPERS);
    expect(bulkEntry?.membership).toBeNull();
  });

  it("the HLD reviewer has no dialogues", async () => {
    expect(await listMyDialogues(testDb.db(), actor("hld_reviewer"))).toEqual([]);
  });
});

describe("findDialogueForActor / findPaperForActor", () => {
  it("members and the administrator find the dialogue; the outsider and the HLD reviewer get null", async () => {
    const db = testDb.db();
    for (const role of ["admin", "chair", "penholder", "delegate", "observer"] as const) {
      expect((await findDialogueForActor(db, actor(role), world.dialogue.slug))?.id).toBe(world.dialogue.id);
    }
    expect(await findDialogueForActor(db, actor("outsider"), world.dialogue.slug)).toBeNull();
    expect(await findDialogueForActor(db, actor("hld_reviewer"), world.dialogue.slug)).toBeNull();
    expect(await findDialogueForActor(db, actor("admin"), "no-such-dialogue")).toBeNull();
  });

  it("the outsider finds no paper of the dialogue, in any status", async () => {
    for (const status of paperStatuses) {
      expect(await findPaperForActor(testDb.db(), actor("outsider"), paperIn[status].id)).toBeNull();
    }
    // …but does find the one of their own dialogue; the delegate of this dialogue does not.
    expect((await findPaperForActor(testDb.db(), actor("outsider"), otherPaper.id))?.paper.id).toBe(otherPaper.id);
    expect(await findPaperForActor(testDb.db(), actor("delegate"), otherPaper.id)).toBeNull();
  });

  it("members find every paper of their dialogue, with its latest revision", async () => {
    for (const status of paperStatuses) {
      const found = await findPaperForActor(testDb.db(), actor("observer"), paperIn[status].id);
      expect(found?.paper.status).toBe(status);
      expect(found?.dialogue.id).toBe(world.dialogue.id);
      const revised = !["draft", "consultation"].includes(status);
      // No revision reads as null, not as a revision of empty fields.
      expect(found?.latestRevision).toEqual(revised ? expect.objectContaining({ number: 1 }) : null);
      // The page never shows the Yjs state: it is not read.
      expect(found?.paper).not.toHaveProperty("ydocState");
    }
    expect(await findPaperForActor(testDb.db(), actor("admin"), "00000000-0000-0000-0000-000000000000")).toBeNull();
  });

  it("the HLD reviewer sees only the submitted paper", async () => {
    const db = testDb.db();
    for (const status of paperStatuses) {
      const found = await findPaperForActor(db, actor("hld_reviewer"), paperIn[status].id);
      if (status === "submitted") expect(found?.paper.id).toBe(paperIn.submitted.id);
      else expect(found).toBeNull();
    }
  });
});

describe("listSubmittedPapers", () => {
  it("the HLD reviewer's inbox holds exactly the submitted papers, with their reference and hash", async () => {
    const inbox = await listSubmittedPapers(testDb.db(), actor("hld_reviewer"));
    expect(inbox.map((row) => row.paperId)).toEqual([paperIn.submitted.id]);
    expect(inbox[0]).toMatchObject({
      status: "submitted",
      dialogueId: world.dialogue.id,
      revision: 1,
      reference: `HLD/2013/${world.dialogue.code}/001`,
    });
    expect(inbox[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("filters by dialogue and kind", async () => {
    const db = testDb.db();
    expect(await listSubmittedPapers(db, actor("hld_reviewer"), { dialogueId: world.otherDialogue.id })).toEqual([]);
    expect(await listSubmittedPapers(db, actor("hld_reviewer"), { kind: "position_paper" })).toEqual([]);
    expect(await listSubmittedPapers(db, actor("hld_reviewer"), { kind: "recommendations" })).toHaveLength(1);
  });

  it("members see their dialogue's submitted papers; the outsider sees none", async () => {
    expect((await listSubmittedPapers(testDb.db(), actor("delegate"))).map((r) => r.paperId)).toEqual([
      paperIn.submitted.id,
    ]);
    expect(await listSubmittedPapers(testDb.db(), actor("outsider"))).toEqual([]);
  });
});

describe("dialogueDetails paginates papers", () => {
  it(`${BULK_PAPERS} papers: page 1 and 2 hold ${PAPERS_PAGE_SIZE}, page 3 the rest, no paper twice`, async () => {
    const db = testDb.db();
    const pages = [
      await dialogueDetails(db, bulk.id, 1),
      await dialogueDetails(db, bulk.id, 2),
      await dialogueDetails(db, bulk.id, 3),
    ];
    for (const page of pages) {
      expect(page.paperTotal).toBe(BULK_PAPERS);
      expect(page.pageCount).toBe(Math.ceil(BULK_PAPERS / PAPERS_PAGE_SIZE));
    }
    expect(pages[0]?.papers).toHaveLength(PAPERS_PAGE_SIZE);
    expect(pages[1]?.papers).toHaveLength(PAPERS_PAGE_SIZE);
    expect(pages[2]?.papers).toHaveLength(BULK_PAPERS - 2 * PAPERS_PAGE_SIZE);
    const ids = pages.flatMap((p) => p?.papers.map((paper) => paper.id) ?? []);
    expect(new Set(ids).size).toBe(BULK_PAPERS);
    // Newest first.
    const updated = pages.flatMap((p) => p?.papers.map((paper) => paper.updatedAt.getTime()) ?? []);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect((await dialogueDetails(db, bulk.id, 4)).papers).toEqual([]);
    // A page number below 1 is page 1.
    expect((await dialogueDetails(db, bulk.id, 0)).papers.map((p) => p.id)).toEqual(pages[0]?.papers.map((p) => p.id));
  });

  it("lists partners and members, chair first", async () => {
    const details = await dialogueDetails(testDb.db(), world.dialogue.id, 1);
    expect(details.members.map((m) => m.role)).toEqual(["chair", "penholder", "delegate", "observer"]);
    expect(details.partners).toHaveLength(4);
    expect(details.paperTotal).toBe(paperStatuses.length);
    expect(details.papers.map((p) => p.id).sort()).toEqual(paperStatuses.map((s) => paperIn[s].id).sort());
  });

  // Regression: drizzle leaves columns unqualified in sql``, so a correlated subquery must qualify them.
  it("paper rows carry their latest revision number (Rev.1 once frozen, 0 before)", async () => {
    const details = await dialogueDetails(testDb.db(), world.dialogue.id, 1);
    const revisionOf = (status: PaperStatus) => details.papers.find((p) => p.id === paperIn[status].id)?.revision;
    expect(revisionOf("draft")).toBe(0);
    expect(revisionOf("consultation")).toBe(0);
    for (const status of ["approval", "agreed", "submitted"] as const) expect(revisionOf(status)).toBe(1);
    const [overview] = await listMyDialogues(testDb.db(), actor("chair"));
    expect(overview?.papers.find((p) => p.id === paperIn.approval.id)?.revision).toBe(1);
  });
});
