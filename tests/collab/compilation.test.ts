// The compilation of amendments against the real policy, database and collaboration server:
// suggestions of two delegations and a comment thread made through the socket, read back from
// the stored Yjs state in paragraph order with their original and proposed text, filtered by
// delegation and paragraph, written as CSV; nothing for those the policy keeps out.
import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CompilationTable } from "@/components/compilation/CompilationTable";
import { papers } from "@/db/schema";
import { newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
import { translator } from "@/lib/i18n/translate";
import { createThread } from "@/server/domain/comments";
import { decideSuggestions } from "@/server/domain/suggestions";
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

  it("drops a suggestion once decided: the compilation is the live text's pending material", async () => {
    const { paper, senegal, franceInsert } = await negotiatedPaper();
    await decideSuggestions(harness.db(), harness.world.actors.penholder, {
      paperId: paper.id,
      decision: "accept",
      scope: { kind: "one", id: senegal },
    });
    const rows = ((await compile("delegate", paper.id)) as Compilation).rows;
    expect(rows.map((r) => r.id)).not.toContain(senegal);
    const row = rows.find((r) => r.id === franceInsert) as SuggestionRow;
    // The accepted words are now part of the original text.
    expect(row.original).toBe("Chair adds. Migration and development are interlinked.");
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
      '"Paragraph","Type","Original text","Proposed text","Passage","Delegation","Person","Date","Comment","Status"',
    );
    expect(lines[1]).toBe(
      `"1","Insertion","Migration and development are interlinked.","Migration and development are interlinked. Proposed by France."," Proposed by France.","France","${harness.world.actors.delegate.name}","","","pending"`,
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
});
