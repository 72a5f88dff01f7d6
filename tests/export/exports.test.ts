// Each export format produced from a paper that uses every supported element, read back by an
// independent tool; byte-identical repeats of a submitted revision; the verify check; DOCX
// import round trip; the ZIP with its manifest; access rules of the download.
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Paper, papers, paperUpdates } from "@/db/schema";
import { type DocNode, docToPlainText } from "@/lib/document";
import { contentHash, sha256Hex } from "@/server/canonical";
import { loadPaperState } from "@/server/collab/paper-state";
import { importDocx } from "@/server/domain/import-docx";
import { docxToDoc } from "@/server/export/import/docx";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ENTRIES } from "@/server/export/import/limits";
import { closePdfBrowser } from "@/server/export/render/pdf";
import { exportDialogueSubmissions, exportPaper, renderExport } from "@/server/export/service";
import { exportSourceForActor, submittedSource } from "@/server/export/source";
import { exportFormats } from "@/server/export/types";
import { verifyFile } from "@/server/export/verify/file";
import { verifyHash } from "@/server/export/verify/hash";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";
import { validateAkn } from "./akn-validate";
import { exportAs, fixtureDoc, fixtureParagraphs, submittedFixturePaper } from "./fixture";
import { pandoc, pdffonts, pdftotext, stripBidi, toFile } from "./tools";

const test = useTestDatabase();
const now = new Date("2013-09-12T10:00:00Z");
let world: DialogueWithRoles;
let submitted: Paper;
let draft: Paper;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
  submitted = await submittedFixturePaper(test.db(), world, now);
  draft = (await makePaperInStatus(test.db(), "draft", world, { title: "Live draft", content: fixtureDoc() })).paper;
}, 120_000);

afterAll(async () => {
  await closePdfBrowser();
});

const chairExport = (paperId: string, format: (typeof exportFormats)[number], revision: number | "live" = 1) =>
  exportPaper(test.db(), world.actors.chair, { paperId, revision, format, lang: "en" });

/**
 * The SHA-256 of a paper's text as stored: the fixture read through the schema (links gain their
 * default attributes), which is what revisions and exports hash.
 */
const storedHash = (paper: Paper) => contentHash(paper.contentJson as DocNode).hash;

/** Words of the fixture that must survive in every format, in order. */
function expectParagraphsInOrder(text: string, options: { marginNotes?: boolean } = {}) {
  // The PDF's margin notes of the ledger (a word or two beside a paragraph's first line) fall
  // between its lines in pdftotext's reading order: left out before matching.
  const read = options.marginNotes
    ? stripBidi(text).replace(/(Pending|Agreed|Bracketed|Ad ref\.)( · [^\n]*)?\n/g, "")
    : stripBidi(text);
  const flat = read.replace(/\s+/g, " ");
  let at = 0;
  fixtureParagraphs.forEach((start, i) => {
    const needle = new RegExp(`${i + 1}\\. \\[?${start.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "g");
    needle.lastIndex = at;
    const found = needle.exec(flat);
    expect(found?.index, `paragraph ${i + 1} "${start}" in order`).toBeGreaterThanOrEqual(0);
    at = found?.index ?? at;
  });
}

describe("every format, read back by another tool", () => {
  it("DOCX: pandoc reads headings, numbered paragraphs, marks, links, notes, lists, table and cover", async () => {
    const file = await chairExport(submitted.id, "docx");
    const path = toFile(file.bytes, "docx");
    const plain = pandoc(["-f", "docx", "-t", "plain", "--wrap=none", path]);
    expectParagraphsInOrder(plain);
    expect(plain).toContain("Mobility partnerships should be strengthened. (ad ref.)");
    expect(plain).toContain("HLD/2013/");
    expect(plain).toContain(storedHash(submitted));
    const native = pandoc(["-f", "docx", "-t", "native", path]);
    for (const node of ["Strong", "Emph", "Underline", "Strikeout", "Note", "BulletList", "OrderedList", "Table"]) {
      expect(native, node).toContain(node);
    }
    expect(native).toContain("https://www.icmpd.org/report?a=1&b=2");
    expect(native).not.toContain("javascript:");
    expect(native).toMatch(/Header\s+2/);
  });

  it("DOCX: bracketed paragraphs of the live draft are in square brackets", async () => {
    const file = await chairExport(draft.id, "docx", "live");
    const plain = pandoc(["-f", "docx", "-t", "plain", "--wrap=none", toFile(file.bytes, "docx")]);
    expect(plain).toMatch(/3\.\s+\[Délégations de la Côte d’Ivoire, Türkiye \(Ankara, İzmir\) et .+ agree\.\]/);
    expect(plain).toContain("LIVE DRAFT");
  });

  it("Markdown: pandoc (gfm + footnotes) reads the same structure, hostile text stays text", async () => {
    const file = await chairExport(draft.id, "md", "live");
    const md = new TextDecoder().decode(file.bytes);
    const path = toFile(file.bytes, "md");
    const plain = pandoc(["-f", "markdown-smart", "-t", "plain", "--wrap=none", path]);
    expectParagraphsInOrder(plain);
    expect(plain).toContain("[Délégations");
    expect(plain).toContain("<script>alert('x')</script> & co.");
    expect(plain).toContain("# Not a heading * not emphasis _ [not a link](x) $x$ @cite");
    const native = pandoc(["-f", "markdown-smart", "-t", "native", path]);
    for (const node of ["Strong", "Emph", "Strikeout", "Note", "BulletList", "OrderedList", "Table", "BlockQuote"]) {
      expect(native, node).toContain(node);
    }
    expect(md).not.toContain("javascript:");
    expect(native).not.toMatch(/Raw(Block|Inline) \(Format "html"\) "<script/);
  });

  it("PDF: pdftotext finds every paragraph, number, mark and the cover; fonts are embedded", async () => {
    const file = await chairExport(submitted.id, "pdf");
    const path = toFile(file.bytes, "pdf");
    const text = pdftotext(path);
    expectParagraphsInOrder(text, { marginNotes: true });
    expect(stripBidi(text)).toContain("Türkiye (Ankara, İzmir)");
    expect(stripBidi(text)).toMatch(/مصر والمغرب|والمغرب مصر/);
    expect(text).toContain("(ad ref.)");
    expect(text.replace(/\s/g, "")).toContain(storedHash(submitted));
    const fonts = pdffonts(path).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\byes\s+yes\b/);
  }, 60_000);

  it("Akoma Ntoso: valid against the OASIS schema, with the workflow and the numbers", async () => {
    for (const [paper, revision] of [
      [submitted, 1],
      [draft, "live"],
    ] as const) {
      const file = await chairExport(paper.id, "akn", revision);
      const xml = new TextDecoder().decode(file.bytes);
      validateAkn(xml);
      for (let n = 1; n <= fixtureParagraphs.length; n++) expect(xml).toContain(`<paragraph eId="para_${n}"`);
    }
    const xml = new TextDecoder().decode((await chairExport(submitted.id, "akn")).bytes);
    expect(xml).toContain("<workflow");
    expect(xml).toMatch(/<step date="[^"]+" by="#partner_1" outcome="#position_approve"/);
    expect(xml).toContain("HLD/2013/");
    expect(xml).toContain("<authorialNote");
  });

  it("HTML: self-contained and sanitized, with numbers and marks", async () => {
    const html = new TextDecoder().decode((await chairExport(draft.id, "html", "live")).bytes);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(?!#|https?:|mailto:)/);
    expect(html).toContain("&#60;script&#62;");
    for (let n = 1; n <= fixtureParagraphs.length; n++) expect(html).toContain(`data-number="${n}"`);
    expect(html).toContain('<span class="bracket">[</span>');
    expect(html).toContain('<span class="ad-ref">(ad ref.)</span>');
  });

  it("a frozen text never carries annotations: its source has none, the option alone adds nothing", async () => {
    // Suggestions and comments come with the live draft's source only (tests/export/annotations.test.ts).
    const source = await exportSourceForActor(test.db(), world.actors.chair, submitted.id, 1);
    expect(source.annotations ?? null).toBeNull();
    for (const format of ["md", "docx", "akn"] as const) {
      const a = await renderExport(source, format, { lang: "en" });
      const b = await renderExport(source, format, { lang: "en", includeAnnotations: true });
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)), format).toBe(true);
    }
    await expect(
      exportSourceForActor(test.db(), world.actors.chair, submitted.id, 1, { includeAnnotations: true }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("the live draft", () => {
  it("has the hash of the stored text from the start (links and all), as a revision frozen then would", async () => {
    const { paper } = await makePaperInStatus(test.db(), "draft", world, { title: "Unedited", content: fixtureDoc() });
    const source = await exportSourceForActor(test.db(), world.actors.chair, paper.id, "live");
    expect(JSON.stringify(paper.contentJson)).toContain('"target":"_blank"');
    expect(source.hash).toBe(storedHash(paper));
  });

  it("has every stored edit, before the readable snapshot catches up", async () => {
    const { paper } = await makePaperInStatus(test.db(), "draft", world, {
      title: "Fresh edits",
      content: fixtureDoc(),
    });
    // An edit as the collaboration server stores it: appended to the log, snapshot refreshed later.
    const doc = new Y.Doc();
    for (const update of await loadPaperState(test.db(), paper.id)) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    ((doc.getXmlFragment("default").get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Freshly stored words. ");
    await test
      .db()
      .insert(paperUpdates)
      .values({ paperId: paper.id, update: Y.encodeStateAsUpdate(doc, before) });
    doc.destroy();
    const [row] = await test.db().select({ content: papers.contentJson }).from(papers).where(eq(papers.id, paper.id));
    expect(JSON.stringify(row?.content)).not.toContain("Freshly stored words.");

    for (const format of ["md", "html", "akn"] as const) {
      const text = new TextDecoder().decode((await chairExport(paper.id, format, "live")).bytes);
      expect(text, format).toContain("Freshly stored words.");
    }
    const source = await exportSourceForActor(test.db(), world.actors.chair, paper.id, "live");
    expect(source.hash).toBe(contentHash(source.doc).hash);
    expect(docToPlainText(source.doc)).toContain("Freshly stored words. Partners recognise");
  });
});

describe("a submitted revision", () => {
  it("exports byte-identical files every time, in every format and language", async () => {
    for (const format of exportFormats) {
      for (const lang of ["en", "fr"] as const) {
        const a = await exportPaper(test.db(), world.actors.chair, {
          paperId: submitted.id,
          revision: 1,
          format,
          lang,
        });
        const b = await exportPaper(test.db(), world.actors.hld_reviewer, {
          paperId: submitted.id,
          revision: 1,
          format,
          lang,
        });
        expect(sha256Hex(a.bytes), `${format}/${lang}`).toBe(sha256Hex(b.bytes));
        // Downloads hand out the kept copy; rendering the text again gives the same bytes too.
        const again = await renderExport(await submittedSource(test.db(), submitted.id), format, { lang });
        expect(sha256Hex(again.bytes), `${format}/${lang} rendered again`).toBe(sha256Hex(a.bytes));
      }
    }
  }, 90_000);

  it("carries the cover: positions of every state partner with who and when, and the HLD reference", async () => {
    const md = new TextDecoder().decode((await chairExport(submitted.id, "md")).bytes);
    expect(md).toMatch(/\| Senegal \(SEN\) \| Approve \| — \| chair /);
    expect(md).toMatch(/\| Morocco \(MAR\) \| Approve \| — \| penholder /);
    expect(md).toMatch(/\| France \(FRA\) \| Approve \| — \| delegate /);
    expect(md).toContain("2013-09-12 10:00 UTC");
    expect(md).toMatch(/HLD reference:\*\* HLD\/2013\/T[A-Z0-9]+\/001/);
  });
});

describe("who may export", () => {
  it("HLD reviewers only submitted papers; outsiders nothing (not found)", async () => {
    await expect(exportAs(test.db(), world.actors.hld_reviewer, draft.id, "live")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(exportAs(test.db(), world.actors.outsider, submitted.id, 1)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(exportAs(test.db(), world.actors.observer, draft.id, "live")).resolves.toBeTruthy();
  });
});

describe("verify", () => {
  it("accepts a real export in every format and rejects a one-character change", async () => {
    for (const format of exportFormats) {
      const file = await chairExport(submitted.id, format);
      const result = await verifyFile(test.db(), file.bytes);
      expect(result.outcome, format).toBe("match");
      if (result.outcome === "match") expect(result.matches[0]?.reference).toMatch(/^HLD\/2013\//);
    }
    const md = new TextDecoder().decode((await chairExport(submitted.id, "md")).bytes);
    const changed = md.replace("Mobility partnerships", "Mobility partnershipz");
    expect((await verifyFile(test.db(), new TextEncoder().encode(changed))).outcome).toBe("altered");
    const pdf = (await chairExport(submitted.id, "pdf")).bytes;
    const tampered = new Uint8Array(pdf);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 1;
    expect((await verifyFile(test.db(), tampered)).outcome).toBe("altered");
  }, 90_000);

  it("reveals nothing about texts that are not submitted", async () => {
    const live = await chairExport(draft.id, "md", "live");
    expect((await verifyFile(test.db(), live.bytes)).outcome).toBe("noMatch");
    const draftHash = storedHash(draft);
    expect(await verifyHash(test.db(), draftHash)).toEqual({ outcome: "noMatch" });
    expect((await verifyHash(test.db(), "0".repeat(64))).outcome).toBe("noMatch");
    expect((await verifyFile(test.db(), new TextEncoder().encode("hello"))).outcome).toBe("noMarker");
    const byHash = await verifyHash(test.db(), storedHash(submitted));
    expect(byHash.outcome).toBe("match");
  });
});

describe("ZIP of submitted papers", () => {
  it("chair or admin: every format and a manifest with each file's SHA-256", async () => {
    const zip = await exportDialogueSubmissions(test.db(), world.actors.chair, {
      slug: world.dialogue.slug,
      lang: "en",
      formats: ["md", "html", "akn", "docx"],
    });
    const files = unzipSync(zip.bytes);
    const manifest = JSON.parse(strFromU8(files["manifest.json"] as Uint8Array));
    expect(manifest.papers).toHaveLength(1);
    for (const entry of manifest.papers[0].files) {
      expect(sha256Hex(files[entry.path] as Uint8Array)).toBe(entry.sha256);
    }
    await expect(
      exportDialogueSubmissions(test.db(), world.actors.delegate, { slug: world.dialogue.slug, lang: "en" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      exportDialogueSubmissions(test.db(), world.actors.outsider, { slug: world.dialogue.slug, lang: "en" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("DOCX import", () => {
  it("round trip: export DOCX, import it, same text and marks", async () => {
    const file = await chairExport(draft.id, "docx", "live");
    const paper = await importDocx(test.db(), world.actors.penholder, {
      dialogueId: world.dialogue.id,
      kind: "recommendations",
      title: "Imported",
      bytes: file.bytes,
    });
    const doc = paper.contentJson as ReturnType<typeof fixtureDoc>;
    expect(docToPlainText(doc)).toBe(docToPlainText(fixtureDoc()));
    const json = JSON.stringify(doc);
    expect(json).toContain('"agreement":"bracketed"');
    expect(json).toContain('"agreement":"adRef"');
    expect(json).toContain('"type":"footnote"');
    expect(json).toContain('"type":"table"');
  });

  it("refuses a file that is not a DOCX, or too large, and creates nothing", async () => {
    await expect(docxToDoc(new TextEncoder().encode("not a docx"))).rejects.toMatchObject({
      messageKey: "exports.import.notDocx",
    });
    await expect(docxToDoc(new Uint8Array(11 * 1024 * 1024).fill(80))).rejects.toMatchObject({
      messageKey: "exports.import.tooLarge",
    });
    await expect(
      importDocx(test.db(), world.actors.delegate, {
        dialogueId: world.dialogue.id,
        kind: "recommendations",
        bytes: new Uint8Array([1]),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
  it("counts the bytes a DOCX really inflates to, not the sizes it declares, and caps its parts", async () => {
    // 201 MiB of zeros compress to about 200 KB; the headers then claim 100 bytes.
    const bomb = zipSync({ "word/document.xml": new Uint8Array(201 * 1024 * 1024) }, { level: 1 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let at = 0; at + 4 <= bomb.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50) view.setUint32(at + 22, 100, true); // local header
      if (signature === 0x02014b50) view.setUint32(at + 24, 100, true); // central directory
    }
    expect(bomb.length).toBeLessThan(IMPORT_MAX_BYTES);
    await expect(docxToDoc(bomb)).rejects.toMatchObject({ messageKey: "exports.import.tooLarge" });

    const parts: Record<string, Uint8Array> = { "word/document.xml": new TextEncoder().encode("<w:document/>") };
    for (let i = 0; i <= IMPORT_MAX_ENTRIES; i++) parts[`word/media/${i}.bin`] = new Uint8Array(1);
    await expect(docxToDoc(zipSync(parts, { level: 0 }))).rejects.toMatchObject({
      messageKey: "exports.import.tooManyParts",
    });
  });
});
