// A Word file's tracked changes and comments, imported (issue 16): against the real database,
// the penholder (Morocco) imports files written as Word writes them; the paper's stored Yjs
// state holds suggestions in the penholder's and Morocco's name (one per w:ins / w:del), the
// comments are threads anchored on their text, with their replies, each body naming its Word
// author; the chair accepts the suggestions through decideSuggestions. An annotated export
// imported again brings back the same suggestions and threads. Limits: too many changes or
// comments, a DTD (billion laughs), a part cut short and a huge attribute are refused or cost
// nothing, and a refused file creates nothing.

import { asc, eq } from "drizzle-orm";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { comments, commentThreads, papers } from "@/db/schema";
import { compareDocuments } from "@/lib/compare";
import type { DocNode } from "@/lib/document";
import {
  BLOCK_DELETE,
  BLOCK_INSERT,
  COMMENT_ANCHOR,
  parseSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
} from "@/lib/editor/annotations";
import {
  contentFromYDoc,
  liveContentFromYDoc,
  loadPaperState,
  paperDoc,
  ydocStateFromContent,
} from "@/server/collab/paper-state";
import { decideInDoc, listSuggestions } from "@/server/collab/suggestions";
import { COMMENT_MAX_LENGTH } from "@/server/domain/comments";
import { importDocx, importedCommentBody } from "@/server/domain/import-docx";
import { decideSuggestions } from "@/server/domain/suggestions";
import { readDocx } from "@/server/export/import/docx";
import {
  IMPORT_MAX_COMMENT_CHARS,
  IMPORT_MAX_SUGGESTIONS,
  IMPORT_MAX_THREADS,
  IMPORT_MAX_WORD_AUTHOR,
} from "@/server/export/import/limits";
import { renderRedlineDocx } from "@/server/export/render/redline-docx";
import { exportPaper } from "@/server/export/service";
import { importSummaryFor } from "@/server/queries/import-summary";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles } from "../helpers/factories";
import { pandoc, toFile } from "./tools";
import { del, ins, paragraph, rangeEnd, rangeStart, reference, run, type WordComment, wordFile } from "./word-fixture";

const test = useTestDatabase();
let world: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
}, 120_000);

const ANA = "Ana Pérez (Spain)";
const BO = "Bo Lindqvist";

/** Two paragraphs and a table cell: insertions, deletions, a comment with a reply, one across paragraphs, one on a point. */
function negotiatedFile(): Uint8Array {
  const body =
    paragraph(run("Recommendations of the working group"), "Heading1") +
    paragraph(
      run("Partners ") +
        ins(1, ANA, "warmly ") +
        run("welcome ") +
        del(2, ANA, "the ") +
        rangeStart(10) +
        run("Rabat Process") +
        rangeEnd(10) +
        run(" and its ") +
        // Two runs of one insertion by one author (Word splits runs by formatting): one suggestion.
        ins(3, BO, "new ") +
        ins(4, BO, "regional", "<w:b/>") +
        run(" partners."),
    ) +
    paragraph(run("Mobility ") + rangeStart(12) + run("partnerships") + del(5, BO, " and quotas")) +
    paragraph(run("are voluntary.") + rangeEnd(12)) +
    // Inserted by one author, then deleted by another: no text either way.
    paragraph(
      run("Returns ") +
        `<w:ins w:id="6" w:author="${BO}">${del(7, ANA, "forced ")}</w:ins>` +
        run("are dignified.") +
        reference(14),
    );
  const comments: WordComment[] = [
    { id: 10, author: ANA, text: "Which process?\nThe Rabat Process only." },
    { id: 11, author: BO, text: "Agreed, the Rabat Process.", parent: 10 },
    { id: 13, author: ANA, text: "And the Khartoum Process?", parent: 11 },
    { id: 12, author: BO, text: "Partnerships across two paragraphs." },
    { id: 14, author: "", text: "A point comment.", done: true },
  ];
  return wordFile(body, comments);
}

async function papersCount(): Promise<number> {
  return (await test.db().select({ id: papers.id }).from(papers)).length;
}

/** The paper's live document as stored (Yjs state and pending updates), with its marks. */
async function storedDocument(paperId: string) {
  const doc = paperDoc(await loadPaperState(test.db(), paperId));
  try {
    return { json: liveContentFromYDoc(doc), suggestions: listSuggestions(doc) };
  } finally {
    doc.destroy();
  }
}

/** Text runs carrying a mark of this type and id. */
function markedText(node: DocNode, type: string, id?: string): string[] {
  if (node.type === "text")
    return node.marks?.some((m) => m.type === type && (id === undefined || m.attrs?.id === id))
      ? [node.text ?? ""]
      : [];
  return (node.content ?? []).flatMap((child) => markedText(child, type, id));
}

async function threadsOf(paperId: string) {
  const threads = await test
    .db()
    .select()
    .from(commentThreads)
    .where(eq(commentThreads.paperId, paperId))
    .orderBy(asc(commentThreads.createdAt));
  const bodies = await test
    .db()
    .select({ threadId: comments.threadId, body: comments.body, authorId: comments.authorId })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(eq(commentThreads.paperId, paperId))
    .orderBy(asc(comments.createdAt));
  return threads.map((t) => ({ ...t, comments: bodies.filter((b) => b.threadId === t.id) }));
}

describe("a Word file's tracked changes and comments", () => {
  it("become suggestions of the importer's delegation and threads anchored on their text", async () => {
    const paper = await importDocx(test.db(), world.actors.penholder, {
      dialogueId: world.dialogue.id,
      kind: "recommendations",
      bytes: negotiatedFile(),
    });
    expect(paper.title).toBe("Recommendations of the working group");
    expect(paper.imported).toEqual({
      suggestions: 4,
      threads: 3,
      replies: 2,
      wordAuthors: [ANA, BO],
    });

    const { json, suggestions } = await storedDocument(paper.id);
    const morocco = { userId: world.actors.penholder.id, partnerId: world.partnerOf.penholder };
    expect(suggestions.map((s) => ({ kind: s.kind, text: s.text, userId: s.userId, partnerId: s.partnerId }))).toEqual([
      { kind: "insert", text: "warmly ", ...morocco },
      { kind: "delete", text: "the ", ...morocco },
      { kind: "insert", text: "new regional", ...morocco },
      { kind: "delete", text: " and quotas", ...morocco },
    ]);
    for (const s of suggestions) expect(parseSuggestionId(s.id)).toEqual(morocco);
    // Inserted then deleted: in neither text.
    expect(JSON.stringify(json)).not.toContain("forced");
    // The agreed text keeps what is proposed for deletion and leaves out what is proposed for insertion.
    expect(paper.contentText).toContain("Partners welcome the Rabat Process and its  partners.");
    expect(paper.contentText).not.toContain("warmly");
    // The formatting of the inserted run survives with the suggestion.
    expect(JSON.stringify(json)).toMatch(
      /"marks":\[\{"type":"bold"\},\{"type":"suggestionInsert"[^\]]*\],"text":"regional"/,
    );

    const threads = await threadsOf(paper.id);
    expect(threads).toHaveLength(3);
    const [process, partnerships, point] = threads as [
      (typeof threads)[number],
      (typeof threads)[number],
      (typeof threads)[number],
    ];
    for (const thread of threads) {
      expect(thread.createdBy).toBe(world.actors.penholder.id);
      expect(thread.partnerId).toBe(world.partnerOf.penholder);
      expect(thread.comments.every((c) => c.authorId === world.actors.penholder.id)).toBe(true);
      expect(markedText(json, COMMENT_ANCHOR, thread.anchorId).length).toBeGreaterThan(0);
    }
    expect(markedText(json, COMMENT_ANCHOR, process.anchorId)).toEqual(["Rabat Process"]);
    expect(process.quote).toBe("Rabat Process");
    // The reply, and the reply to the reply (flattened), under the first comment.
    expect(process.comments.map((c) => c.body)).toEqual([
      `Word comment by ${ANA}, 2026-11-03:\nWhich process?\nThe Rabat Process only.`,
      `Word comment by ${BO}, 2026-11-03:\nAgreed, the Rabat Process.`,
      `Word comment by ${ANA}, 2026-11-03:\nAnd the Khartoum Process?`,
    ]);
    expect(process.resolvedAt).toBeNull();
    // Across two paragraphs: anchored in both.
    expect(markedText(json, COMMENT_ANCHOR, partnerships.anchorId).join("|")).toBe(
      "partnerships| and quotas|are voluntary.",
    );
    expect(partnerships.quote).toBe("partnerships and quotas are voluntary.");
    // A comment on a point is anchored on its paragraph; done in Word, resolved here.
    expect(point.quote).toBe("Returns are dignified.");
    expect(point.comments[0]?.body).toBe("Word comment by an unnamed author, 2026-11-03:\nA point comment.");
    expect(point.resolvedAt).not.toBeNull();

    // The creation record keeps the counts and the Word authors; the importer sees them, nobody else.
    expect(await importSummaryFor(test.db(), world.actors.penholder, paper.id)).toEqual(paper.imported);
    expect(await importSummaryFor(test.db(), world.actors.chair, paper.id)).toBeNull();

    // The chair accepts every imported suggestion.
    const decided = await decideSuggestions(test.db(), world.actors.chair, {
      paperId: paper.id,
      decision: "accept",
      scope: { kind: "partner", partnerId: world.partnerOf.penholder },
    });
    expect(decided).toHaveLength(4);
    const after = await storedDocument(paper.id);
    expect(after.suggestions).toEqual([]);
    const text = JSON.stringify(after.json);
    expect(text).toContain("warmly ");
    expect(text).not.toContain("quotas");
    expect(markedText(after.json, SUGGESTION_INSERT).concat(markedText(after.json, SUGGESTION_DELETE))).toEqual([]);
  });

  it("writes comments in the importer's language, within the comment limit", async () => {
    expect(importedCommentBody({ author: "Ana", date: "2026-11-03T10:00:00Z", text: "Oui." }, "fr")).toBe(
      "Commentaire Word de Ana, le 2026-11-03\u202f:\nOui.",
    );
    const long = importedCommentBody(
      { author: "Ana", date: null, text: "x".repeat(IMPORT_MAX_COMMENT_CHARS + 1) },
      "en",
    );
    expect(long.length).toBe(COMMENT_MAX_LENGTH);
    expect(long.endsWith("…")).toBe(true);
    expect(IMPORT_MAX_COMMENT_CHARS).toBe(COMMENT_MAX_LENGTH);
  });

  it("pandoc reads the hand-made fixture's changes and comments as Word's", () => {
    const path = toFile(negotiatedFile(), "docx");
    const all = pandoc(["-f", "docx", "--track-changes=all", "-t", "native", path]);
    expect(all).toContain('"insertion"');
    expect(all).toContain('"deletion"');
    expect(all).toContain('"comment-start"');
  });

  it("an annotated export comes back with its suggestions and threads, now in the importer's name", async () => {
    const original = await importDocx(test.db(), world.actors.penholder, {
      dialogueId: world.dialogue.id,
      kind: "recommendations",
      bytes: negotiatedFile(),
    });
    const file = await exportPaper(test.db(), world.actors.chair, {
      paperId: original.id,
      revision: "live",
      format: "docx",
      lang: "en",
      includeAnnotations: true,
    });
    const copy = await importDocx(test.db(), world.actors.chair, {
      dialogueId: world.dialogue.id,
      kind: "recommendations",
      title: "Round trip",
      bytes: file.bytes,
    });
    const before = await storedDocument(original.id);
    const after = await storedDocument(copy.id);
    const senegal = { userId: world.actors.chair.id, partnerId: world.partnerOf.chair };
    expect(after.suggestions.map((s) => ({ kind: s.kind, text: s.text }))).toEqual(
      before.suggestions.map((s) => ({ kind: s.kind, text: s.text })),
    );
    for (const s of after.suggestions) expect({ userId: s.userId, partnerId: s.partnerId }).toEqual(senegal);
    // Open threads only are exported: the done one stays behind.
    const threads = await threadsOf(copy.id);
    expect(threads.map((t) => t.quote)).toEqual(["Rabat Process", "partnerships and quotas are voluntary."]);
    const penholder = `${world.actors.penholder.name} (Morocco)`;
    expect(threads[0]?.comments.map((c) => c.body.split("\n")[0])).toEqual([
      expect.stringMatching(new RegExp(`^Word comment by ${penholder.replace(/[()]/g, "\\$&")}`)),
      expect.stringMatching(/^Word comment by /),
      expect.stringMatching(/^Word comment by /),
    ]);
    expect(threads[0]?.comments[0]?.body).toContain(`Word comment by ${ANA}, 2026-11-03:\nWhich process?`);
    for (const thread of threads) expect(thread.createdBy).toBe(world.actors.chair.id);
  });

  it("a file without changes or comments imports as before, with nothing to report", async () => {
    const paper = await importDocx(test.db(), world.actors.penholder, {
      dialogueId: world.dialogue.id,
      kind: "position_paper",
      title: "Plain",
      bytes: wordFile(paragraph(run("Plain text, nothing tracked."))),
    });
    expect(paper.imported).toEqual({ suggestions: 0, threads: 0, replies: 0, wordAuthors: [] });
    expect(await threadsOf(paper.id)).toEqual([]);
    expect(await importSummaryFor(test.db(), world.actors.penholder, paper.id)).toBeNull();
  });
});

describe("whole paragraphs added or deleted in Word", () => {
  it("become proposed paragraphs and proposed deletions, decided as paragraphs", async () => {
    const file = wordFile(
      paragraph(run("Kept as agreed.")) +
        paragraph(ins(1, ANA, "A whole new paragraph.")) +
        paragraph(del(2, BO, "A paragraph to drop.")),
      [],
    );
    const voice = { userId: world.actors.delegate.id, partnerId: world.partnerOf.delegate };
    const { doc } = await readDocx(file, voice);
    const [kept, added, dropped] = doc.content ?? [];
    expect(kept?.attrs?.[BLOCK_INSERT] ?? null).toBeNull();
    expect(parseSuggestionId(added?.attrs?.[BLOCK_INSERT])).toEqual(voice);
    expect(parseSuggestionId(dropped?.attrs?.[BLOCK_DELETE])).toEqual(voice);
    const decided = (decision: "accept" | "reject") => {
      const ydoc = paperDoc([ydocStateFromContent(doc)]);
      decideInDoc(ydoc, () => true, decision);
      return (contentFromYDoc(ydoc).content ?? []).map((block) => block.content?.[0]?.text ?? "");
    };
    expect(decided("accept")).toEqual(["Kept as agreed.", "A whole new paragraph."]);
    expect(decided("reject")).toEqual(["Kept as agreed.", "A paragraph to drop."]);
  });
});

describe("the compare page's redline, imported", () => {
  it("brings each tracked change back as a suggestion: rejecting all gives Rev.1, accepting all Rev.2", async () => {
    const rev1 = plainDoc("Partners commit to mobility partnerships.", "Return shall be voluntary.", "Share data.");
    const rev2 = plainDoc("Partners commit to mobility partnerships and circular migration.", "Share anonymised data.");
    const bytes = await renderRedlineDocx({
      rows: compareDocuments(rev1, rev2),
      title: "Recommendations on mobility",
      subtitle: "Rev.1 compared with Rev.2",
      author: "Rabat Process secretariat",
      date: "2013-10-03T10:00:00.000Z",
    });
    const voice = { userId: world.actors.penholder.id, partnerId: world.partnerOf.penholder };
    const read = await readDocx(bytes, voice);
    expect(read.wordAuthors).toEqual(["Rabat Process secretariat"]);
    expect(read.suggestions).toBeGreaterThanOrEqual(3);
    const texts = (decide: "accept" | "reject") =>
      (read.doc.content ?? [])
        .map((block) =>
          (block.content ?? [])
            .filter((n) => {
              const kinds = (n.marks ?? []).map((m) => m.type);
              return decide === "accept" ? !kinds.includes(SUGGESTION_DELETE) : !kinds.includes(SUGGESTION_INSERT);
            })
            .map((n) => n.text ?? "")
            .join("")
            .replace(/^\d+\.\s*/, "")
            .trim(),
        )
        .filter(Boolean);
    expect(texts("reject")).toEqual(expect.arrayContaining(rev1.content?.map((p) => p.content?.[0]?.text) ?? []));
    expect(texts("accept")).toEqual(expect.arrayContaining(rev2.content?.map((p) => p.content?.[0]?.text) ?? []));
    expect(texts("accept")).not.toContain("Return shall be voluntary.");
    const ids = new Set([...JSON.stringify(read.doc).matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]));
    expect(ids.size).toBe(read.suggestions);
    for (const id of ids) expect(parseSuggestionId(id)).toEqual(voice);
  });
});

const plainDoc = (...paragraphs: string[]): DocNode => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

describe("limits on imported changes and comments", () => {
  const voice = { userId: "11111111-1111-4111-8111-111111111111", partnerId: null };
  const refusal = async (bytes: Uint8Array, messageKey: string) => {
    const before = await papersCount();
    await expect(
      importDocx(test.db(), world.actors.penholder, { dialogueId: world.dialogue.id, kind: "recommendations", bytes }),
    ).rejects.toMatchObject({ code: "invalid_input", messageKey });
    expect(await papersCount()).toBe(before);
  };

  it("refuses more tracked changes or comment threads than the caps, creating nothing", async () => {
    const many = Array.from({ length: IMPORT_MAX_SUGGESTIONS + 1 }, (_, i) => ins(i, i % 2 ? ANA : BO, `w${i} `)).join(
      "",
    );
    await refusal(wordFile(paragraph(many)), "exports.import.tooManySuggestions");
    // At the cap, it imports.
    const atCap = Array.from({ length: IMPORT_MAX_SUGGESTIONS }, (_, i) => ins(i, i % 2 ? ANA : BO, `w${i} `)).join("");
    expect((await readDocx(wordFile(paragraph(atCap)), voice)).suggestions).toBe(IMPORT_MAX_SUGGESTIONS);

    const threads = Array.from({ length: IMPORT_MAX_THREADS + 1 }, (_, i) => ({ id: i, author: ANA, text: `c${i}` }));
    const body = paragraph(threads.map((c) => rangeStart(c.id) + run(`t${c.id} `) + rangeEnd(c.id)).join(""));
    await refusal(wordFile(body, threads), "exports.import.tooManyComments");
  });

  it("refuses a part with a DTD (billion laughs), cut short, or not UTF-8, with a clear message", async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const base = unzipSync(
      wordFile(paragraph(rangeStart(1) + run("Text") + rangeEnd(1)), [{ id: 1, author: ANA, text: "x" }]),
    );
    const withPart = (name: string, xml: string | Uint8Array) =>
      zipSync({ ...base, [name]: typeof xml === "string" ? strToU8(xml) : xml });
    const documentXml = strFromU8(base["word/document.xml"] as Uint8Array);
    await refusal(
      withPart("word/document.xml", documentXml.replace(/^<\?xml[^>]*\?>/, laughs)),
      "exports.import.unreadablePart",
    );
    await refusal(
      withPart(
        "word/comments.xml",
        `${laughs}<w:comments xmlns:w="x"><w:comment w:id="1">&lol2;</w:comment></w:comments>`,
      ),
      "exports.import.unreadablePart",
    );
    await refusal(withPart("word/comments.xml", '<w:comments><w:comment w:id="1'), "exports.import.unreadablePart");
    await refusal(
      withPart("word/comments.xml", new Uint8Array([0x3c, 0xff, 0xfe, 0x3e])),
      "exports.import.unreadablePart",
    );
    await refusal(
      withPart(
        "word/document.xml",
        documentXml.replace("<w:body>", `<w:body><w:p><w:ins w:id="9" w:author="x">${run("open")}</w:p>`),
      ),
      "exports.import.unreadablePart",
    );
  });

  it("reads a huge attribute in linear time and keeps a Word author's name short", async () => {
    const author = "A".repeat(4 * 1024 * 1024);
    const file = wordFile(
      paragraph(
        `${run("Start ") + ins(1, author, "inserted")}<w:r><w:t foo="${"b".repeat(2 * 1024 * 1024)}">end</w:t></w:r>`,
      ),
    );
    const started = performance.now();
    const read = await readDocx(file, voice);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(read.suggestions).toBe(1);
    expect(read.wordAuthors).toEqual(["A".repeat(IMPORT_MAX_WORD_AUTHOR)]);
  });

  it("a comment id given twice opens one thread (anchor ids stay unique)", async () => {
    const twice = [
      { id: 1, author: ANA, text: "First." },
      { id: 1, author: BO, text: "Second, same id." },
    ];
    const paper = await importDocx(test.db(), world.actors.penholder, {
      dialogueId: world.dialogue.id,
      kind: "recommendations",
      title: "Twice",
      bytes: wordFile(paragraph(rangeStart(1) + run("Text") + rangeEnd(1)), twice),
    });
    const threads = await threadsOf(paper.id);
    expect(threads.map((t) => t.comments.map((c) => c.body))).toEqual([
      [`Word comment by ${ANA}, 2026-11-03:\nFirst.`],
    ]);
  });

  it("text that imitates the import's own markers stays text", async () => {
    const raw = '<w:r><w:t xml:space="preserve">a\uE000I0\uE001b &#xE000;I0&#57345; c</w:t></w:r>';
    const read = await readDocx(wordFile(paragraph(raw)), voice);
    expect(read.suggestions).toBe(0);
    expect(JSON.stringify(read.doc)).toContain("aI0b I0 c");
  });
});
