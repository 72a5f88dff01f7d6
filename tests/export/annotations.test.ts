// The "include suggestions and comments" export, against the real policy, database and
// collaboration server: a delegate suggests an insertion and a deletion through the write guard,
// the chair opens a thread (answered by the delegate), the penholder opens one and resolves it,
// the observer opens one on text that is not in the draft. Every format is read back by another
// tool; the default export carries none of it; frozen texts refuse it; people outside the
// dialogue's discussion never get it; verification treats an annotated file as not submitted.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { Paper } from "@/db/schema";
import { newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
import { contentHash } from "@/server/canonical";
import { createThread, replyToThread, setThreadResolved } from "@/server/domain/comments";
import { closePdfBrowser } from "@/server/export/render/pdf";
import { exportPaper } from "@/server/export/service";
import type { ExportFormat } from "@/server/export/types";
import { verifyFile } from "@/server/export/verify/file";
import { can } from "@/server/policy";
import { connectClient, type RunningCollab, sessionCookie, startCollab, type TestClient } from "../collab/helpers";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus, sampleDoc } from "../helpers/factories";
import { validateAkn } from "./akn-validate";
import { exportAs } from "./fixture";
import { pandoc, pdftotext, stripBidi, toFile } from "./tools";

const test = useTestDatabase();
let world: DialogueWithRoles;
let server: RunningCollab;
const clients: TestClient[] = [];
let paper: Paper;
let submitted: Paper;

const INSERTED = " Proposed by France.";
const CHAIR_COMMENT = "Which partners?\nAll of them, or the state partners only?";
const REPLY = "All of them: <b>everyone</b> & co.";
const RESOLVED_COMMENT = "Mobility is settled.";
const ORPHAN_COMMENT = "This passage is gone.";

/** The XmlText of the n-th top-level block (0: the heading, 1 and 2: the paragraphs of sampleDoc). */
function textOf(doc: Y.Doc, block: number): Y.XmlText {
  return (doc.getXmlFragment("default").get(block) as Y.XmlElement).get(0) as Y.XmlText;
}

async function client(paperId: string, role: keyof DialogueWithRoles["emails"]) {
  const { cookie } = await sessionCookie(test.db(), world.emails[role]);
  const c = connectClient(server.url, paperId, cookie);
  clients.push(c);
  await c.synced();
  return c;
}

const label = (role: "chair" | "penholder" | "delegate" | "observer", partner: string) =>
  `${world.actors[role].name} (${partner})`;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
  server = await startCollab(async () => test.db(), { sweepIntervalMs: 60_000, storeDebounceMs: 60_000 });
  paper = (await makePaperInStatus(test.db(), "consultation", world, { title: "Annotated draft" })).paper;
  submitted = (
    await makePaperInStatus(test.db(), "submitted", world, {
      title: "Submitted paper",
      content: sampleDoc("A text agreed and submitted to the HLD."),
    })
  ).paper;

  // The delegate, in suggest mode: an insertion at the end of paragraph 1, "Migration" proposed for deletion.
  const delegate = await client(paper.id, "delegate");
  const p1 = textOf(delegate.doc, 1);
  p1.insert(p1.length, INSERTED, {
    suggestionInsert: { id: newSuggestionId(world.actors.delegate.id, world.partnerOf.delegate) },
  });
  p1.format(0, 9, { suggestionDelete: { id: newSuggestionId(world.actors.delegate.id, world.partnerOf.delegate) } });
  await delegate.acked();

  // The chair comments on "Partners" (paragraph 2); the delegate answers.
  const chair = await client(paper.id, "chair");
  const chairAnchor = newAnchorId(world.actors.chair.id);
  textOf(chair.doc, 2).format(0, 8, { "commentAnchor--chair001": { id: chairAnchor } });
  await chair.acked();
  const { threadId } = await createThread(test.db(), world.actors.chair, {
    paperId: paper.id,
    anchorId: chairAnchor,
    quote: "Partners",
    body: CHAIR_COMMENT,
  });
  await replyToThread(test.db(), world.actors.delegate, { threadId, body: REPLY });

  // The penholder comments on "mobility" and resolves the thread: left out of exports.
  const pen = await client(paper.id, "penholder");
  const penAnchor = newAnchorId(world.actors.penholder.id);
  textOf(pen.doc, 2).format(19, 8, { "commentAnchor--pen00001": { id: penAnchor } });
  await pen.acked();
  const resolved = await createThread(test.db(), world.actors.penholder, {
    paperId: paper.id,
    anchorId: penAnchor,
    quote: "mobility",
    body: RESOLVED_COMMENT,
  });
  await setThreadResolved(test.db(), world.actors.penholder, { threadId: resolved.threadId, resolved: true });

  // The observer's thread whose anchor is not (or no longer) in the text.
  await createThread(test.db(), world.actors.observer, {
    paperId: paper.id,
    anchorId: newAnchorId(world.actors.observer.id),
    quote: "a removed passage",
    body: ORPHAN_COMMENT,
  });
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.stop();
  await closePdfBrowser();
});

const annotated = (format: ExportFormat, actor = world.actors.chair, lang: "en" | "fr" = "en") =>
  exportPaper(test.db(), actor, { paperId: paper.id, revision: "live", format, lang, includeAnnotations: true });
const plain = (format: ExportFormat) =>
  exportPaper(test.db(), world.actors.chair, { paperId: paper.id, revision: "live", format, lang: "en" });
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
/** Each fragment is in `text`, as written there. */
function expectEvery(text: string, fragments: string[]) {
  for (const fragment of fragments) expect(text).toContain(fragment);
}
/** The agreed text: the pending insertion left out, the proposed deletion kept, no anchors. */
const agreedHash = () => contentHash(sampleDoc()).hash;

type PandocNode = { t?: string; c?: unknown };

/** Tracked changes and comments as pandoc reads them: Spans with class insertion, deletion, comment-start. */
function annotationSpans(node: unknown, out: { kind: string; author: string; text: string }[] = []) {
  if (Array.isArray(node)) {
    for (const child of node) annotationSpans(child, out);
    return out;
  }
  if (!node || typeof node !== "object") return out;
  const { t, c } = node as PandocNode;
  if (t === "Span" && Array.isArray(c)) {
    const [[, classes, attrs], inlines] = c as [[string, string[], [string, string][]], unknown[]];
    const kind = classes.find((k) => ["insertion", "deletion", "comment-start"].includes(k));
    if (kind) {
      const author = attrs.find(([key]) => key === "author")?.[1] ?? "";
      out.push({ kind, author, text: plainOf(inlines).trim() });
    }
  }
  for (const value of Object.values(node)) annotationSpans(value, out);
  return out;
}

function plainOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(plainOf).join("");
  if (!node || typeof node !== "object") return "";
  const { t, c } = node as PandocNode;
  if (t === "Str") return c as string;
  if (t === "Space" || t === "SoftBreak" || t === "LineBreak") return " ";
  return c === undefined ? "" : plainOf(c);
}

describe("DOCX: real tracked changes and Word comments", () => {
  it("pandoc --track-changes=all reads the insertion, the deletion and the threads with their authors", async () => {
    const file = await annotated("docx");
    expect(file.filename).toMatch(/-live-draft-annotated\.docx$/);
    const path = toFile(file.bytes, "docx");
    const spans = annotationSpans(JSON.parse(pandoc(["-f", "docx", "--track-changes=all", "-t", "json", path])));
    const delegate = label("delegate", "France");
    expect(spans).toContainEqual({ kind: "insertion", author: delegate, text: "Proposed by France." });
    expect(spans).toContainEqual({ kind: "deletion", author: delegate, text: "Migration" });
    const comments = spans.filter((s) => s.kind === "comment-start");
    expect(comments.map((c) => c.author)).toEqual([
      label("observer", "IOM"),
      label("chair", "Senegal"),
      label("delegate", "France"),
    ]);
    expect(comments[1]?.text).toBe("Which partners? ¶ All of them, or the state partners only?");
    const text = pandoc(["-f", "docx", "--track-changes=all", "-t", "plain", "--wrap=none", path]);
    for (const words of [
      "Proposed by France.",
      "Which partners?",
      "All of them: <b>everyone</b> & co.",
      ORPHAN_COMMENT,
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain(RESOLVED_COMMENT);
    // Accepting every change gives the text with the suggestions applied; rejecting, the agreed text.
    const accepted = pandoc(["-f", "docx", "--track-changes=accept", "-t", "plain", "--wrap=none", path]);
    expect(accepted).toContain("and development are interlinked. Proposed by France.");
    const rejected = pandoc(["-f", "docx", "--track-changes=reject", "-t", "plain", "--wrap=none", path]);
    expect(rejected).toMatch(/1\.\s+Migration and development are interlinked\.\n/);
    expect(rejected).toContain("INCLUDES PENDING SUGGESTIONS AND COMMENTS");
    expect(rejected).toContain(agreedHash());
  });

  it("the package holds w:ins, w:del and threaded comments (the reply under its thread)", async () => {
    const files = unzipSync((await annotated("docx")).bytes);
    const document = strFromU8(files["word/document.xml"] as Uint8Array);
    expect(document).toMatch(/<w:ins w:id="\d+" w:author="[^"]+ \(France\)" w:date="[^"]+">/);
    expect(document).toMatch(
      /<w:del w:id="\d+" w:author="[^"]+ \(France\)"[^>]*><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:delText[^>]*>Migration<\/w:delText>/,
    );
    expect(document).toContain("<w:commentRangeStart");
    expect(document).toContain("<w:commentReference");
    const comments = strFromU8(files["word/comments.xml"] as Uint8Array);
    expect(comments).toContain("Which partners?");
    expect(comments).toContain("All of them: &lt;b&gt;everyone&lt;/b&gt; &amp; co.");
    expect(comments).toContain(ORPHAN_COMMENT);
    expect(comments).not.toContain(RESOLVED_COMMENT);
    expect(strFromU8(files["word/commentsExtended.xml"] as Uint8Array)).toContain("w15:paraIdParent");
  });
});

describe("HTML and PDF", () => {
  it("HTML: <ins>/<del> naming the author, numbered markers, a Comments section; still sanitized", async () => {
    const html = decode((await annotated("html")).bytes);
    const delegate = label("delegate", "France");
    expectEvery(html, [
      `<ins class="suggestion" data-suggestion="2" data-author="${delegate}" title="Suggested insertion by ${delegate}"> Proposed by France.</ins>`,
      `<del class="suggestion" data-suggestion="1" data-author="${delegate}"`,
      `<span class="suggestion-label">[+ ${delegate}]</span>`,
      '<a href="#comment-1" id="comment-ref-1">C1</a>',
      '<li class="comment-thread" id="comment-1">',
      "Which partners?<br>All of them, or the state partners only?",
      "All of them: &#60;b&#62;everyone&#60;/b&#62; &#38; co.",
      'id="comment-2"',
      "The commented text is no longer in the draft.",
      "Resolved comment threads left out: 1.",
      'class="annotations-notice"',
      agreedHash(),
    ]);
    expect(html).not.toContain(RESOLVED_COMMENT);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(?!#|https?:|mailto:)/);
  });

  it("HTML in French: labels and notice translated", async () => {
    const html = decode((await annotated("html", world.actors.chair, "fr")).bytes);
    expect(html).toContain("CONTIENT DES SUGGESTIONS EN ATTENTE ET DES COMMENTAIRES");
    expect(html).toContain("Insertion proposée par");
    expect(html).toContain("<h2>Commentaires</h2>");
  });

  it("PDF: pdftotext finds the suggestions with their authors and the comments", async () => {
    const text = stripBidi(pdftotext(toFile((await annotated("pdf")).bytes, "pdf"))).replace(/\s+/g, " ");
    expect(text).toContain("Proposed by France.");
    expect(text).toContain(`[+ ${label("delegate", "France")}]`);
    expect(text).toContain(`[− ${label("delegate", "France")}]`);
    expect(text).toContain("INCLUDES PENDING SUGGESTIONS AND COMMENTS");
    expect(text).toContain("Comments C1");
    expect(text).toContain("Which partners?");
    expect(text).toContain(ORPHAN_COMMENT);
    expect(text).not.toContain(RESOLVED_COMMENT);
  }, 60_000);
});

describe("Markdown and Akoma Ntoso", () => {
  it("Markdown: CriticMarkup suggestions with their author, [C1] markers and a Comments section", async () => {
    const md = decode((await annotated("md")).bytes);
    const delegate = label("delegate", "France");
    expectEvery(md, [
      `1\\. {--Migration--}{>>${delegate}<<} and development are interlinked.{++ Proposed by France.++}{>>${delegate}<<}`,
      "2\\. Partners\\[C1\\] commit",
      "**Comments**",
      "**C1** On “Partners”",
      "Which partners?\\\n  All of them, or the state partners only?",
      "All of them: \\<b\\>everyone\\</b\\> \\& co.",
      "Resolved comment threads left out: 1.",
    ]);
    expect(md).not.toContain(RESOLVED_COMMENT);
    // pandoc reads it: the CriticMarkup stays literal text, nothing becomes HTML.
    const path = toFile(new TextEncoder().encode(md), "md");
    const text = pandoc(["-f", "markdown-smart", "-t", "plain", "--wrap=none", path]);
    expect(text).toContain("{++ Proposed by France.++}");
    expect(text).toContain("All of them: <b>everyone</b> & co.");
    expect(pandoc(["-f", "markdown-smart", "-t", "native", path])).not.toMatch(
      /Raw(Block|Inline) \(Format "html"\) "<(?!!--)/,
    );
  });

  it("Akoma Ntoso: schema-valid, <ins>/<del> with the author, <noteRef> to editorial notes", async () => {
    const xml = decode((await annotated("akn")).bytes);
    validateAkn(xml);
    const delegate = label("delegate", "France");
    expect(xml).toMatch(
      new RegExp(
        `<del class="suggestion" refersTo="#person_\\d+" title="Suggested deletion by ${delegate.replace(/[()]/g, "\\$&")}">Migration</del>`,
      ),
    );
    expect(xml).toContain(`<ins class="suggestion"`);
    expect(xml).toContain(`<TLCPerson eId="person_1" href="/ontology/person/`);
    expect(xml).toContain('<noteRef href="#comment_1" marker="C1" class="comment"/>');
    expect(xml).toContain('<note eId="comment_1" marker="C1" class="comment">');
    expect(xml).toMatch(/Which partners\?\s*<eol\/>\s*All of them, or the state partners only\?/);
    // The text is not split where marks that are not exported (the resolved thread's anchor) were.
    expect(xml).toContain("to mobility partnerships.");
    expect(xml).toContain(ORPHAN_COMMENT);
    expect(xml).not.toContain(RESOLVED_COMMENT);
    expect(xml).toMatch(new RegExp(`<accord:sha256[^>]*>${agreedHash()}</accord:sha256>`));
  });
});

describe("left out by default, refused where they do not belong", () => {
  it("the default export of the live draft has no suggestion, no comment, no notice", async () => {
    const md = decode((await plain("md")).bytes);
    expect(md).not.toContain("Proposed by France");
    expect(md).not.toContain("{--");
    expect(md).not.toContain("Which partners?");
    expect(md).not.toContain("INCLUDES PENDING");
    expect(md).toContain(agreedHash());
    const html = decode((await plain("html")).bytes).replace(/<style>[\s\S]*<\/style>/, "");
    expect(html).not.toMatch(/<ins|<del|comment-ref|class="comments"/);
    const files = unzipSync((await plain("docx")).bytes);
    expect(files["word/comments.xml"]).toBeUndefined();
    expect(strFromU8(files["word/document.xml"] as Uint8Array)).not.toMatch(/<w:ins |<w:del |commentRangeStart/);
    const xml = decode((await plain("akn")).bytes);
    expect(xml).not.toMatch(/<ins|<del|<noteRef|<notes/);
  });

  it("a frozen or submitted revision refuses them (invalid input)", async () => {
    await expect(
      exportPaper(test.db(), world.actors.chair, {
        paperId: submitted.id,
        revision: 1,
        format: "docx",
        lang: "en",
        includeAnnotations: true,
      }),
    ).rejects.toMatchObject({ code: "invalid_input", messageKey: "exports.annotations.liveOnly" });
  });

  it("only the dialogue's people get them: the HLD reviewer is refused, an outsider sees nothing", async () => {
    const ref = { dialogueId: submitted.dialogueId, status: submitted.status };
    expect(can(world.actors.hld_reviewer, "paper.exportAnnotations", ref)).toBe(false);
    expect(
      can(world.actors.observer, "paper.exportAnnotations", { dialogueId: paper.dialogueId, status: paper.status }),
    ).toBe(true);
    // The reviewer may export the submitted paper's live text, but not with annotations.
    await expect(exportAs(test.db(), world.actors.hld_reviewer, submitted.id, "live")).resolves.toBeTruthy();
    await expect(
      exportAs(test.db(), world.actors.hld_reviewer, submitted.id, "live", { includeAnnotations: true }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(annotated("md", world.actors.outsider)).rejects.toMatchObject({ code: "not_found" });
    // An observer takes part in the discussion: the same threads as the chair.
    const md = decode((await annotated("md", world.actors.observer)).bytes);
    expect(md).toContain("Which partners?");
  });

  it("verification: an annotated file is not a submitted text (noMatch, or altered when the hash is submitted)", async () => {
    for (const format of ["md", "docx", "html", "akn"] as const) {
      expect((await verifyFile(test.db(), (await annotated(format)).bytes)).outcome, format).toBe("noMatch");
    }
    const ofSubmitted = await exportPaper(test.db(), world.actors.chair, {
      paperId: submitted.id,
      revision: "live",
      format: "md",
      lang: "en",
      includeAnnotations: true,
    });
    expect(decode(ofSubmitted.bytes)).toContain("INCLUDES PENDING SUGGESTIONS AND COMMENTS");
    expect((await verifyFile(test.db(), ofSubmitted.bytes)).outcome).toBe("altered");
  });
});
