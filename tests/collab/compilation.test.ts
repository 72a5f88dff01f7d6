// The compilation of amendments against the real policy, database and collaboration server:
// suggestions of two delegations and a comment thread made through the socket, read back from
// the stored Yjs state in paragraph order with their original and proposed text; decided ones
// (accepted, rejected, withdrawn) from their decisions' records; the chair's dispositions;
// filtered by delegation, paragraph and status, written as CSV; nothing for those the policy
// keeps out.
import { and, asc, eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { recordDispositionAction } from "@/app/actions/compilation";
import { CompilationTable } from "@/components/compilation/CompilationTable";
import { auditEvents, compilationDispositions, papers } from "@/db/schema";
import { BLOCK_INSERT, newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
import { translator } from "@/lib/i18n/translate";
import { recordAudit } from "@/server/audit";
import { createThread } from "@/server/domain/comments";
import { recordDisposition } from "@/server/domain/dispositions";
import { decideSuggestions, withdrawSuggestion } from "@/server/domain/suggestions";
import { AppError } from "@/server/errors";
import { can } from "@/server/policy";
import {
  type Compilation,
  compilationForPaper,
  compilationOfPaper,
  type SuggestionRow,
} from "@/server/queries/compilation";
import { compilationCsv, compilationFilename, csvField } from "@/server/queries/compilation-csv";
import { compilationQuery } from "@/server/queries/compilation-filter";
import { useCollabHarness } from "./harness";
import { textOf } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000, storeDebounceMs: 200 });

// The server action outside a request: who is signed in, the language and the page cache are the test's.
const signedIn = vi.hoisted(() => ({ actor: null as unknown }));
vi.mock("@/server/auth/current", () => ({
  requireActor: async () => signedIn.actor,
  currentActor: async () => signedIn.actor,
}));
vi.mock("@/server/locale", async () => {
  const { translator: t } = await import("@/lib/i18n/translate");
  return { getTranslator: async () => ({ locale: "en", t: t("en") }), requestLocale: async () => "en" };
});
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const suggestionId = (role: "chair" | "delegate") =>
  newSuggestionId(harness.world.actors[role].id, harness.world.partnerOf[role]);

const BODY = `<b>Bold?</b> <script>alert("x")</script> & "mobility"`;

/** A paper in consultation with: Senegal's insertion and France's insertion in paragraph 1, an
 * IOM thread on "Partners" and France's deletion of "commit" in paragraph 2. */
async function negotiatedPaper() {
  const { paper } = await harness.paper("consultation");
  const { world } = harness;
  const chair = await harness.syncedClient("chair", paper.id);
  const senegal = suggestionId("chair");
  textOf(chair.doc, 1).insert(0, "Chair adds. ", { suggestionInsert: { id: senegal } });
  await chair.settled();
  expect(chair.refused()).toBe(false);

  const delegate = await harness.syncedClient("delegate", paper.id);
  const franceInsert = suggestionId("delegate");
  const franceDelete = suggestionId("delegate");
  const first = textOf(delegate.doc, 1);
  first.insert(first.length, " Proposed by France.", { suggestionInsert: { id: franceInsert } });
  textOf(delegate.doc, 2).format(9, 6, { suggestionDelete: { id: franceDelete } });
  await delegate.settled();
  expect(delegate.refused()).toBe(false);

  const observer = await harness.syncedClient("observer", paper.id);
  const anchor = newAnchorId(world.actors.observer.id);
  const { threadId } = await createThread(harness.db(), world.actors.observer, {
    paperId: paper.id,
    anchorId: anchor,
    quote: "Partners",
    body: BODY,
  });
  textOf(observer.doc, 2).format(0, 8, { "commentAnchor--iomiomio": { id: anchor } });
  await observer.settled();
  expect(observer.refused()).toBe(false);
  return { paper, senegal, franceInsert, franceDelete, threadId };
}

const compile = async (role: keyof typeof harness.world.actors, paperId: string, query = {}) =>
  (await compilationForPaper(harness.db(), harness.world.actors[role], paperId, "en", compilationQuery(query)))
    ?.compilation ?? null;

const redline = (row: SuggestionRow) =>
  row.proposed
    .map((p) => (p.change === "ins" ? `<ins>${p.text}</ins>` : p.change === "del" ? `<del>${p.text}</del>` : p.text))
    .join("");

describe("the compilation of amendments", () => {
  it("lists every suggestion and thread in paragraph order, with original text, redline and delegation", async () => {
    const { paper, senegal, franceInsert, franceDelete, threadId } = await negotiatedPaper();
    const { world } = harness;
    const compilation = (await compile("penholder", paper.id)) as Compilation;
    expect(compilation).not.toBeNull();
    expect(compilation.total).toBe(4);
    expect(compilation.rows.map((r) => [r.kind, r.id, r.paragraph])).toEqual([
      ["suggestion", senegal, 1],
      ["suggestion", franceInsert, 1],
      ["thread", threadId, 2],
      ["suggestion", franceDelete, 2],
    ]);
    const [chairRow, insertRow, threadRow, deleteRow] = compilation.rows as [
      SuggestionRow,
      SuggestionRow,
      Extract<(typeof compilation.rows)[number], { kind: "thread" }>,
      SuggestionRow,
    ];
    // The original is the agreed text: nobody's pending insertion, text proposed for deletion kept.
    expect(chairRow.original).toBe("Migration and development are interlinked.");
    expect(insertRow.original).toBe("Migration and development are interlinked.");
    expect(deleteRow.original).toBe("Partners commit to mobility partnerships.");
    // Each proposal alone on the agreed text.
    expect(redline(chairRow)).toBe("<ins>Chair adds. </ins>Migration and development are interlinked.");
    expect(redline(insertRow)).toBe("Migration and development are interlinked.<ins> Proposed by France.</ins>");
    expect(redline(deleteRow)).toBe("Partners <del>commit</del> to mobility partnerships.");
    expect([chairRow.change, insertRow.change, deleteRow.change]).toEqual(["insert", "insert", "delete"]);
    expect(deleteRow.words).toBe("commit");
    expect(chairRow).toMatchObject({ delegation: "Senegal", person: world.actors.chair.name, status: "pending" });
    expect(insertRow).toMatchObject({
      delegation: "France",
      partnerId: world.partners.france,
      person: world.actors.delegate.name,
      status: "pending",
    });
    expect(threadRow).toMatchObject({
      partnerId: world.partners.iom,
      person: world.actors.observer.name,
      quote: "Partners",
      body: BODY,
      status: "open",
      original: "Partners commit to mobility partnerships.",
    });
    expect(Number.isNaN(Date.parse(threadRow.createdAt))).toBe(false);
    expect(compilation.paragraphs).toEqual([1, 2]);
    expect(compilation.delegations.map((d) => d.label)).toEqual(
      expect.arrayContaining(["France", "Senegal", threadRow.delegation]),
    );
  });

  it("lists a split, a new paragraph and proposed bold as one row each, saying what they propose", async () => {
    const { paper } = await harness.paper("consultation");
    const delegate = await harness.syncedClient("delegate", paper.id);
    const split = suggestionId("delegate");
    const added = suggestionId("delegate");
    const bold = suggestionId("delegate");
    const fragment = delegate.doc.getXmlFragment("default");
    const proposed = (words: string, id: string) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.setAttribute(BLOCK_INSERT, id);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, words, { suggestionInsert: { id } });
      return paragraph;
    };
    // Paragraph 1 split before "are interlinked.": the tail proposed for deletion, a new paragraph with it.
    delegate.doc.transact(() => {
      const first = textOf(delegate.doc, 1);
      const at = first.toString().indexOf(" are interlinked.");
      first.format(at, first.length - at, { suggestionDelete: { id: split } });
      fragment.insert(2, [proposed(" are interlinked.", split)]);
    });
    delegate.doc.transact(() => fragment.insert(fragment.length, [proposed("A closing paragraph.", added)]));
    textOf(delegate.doc, 3).format(0, 8, { suggestionFormat: { id: bold, formats: "bold" } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);

    const compilation = (await compile("chair", paper.id)) as Compilation;
    const rows = compilation.rows as SuggestionRow[];
    expect(rows.map((r) => [r.id, r.change, r.paragraph])).toEqual([
      [split, "split", 1],
      [bold, "format", 2],
      [added, "insertBlock", null],
    ]);
    const [splitRow, boldRow, addedRow] = rows as [SuggestionRow, SuggestionRow, SuggestionRow];
    // The split's two blocks in one redline: the tail struck in the first, the new paragraph inserted.
    expect(redline(splitRow)).toBe(
      "Migration and development<del> are interlinked.</del>\n<ins> are interlinked.</ins>",
    );
    expect(boldRow).toMatchObject({ words: "Partners", formats: ["bold"] });
    expect(redline(addedRow)).toBe("<ins>A closing paragraph.</ins>");
    const html = renderToStaticMarkup(
      createElement(CompilationTable, { rows, caption: "Compilation", t: translator("en"), locale: "en" }),
    );
    expect(html).toContain("Paragraph split");
    expect(html).toContain("Formatting proposed: bold");
    expect(html).toContain("New paragraph");
  });

  it("filters by delegation and by paragraph, and ignores filters that are not ids or numbers", async () => {
    const { paper, franceInsert, franceDelete, threadId } = await negotiatedPaper();
    const { world } = harness;
    const ids = async (query: Record<string, string>) =>
      ((await compile("chair", paper.id, query)) as Compilation).rows.map((r) => r.id);
    expect(await ids({ delegation: world.partners.france })).toEqual([franceInsert, franceDelete]);
    expect(await ids({ paragraph: "2" })).toEqual([threadId, franceDelete]);
    expect(await ids({ delegation: world.partners.france, paragraph: "2" })).toEqual([franceDelete]);
    expect(await ids({ delegation: world.partners.morocco })).toEqual([]);
    expect(await ids({ paragraph: "7" })).toEqual([]);
    expect(await ids({ delegation: "France' OR 1=1", paragraph: "-1" })).toHaveLength(4);
    expect((await compile("chair", paper.id, { paragraph: "2" }))?.total).toBe(4);
  });

  it("keeps decided suggestions with their status, date, paragraph and redline as they stood", async () => {
    const { paper, senegal, franceInsert, franceDelete, threadId } = await negotiatedPaper();
    const { world } = harness;
    await decideSuggestions(harness.db(), world.actors.penholder, {
      paperId: paper.id,
      decision: "accept",
      scope: { kind: "one", id: senegal },
    });
    await decideSuggestions(harness.db(), world.actors.chair, {
      paperId: paper.id,
      decision: "reject",
      scope: { kind: "one", id: franceDelete },
    });
    await withdrawSuggestion(harness.db(), world.actors.delegate, { paperId: paper.id, id: franceInsert });
    const compilation = (await compile("delegate", paper.id)) as Compilation;
    expect(compilation.rows.map((r) => [r.id, r.paragraph, r.status])).toEqual([
      [senegal, 1, "accepted"],
      [franceInsert, 1, "withdrawn"],
      [threadId, 2, "open"],
      [franceDelete, 2, "rejected"],
    ]);
    const [accepted, withdrawn, , rejected] = compilation.rows as SuggestionRow[];
    // What was decided, as it stood: the block's agreed text then, and the proposal on it.
    expect(accepted?.original).toBe("Migration and development are interlinked.");
    expect(redline(accepted as SuggestionRow)).toBe(
      "<ins>Chair adds. </ins>Migration and development are interlinked.",
    );
    expect(redline(withdrawn as SuggestionRow)).toBe(
      "Chair adds. Migration and development are interlinked.<ins> Proposed by France.</ins>",
    );
    expect(redline(rejected as SuggestionRow)).toBe("Partners <del>commit</del> to mobility partnerships.");
    expect(accepted).toMatchObject({ delegation: "Senegal", person: world.actors.chair.name, change: "insert" });
    expect(rejected).toMatchObject({ delegation: "France", partnerId: world.partners.france, change: "delete" });
    for (const row of [accepted, withdrawn, rejected]) {
      expect(Date.now() - Date.parse(row?.decidedAt ?? "")).toBeLessThan(60_000);
    }
    // The decision's audit row carries it.
    const [audit] = await harness
      .db()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "suggestion.accepted"), eq(auditEvents.targetId, senegal)));
    expect(audit?.details).toMatchObject({ paragraph: 1, change: "insert", partnerId: world.partners.senegal });
  });

  it("shows a suggestion decided before decisions recorded their paragraph, with what is known", async () => {
    const { paper } = await negotiatedPaper();
    const { world } = harness;
    const old = suggestionId("delegate");
    await recordAudit(harness.db(), {
      actorId: world.actors.chair.id,
      action: "suggestion.rejected",
      targetType: "suggestion",
      targetId: old,
      dialogueId: paper.dialogueId,
      paperId: paper.id,
      details: { kind: "delete", text: "regular", author: world.actors.delegate.id, partnerId: world.partners.france },
      at: new Date("2026-01-15T10:00:00Z"),
    });
    const compilation = (await compile("chair", paper.id)) as Compilation;
    // No paragraph known: after the text's rows.
    expect(compilation.rows.at(-1)).toMatchObject({
      id: old,
      paragraph: null,
      status: "rejected",
      change: "delete",
      words: "regular",
      original: "",
      delegation: "France",
      person: world.actors.delegate.name,
      decidedAt: "2026-01-15T10:00:00.000Z",
    });
    expect(redline(compilation.rows.at(-1) as SuggestionRow)).toBe("<del>regular</del>");
  });

  it("filters by status: pending, accepted, rejected, withdrawn, open, resolved", async () => {
    const { paper, senegal, franceInsert, franceDelete, threadId } = await negotiatedPaper();
    await decideSuggestions(harness.db(), harness.world.actors.chair, {
      paperId: paper.id,
      decision: "accept",
      scope: { kind: "one", id: senegal },
    });
    const ids = async (query: Record<string, string>) =>
      ((await compile("observer", paper.id, query)) as Compilation).rows.map((r) => r.id);
    expect(await ids({ status: "pending" })).toEqual([franceInsert, franceDelete]);
    expect(await ids({ status: "accepted" })).toEqual([senegal]);
    expect(await ids({ status: "rejected" })).toEqual([]);
    expect(await ids({ status: "open" })).toEqual([threadId]);
    expect(await ids({ status: "resolved" })).toEqual([]);
    expect(await ids({ status: "accepted", delegation: harness.world.partners.france })).toEqual([]);
    expect(await ids({ status: "pending", paragraph: "2" })).toEqual([franceDelete]);
    // Anything else is no filter.
    expect(await ids({ status: "bogus" })).toHaveLength(4);
  });

  it("records the chair's dispositions: the latest per row wins, each audited, visible to every member", async () => {
    const { paper, senegal, franceInsert, franceDelete, threadId } = await negotiatedPaper();
    const { world } = harness;
    const db = harness.db();
    await recordDisposition(db, world.actors.chair, {
      paperId: paper.id,
      row: { kind: "suggestion", id: franceInsert },
      disposition: "reject",
      note: "First thought.",
    });
    await recordDisposition(db, world.actors.chair, {
      paperId: paper.id,
      row: { kind: "suggestion", id: franceInsert },
      disposition: "merge",
      mergeWith: { kind: "suggestion", id: senegal },
      note: "  Merge with Senegal's opening.  ",
    });
    await recordDisposition(db, world.actors.chair, {
      paperId: paper.id,
      row: { kind: "thread", id: threadId },
      disposition: "orally_amended",
      amendedText: "Partners commit to mobility and legal pathways.",
    });
    // A decided suggestion keeps its row, and may get a disposition too.
    await decideSuggestions(db, world.actors.chair, {
      paperId: paper.id,
      decision: "reject",
      scope: { kind: "one", id: franceDelete },
    });
    await recordDisposition(db, world.actors.chair, {
      paperId: paper.id,
      row: { kind: "suggestion", id: franceDelete },
      disposition: "accept",
    });
    for (const role of ["delegate", "observer", "admin"] as const) {
      const rows = ((await compile(role, paper.id)) as Compilation).rows;
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(senegal)?.disposition, role).toBeNull();
      expect(byId.get(franceInsert)?.disposition, role).toMatchObject({
        value: "merge",
        mergeWith: { key: `suggestion:${senegal}`, paragraph: 1, delegation: "Senegal" },
        note: "Merge with Senegal's opening.",
        recordedBy: world.actors.chair.name,
      });
      expect(byId.get(threadId)?.disposition).toMatchObject({
        value: "orally_amended",
        amendedText: "Partners commit to mobility and legal pathways.",
        note: "",
      });
      expect(byId.get(franceDelete)?.disposition).toMatchObject({ value: "accept", amendedText: null });
    }
    // History: every disposition is kept and audited.
    const history = await db
      .select({ details: auditEvents.details, targetId: auditEvents.targetId })
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.action, "compilation.disposition_recorded")))
      .orderBy(asc(auditEvents.id));
    expect(history.map((h) => [h.targetId, (h.details as { disposition: string }).disposition])).toEqual([
      [franceInsert, "reject"],
      [franceInsert, "merge"],
      [threadId, "orally_amended"],
      [franceDelete, "accept"],
    ]);
    // The table keeps them as they were: append-only.
    await expect(
      db
        .update(compilationDispositions)
        .set({ note: "rewritten" })
        .where(eq(compilationDispositions.paperId, paper.id)),
    ).rejects.toThrow();

    // In the CSV, with the disposition and note columns.
    const csv = compilationCsv(((await compile("chair", paper.id)) as Compilation).rows, translator("en"));
    expect(csv).toContain(
      `"France","${world.actors.delegate.name}","","","pending","Merge with para. 1 (Senegal)","Merge with Senegal's opening."`,
    );
    expect(csv).toContain(`"open","As orally amended: “Partners commit to mobility and legal pathways.”",""`);
    expect(csv).toMatch(/"rejected","Accept",""\r\n/);
  });

  it("refuses a disposition from anyone but the chair, and bad input with a clear error; nothing changes", async () => {
    const { paper, senegal, franceInsert, threadId } = await negotiatedPaper();
    const { world } = harness;
    const db = harness.db();
    const count = async () =>
      (
        await db
          .select({ id: compilationDispositions.id })
          .from(compilationDispositions)
          .where(eq(compilationDispositions.paperId, paper.id))
      ).length +
      (
        await db
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.action, "compilation.disposition_recorded")))
      ).length;
    const attempt = (role: keyof typeof world.actors, input: Partial<Parameters<typeof recordDisposition>[2]> = {}) =>
      recordDisposition(db, world.actors[role], {
        paperId: paper.id,
        row: { kind: "suggestion", id: franceInsert },
        disposition: "accept",
        ...input,
      }).then(
        () => null,
        (error: unknown) => error,
      );
    const code = async (role: keyof typeof world.actors, input = {}) => {
      const error = await attempt(role, input);
      return error instanceof AppError ? [error.code, error.messageKey] : [String(error)];
    };
    // The policy: only the chair; those outside the dialogue do not even find the paper.
    for (const role of ["delegate", "penholder", "observer", "admin"] as const) {
      expect((await code(role))?.[0], role).toBe("forbidden");
    }
    expect((await code("outsider"))?.[0]).toBe("not_found");
    expect((await code("hld_reviewer"))?.[0]).toBe("not_found");
    // Bad input, each with its message.
    expect(await code("chair", { disposition: "merge" })).toEqual([
      "invalid_input",
      "compilation.errors.mergeWithRequired",
    ]);
    expect(await code("chair", { disposition: "merge", mergeWith: { kind: "suggestion", id: franceInsert } })).toEqual([
      "invalid_input",
      "compilation.errors.mergeWithSelf",
    ]);
    expect(await code("chair", { disposition: "orally_amended", amendedText: "  " })).toEqual([
      "invalid_input",
      "compilation.errors.amendedTextRequired",
    ]);
    expect(await code("chair", { note: "x".repeat(2001) })).toEqual([
      "invalid_input",
      "compilation.errors.noteTooLong",
    ]);
    expect(await code("chair", { row: { kind: "suggestion", id: suggestionId("delegate") } })).toEqual([
      "invalid_input",
      "compilation.errors.noSuchRow",
    ]);
    expect(await code("chair", { row: { kind: "thread", id: "00000000-0000-4000-8000-000000000000" } })).toEqual([
      "invalid_input",
      "compilation.errors.noSuchRow",
    ]);
    expect(
      await code("chair", {
        disposition: "merge",
        mergeWith: { kind: "thread", id: "00000000-0000-4000-8000-000000000000" },
      }),
    ).toEqual(["invalid_input", "compilation.errors.noSuchRow"]);
    expect(await count()).toBe(0);
    // Once the text is frozen, not even the chair.
    await db.update(papers).set({ status: "approval" }).where(eq(papers.id, paper.id));
    expect((await code("chair", { row: { kind: "thread", id: threadId } }))?.[0]).toBe("forbidden");
    await db.update(papers).set({ status: "consultation" }).where(eq(papers.id, paper.id));
    // And the chair, with good input, is heard.
    expect(await attempt("chair", { row: { kind: "suggestion", id: senegal } })).toBeNull();
    expect(await count()).toBe(2);
  });

  it("renders the table with the redline marked and users' words as text, never as HTML", async () => {
    const { paper } = await negotiatedPaper();
    const compilation = (await compile("penholder", paper.id)) as Compilation;
    const html = renderToStaticMarkup(
      CompilationTable({ rows: compilation.rows, caption: "Compilation", t: translator("en"), locale: "en" }),
    );
    expect(html).not.toMatch(/<script|<b>/i);
    expect(html).toContain("&lt;b&gt;Bold?&lt;/b&gt; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;");
    expect(html).toContain(
      '<ins class="bg-green-100 text-green-900"><span class="sr-only">inserted: </span> Proposed by France.</ins>',
    );
    expect(html).toContain('<del class="bg-red-100 text-red-900"><span class="sr-only">deleted: </span>commit</del>');
    expect(html.match(/data-testid="compilation-row"/g)).toHaveLength(4);
    expect(html.match(/<th scope="row"[^>]*>(\d+)<\/th>/g)?.map((m) => m.replace(/<[^>]+>/g, ""))).toEqual([
      "1",
      "1",
      "2",
      "2",
    ]);
  });

  it("puts a thread whose passage is gone after the text's, without a paragraph", async () => {
    const { paper } = await harness.paper("consultation");
    const chair = await harness.syncedClient("chair", paper.id);
    const id = suggestionId("chair");
    textOf(chair.doc, 2).insert(0, "Heading ", { suggestionInsert: { id } });
    await chair.settled();
    // A thread opened, whose anchor never reached the text (or was deleted with it).
    const { threadId } = await createThread(harness.db(), harness.world.actors.delegate, {
      paperId: paper.id,
      anchorId: newAnchorId(harness.world.actors.delegate.id),
      quote: "gone",
      body: "Where did it go?",
    });
    const rows = ((await compile("chair", paper.id)) as Compilation).rows;
    expect(rows.map((r) => [r.id, r.paragraph])).toEqual([
      [id, 2],
      [threadId, null],
    ]);
    expect(rows[1]).toMatchObject({ kind: "thread", detached: true, original: "", delegation: "France" });
    expect(((await compile("chair", paper.id, { paragraph: "2" })) as Compilation).rows).toHaveLength(1);
  });

  it("writes the same rows as CSV: BOM, header, quoted fields, formulas neutralised, a safe filename", async () => {
    const { paper } = await negotiatedPaper();
    const compilation = (await compile("penholder", paper.id, {
      delegation: harness.world.partners.france,
    })) as Compilation;
    const csv = compilationCsv(compilation.rows, translator("en"));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      '"Paragraph","Type","Original text","Proposed text","Passage","Delegation","Person","Date","Comment","Status","Proposed disposition","Note"',
    );
    expect(lines[1]).toBe(
      `"1","Insertion","Migration and development are interlinked.","Migration and development are interlinked. Proposed by France."," Proposed by France.","France","${harness.world.actors.delegate.name}","","","pending","",""`,
    );
    expect(lines[2]).toContain(
      '"2","Deletion","Partners commit to mobility partnerships.","Partners  to mobility partnerships.","commit","France"',
    );
    expect(lines).toHaveLength(4); // header, two rows, and the final line end
    const all = compilationCsv(((await compile("penholder", paper.id)) as Compilation).rows, translator("fr"));
    expect(all).toContain('"Paragraphe","Type","Texte original"');
    expect(all).toContain('"<b>Bold?</b> <script>alert(""x"")</script> & ""mobility"""');
    expect(all).toContain('"en attente"');
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField("-1+2")).toBe(`"'-1+2"`);
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(compilationFilename('Déclaration "finale" / Rabat\r\n2026')).toBe(
      "compilation-declaration-finale-rabat-2026.csv",
    );
    expect(compilationFilename("../../")).toBe("compilation.csv");
  });

  it("gives nothing to those who may not see the paper's suggestions and threads", async () => {
    const { paper } = await negotiatedPaper();
    // Members of the dialogue (the observer included) and the secretariat see it.
    for (const role of ["admin", "chair", "penholder", "delegate", "observer"] as const) {
      expect((await compile(role, paper.id))?.total, role).toBe(4);
    }
    // Someone of another dialogue, and the HLD secretariat, get nothing.
    expect(await compile("outsider", paper.id)).toBeNull();
    expect(await compile("hld_reviewer", paper.id)).toBeNull();
    // An unknown paper is nothing either.
    expect(await compile("admin", "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("keeps the HLD reviewer out of a submitted paper's compilation, though it sees the paper", async () => {
    const { paper } = await negotiatedPaper();
    // Straight to the final status (the workflow's own tests drive it there): only reading is tested here.
    await harness.db().update(papers).set({ status: "submitted" }).where(eq(papers.id, paper.id));
    const submitted = { id: paper.id, dialogueId: paper.dialogueId, status: "submitted" as const };
    expect(can(harness.world.actors.hld_reviewer, "paper.view", submitted)).toBe(true);
    expect(await compile("hld_reviewer", paper.id)).toBeNull();
    expect(await compilationOfPaper(harness.db(), harness.world.actors.hld_reviewer, submitted, "en")).toBeNull();
    expect(await compile("outsider", paper.id)).toBeNull();
    expect((await compile("observer", paper.id))?.total).toBe(4);
  });

  it("has a thin server action: validated input, the policy's refusal for a delegate, nothing written", async () => {
    const { paper, franceInsert, threadId } = await negotiatedPaper();
    const { world } = harness;
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      data.set("$ACTION_ID_x", "");
      for (const [key, value] of Object.entries({ paperId: paper.id, ...fields })) data.set(key, value);
      return data;
    };
    const stored = async () =>
      (
        await harness
          .db()
          .select({ id: compilationDispositions.id })
          .from(compilationDispositions)
          .where(eq(compilationDispositions.paperId, paper.id))
      ).length;
    const row = `suggestion:${franceInsert}`;

    signedIn.actor = world.actors.delegate;
    expect(await recordDispositionAction(null, form({ row, disposition: "accept" }))).toMatchObject({
      ok: false,
      message: "You are not allowed to do this.",
    });
    signedIn.actor = world.actors.chair;
    expect(
      await recordDispositionAction(null, form({ row: "suggestion:'; drop table", disposition: "accept" })),
    ).toMatchObject({ ok: false, message: "Please check: row." });
    expect(await recordDispositionAction(null, form({ row, disposition: "veto" }))).toMatchObject({
      ok: false,
      message: "Please check: disposition.",
    });
    expect(await recordDispositionAction(null, form({ row, disposition: "merge", mergeWith: "" }))).toMatchObject({
      ok: false,
      message: "Choose the entry to merge with.",
    });
    expect(
      await recordDispositionAction(null, form({ row, disposition: "reject", note: "x".repeat(50_000) })),
    ).toMatchObject({ ok: false, message: "The note is too long (2,000 characters at most)." });
    expect(await stored()).toBe(0);
    expect(revalidated).toEqual([]);

    expect(
      await recordDispositionAction(
        null,
        form({ row, disposition: "merge", mergeWith: `thread:${threadId}`, amendedText: "", note: "Same point." }),
      ),
    ).toMatchObject({ ok: true, message: "Disposition recorded." });
    expect(await stored()).toBe(1);
    expect(revalidated).toEqual([`/papers/${paper.id}/compilation`]);
    const rows = ((await compile("delegate", paper.id)) as Compilation).rows;
    expect(rows.find((r) => r.id === franceInsert)?.disposition).toMatchObject({
      value: "merge",
      mergeWith: { key: `thread:${threadId}`, paragraph: 2 },
      amendedText: null,
      note: "Same point.",
    });
  });
});
