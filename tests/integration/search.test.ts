// Search against the real database (PGlite by default, PostgreSQL with DATABASE_URL: run the file
// both ways): folding, stemming per language, every source, the policy's scope, and the index
// following a live edit through the real collaboration server.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { searchEntries } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { newAnchorId } from "@/lib/editor/annotations";
import type { ActorProfile } from "@/server/actor";
import { createThread, deleteComment, editComment } from "@/server/domain/comments";
import { createPaper } from "@/server/domain/papers";
import { type SearchHit, searchPapers } from "@/server/queries/search";
import {
  appendParagraph,
  connectClient,
  type RunningCollab,
  sessionCookie,
  startCollab,
  textOf,
  waitFor,
} from "../collab/helpers";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";

const testDb = useTestDatabase();
let world: DialogueWithRoles;

const doc = (...paragraphs: string[]): DocNode => ({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Preamble" }] },
    ...paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  ],
});

const search = async (actor: ActorProfile, query: string, page = 1) =>
  (await searchPapers(testDb.db(), actor, { query, page })).hits;
const marked = (hit: SearchHit) =>
  hit.snippet
    .filter((part) => part.marked)
    .map((part) => part.text)
    .join("|");

beforeAll(async () => {
  world = await makeDialogueWithRoles(testDb.db());
});

describe("matching", () => {
  it("ignores accents and case, and shows the words as written, highlighted, with the paragraph number", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world, {
      content: doc("Partners agree on circular migration.", "Labour mobilité schemes open in 2027."),
    });
    const hits = await search(world.actors.delegate, "MOBILITE");
    const hit = hits.find((h) => h.paperId === paper.id);
    expect(hit).toMatchObject({ source: "live", paragraphNumber: 2, href: `/papers/${paper.id}#para-2` });
    expect(marked(hit as SearchHit)).toBe("mobilité");
    expect(hit?.snippet.map((p) => p.text).join("")).toBe("Labour mobilité schemes open in 2027.");
    // And the other way round: an accented query finds the unaccented text.
    expect((await search(world.actors.delegate, "Circulàr")).map((h) => h.paperId)).toContain(paper.id);
  });

  it("stems English: migrants finds migrant", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world, {
      content: doc("Every migrant worker keeps the right to a contract."),
    });
    const hit = (await search(world.actors.chair, "migrants")).find((h) => h.paperId === paper.id);
    expect(hit).toMatchObject({ source: "live", paragraphNumber: 1 });
    expect(marked(hit as SearchHit)).toBe("migrant");
  });

  it("stems French in a French paper: « politiques nationales » finds « politique nationale »", async () => {
    const paper = await createPaper(testDb.db(), world.actors.chair, {
      dialogueId: world.dialogue.id,
      title: "Note sur les migrations de travail",
      kind: "position_paper",
      language: "fr",
      content: doc("Chaque État définit sa politique nationale de mobilité."),
    });
    const hit = (await search(world.actors.delegate, "politiques nationales")).find((h) => h.paperId === paper.id);
    expect(hit).toMatchObject({ source: "live", paragraphNumber: 1 });
    expect(marked(hit as SearchHit)).toBe("politique|nationale");
    const [entry] = await testDb
      .db()
      .select({ language: searchEntries.language, config: searchEntries.config })
      .from(searchEntries)
      .where(and(eq(searchEntries.paperId, paper.id), eq(searchEntries.source, "live")));
    expect(entry).toEqual({ language: "fr", config: "french" });
  });

  it("finds titles, every revision with its number, and comments", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "approval", world, {
      title: "Remittances corridor paper",
      content: doc("Remittance costs fall below three per cent."),
    });
    const { delegate } = world.actors;
    const { threadId } = await createThread(testDb.db(), delegate, {
      paperId: paper.id,
      anchorId: newAnchorId(delegate.id),
      quote: "three per cent",
      body: "France would prefer a quinquennial review.",
    });
    expect(threadId).toBeTruthy();
    const hits = await search(delegate, "remittances");
    const mine = hits.filter((h) => h.paperId === paper.id);
    expect(mine.map((h) => h.source).sort()).toEqual(["live", "revision", "title"]);
    expect(mine.find((h) => h.source === "revision")).toMatchObject({
      revisionNumber: 1,
      paragraphNumber: 1,
      href: `/papers/${paper.id}/revisions/1#para-1`,
    });
    const comment = (await search(delegate, "quinquennial")).filter((h) => h.paperId === paper.id);
    expect(comment).toMatchObject([{ source: "comment", paragraphNumber: null }]);
  });

  it("follows a comment's edit and withdrawal", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
    const { penholder } = world.actors;
    await createThread(testDb.db(), penholder, {
      paperId: paper.id,
      anchorId: newAnchorId(penholder.id),
      quote: "",
      body: "Morocco asks for a moratorium.",
    });
    const [hit] = (await search(penholder, "moratorium")).filter((h) => h.paperId === paper.id);
    const [entry] = await testDb
      .db()
      .select({ commentId: searchEntries.commentId })
      .from(searchEntries)
      .where(eq(searchEntries.id, hit?.id ?? -1));
    const commentId = entry?.commentId as string;
    await editComment(testDb.db(), penholder, { commentId, body: "Morocco asks for an embargo." });
    expect((await search(penholder, "moratorium")).filter((h) => h.paperId === paper.id)).toEqual([]);
    expect((await search(penholder, "embargo")).filter((h) => h.paperId === paper.id)).toHaveLength(1);
    await deleteComment(testDb.db(), penholder, { commentId });
    expect((await search(penholder, "embargo")).filter((h) => h.paperId === paper.id)).toEqual([]);
  });

  it("finds nothing for a query of stop words or punctuation only", async () => {
    expect(await search(world.actors.admin, "the")).toEqual([]);
    expect(await search(world.actors.admin, "  !!! ")).toEqual([]);
  });
});

describe("scope", () => {
  let secret: string;
  let submittedPaperId: string;
  beforeAll(async () => {
    // One paper of the world's dialogue in each of two states, plus a comment on the submitted one
    // (written while comments were open), all carrying the same rare word.
    secret = "Kalimantan";
    const draft = await makePaperInStatus(testDb.db(), "draft", world, { content: doc(`${secret} draft clause.`) });
    const submitted = await makePaperInStatus(testDb.db(), "agreed", world, {
      content: doc(`${secret} agreed clause.`),
    });
    submittedPaperId = submitted.paper.id;
    const { delegate, chair } = world.actors;
    await createThread(testDb.db(), delegate, {
      paperId: submitted.paper.id,
      anchorId: newAnchorId(delegate.id),
      quote: "",
      body: `${secret} remark from France.`,
    });
    const { submitToHld } = await import("@/server/domain/workflow");
    await submitToHld(testDb.db(), chair, { paperId: submitted.paper.id });
    expect(draft.paper.status).toBe("draft");
  });

  it("members, the observer included, find every source of their dialogue", async () => {
    for (const role of ["chair", "delegate", "observer", "admin"] as const) {
      const hits = await search(world.actors[role], secret);
      expect(new Set(hits.map((h) => h.source)), role).toEqual(new Set(["live", "revision", "comment"]));
    }
  });

  it("never finds another dialogue's content", async () => {
    expect(await search(world.actors.outsider, secret)).toEqual([]);
    // Their own dialogue's content they do find.
    const own = await createPaper(testDb.db(), world.actors.admin, {
      dialogueId: world.otherDialogue.id,
      title: "Other dialogue paper",
      kind: "recommendations",
      content: doc(`${secret} in the other dialogue.`),
    });
    const hits = await search(world.actors.outsider, secret);
    expect(hits.map((h) => h.paperId)).toEqual([own.id]);
    // And the world's members do not find it.
    expect((await search(world.actors.observer, secret)).map((h) => h.paperId)).not.toContain(own.id);
  });

  it("the HLD reviewer finds only the submitted revision, never comments nor drafts", async () => {
    const hits = await search(world.actors.hld_reviewer, secret);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ source: "revision", paperId: submittedPaperId, paragraphNumber: 1 });
    // Linked to the paper page, which shows the HLD the submitted text (not the revision history).
    expect(hits[0]?.href).toBe(`/papers/${submittedPaperId}#para-1`);
    expect(await search(world.actors.hld_reviewer, "France")).toEqual([]);
  });

  it("pages through results", async () => {
    const many = Array.from({ length: 25 }, (_, i) => `Zeolite paragraph ${i + 1}.`);
    await makePaperInStatus(testDb.db(), "draft", world, { content: doc(...many) });
    const first = await searchPapers(testDb.db(), world.actors.chair, { query: "zeolite", page: 1 });
    const second = await searchPapers(testDb.db(), world.actors.chair, { query: "zeolite", page: 2 });
    expect(first.hits).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.hits).toHaveLength(5);
    expect(second.hasMore).toBe(false);
    const numbers = [...first.hits, ...second.hits].map((h) => h.paragraphNumber).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });
});

describe("live edits", () => {
  let collab: RunningCollab;
  beforeAll(async () => {
    collab = await startCollab(async () => testDb.db());
  });
  afterAll(async () => {
    await collab?.stop();
  });

  it("the index follows typing through the collaboration server within seconds, reindexing only changed blocks", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world, {
      content: doc("Seasonal workers return home.", "Diaspora bonds finance development."),
    });
    const untouched = async () =>
      (
        await testDb
          .db()
          .select({ id: searchEntries.id, paragraphNumber: searchEntries.paragraphNumber })
          .from(searchEntries)
          .where(and(eq(searchEntries.paperId, paper.id), eq(searchEntries.source, "live")))
      ).find((row) => row.paragraphNumber === 2);
    const before = await untouched();
    const { cookie } = await sessionCookie(testDb.db(), world.emails.delegate);
    const client = connectClient(collab.url, paper.id, cookie);
    try {
      await client.synced();
      textOf(client.doc, 1).insert(0, "Ombudsperson offices help. ");
      appendParagraph(client.doc, "Portability of pensions is guaranteed.");
      await client.acked();
      const found = async (query: string) =>
        (await search(world.actors.chair, query)).find((h) => h.paperId === paper.id);
      await waitFor(async () => (await found("pension")) !== undefined, 15_000, "the appended paragraph indexed");
      await waitFor(async () => (await found("ombudsperson")) !== undefined, 15_000, "the edited paragraph indexed");
      expect(await found("pension")).toMatchObject({ source: "live", paragraphNumber: 3 });
      expect(await found("ombudsperson")).toMatchObject({ source: "live", paragraphNumber: 1 });
      // The paragraph nobody touched kept its entry.
      expect((await untouched())?.id).toBe(before?.id);
    } finally {
      client.destroy();
    }
  });

  it("a comment's result names the paragraph its thread is anchored in, as paragraphs move or go", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "consultation", world, {
      content: doc("Remittance costs fall.", "Consular services reach migrants abroad."),
    });
    const { delegate, chair } = world.actors;
    const delegateClient = connectClient(
      collab.url,
      paper.id,
      (await sessionCookie(testDb.db(), world.emails.delegate)).cookie,
    );
    const chairClient = connectClient(
      collab.url,
      paper.id,
      (await sessionCookie(testDb.db(), world.emails.chair)).cookie,
    );
    const commentHit = async () =>
      (await search(chair, "xylophonic")).find((h) => h.paperId === paper.id && h.source === "comment");
    try {
      await Promise.all([delegateClient.synced(), chairClient.synced()]);
      // The delegate anchors a comment on paragraph 2 (block 2, after the heading and paragraph 1).
      const anchorId = newAnchorId(delegate.id);
      textOf(delegateClient.doc, 2).format(0, 8, { "commentAnchor--searchxx": { id: anchorId } });
      await delegateClient.acked();
      await createThread(testDb.db(), delegate, {
        paperId: paper.id,
        anchorId,
        quote: "Consular",
        body: "A xylophonic remark on consular services.",
      });
      await waitFor(async () => (await commentHit())?.paragraphNumber === 2, 15_000, "the comment's paragraph read");
      expect(await commentHit()).toMatchObject({ paragraphNumber: 2, href: `/papers/${paper.id}#para-2` });

      // The chair adds a paragraph before it: the commented one is now paragraph 3.
      await waitFor(async () => chairClient.doc.getXmlFragment("default").length === 3, 5_000, "the chair in sync");
      const added = new Y.XmlElement("paragraph");
      added.insert(0, [new Y.XmlText("Return and reintegration programmes expand.")]);
      chairClient.doc.getXmlFragment("default").insert(1, [added]);
      await chairClient.acked();
      await waitFor(async () => (await commentHit())?.paragraphNumber === 3, 15_000, "the comment's paragraph moved");

      // The commented paragraph is deleted: the comment names no paragraph any more.
      chairClient.doc.getXmlFragment("default").delete(3, 1);
      await chairClient.acked();
      await waitFor(async () => (await commentHit())?.paragraphNumber === null, 15_000, "the passage gone");
      expect((await commentHit())?.href).toBe(`/papers/${paper.id}`);
    } finally {
      delegateClient.destroy();
      chairClient.destroy();
    }
  });
});
