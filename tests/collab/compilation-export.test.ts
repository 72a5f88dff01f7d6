// The compilation of amendments as the landscape table secretariats circulate, in Word and PDF:
// built from a real paper (suggestions through the socket, a decision, a comment thread, the
// chair's dispositions), rendered as the route does, and read back by independent readers
// (pandoc for the DOCX, pdftotext and pdfinfo for the PDF): the title, every column, the redline
// (insertions underlined, deletions struck), statuses, dispositions and notes, on landscape A4.
import { execFileSync } from "node:child_process";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
import { translator } from "@/lib/i18n/translate";
import { createThread } from "@/server/domain/comments";
import { recordDisposition } from "@/server/domain/dispositions";
import { decideSuggestions } from "@/server/domain/suggestions";
import { closePdfBrowser } from "@/server/export/render/pdf";
import { ExportThread } from "@/server/export/thread";
import { inThisThread } from "@/server/export/work";
import { compilationForPaper } from "@/server/queries/compilation";
import { compilationExportInput, filterLabel } from "@/server/queries/compilation-export";
import { compilationQuery } from "@/server/queries/compilation-filter";
import { pandoc, pdftotext, toFile } from "../export/tools";
import { useCollabHarness } from "./harness";
import { textOf } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000, storeDebounceMs: 200 });

afterAll(async () => {
  await closePdfBrowser();
});

const NOTE = "Discussed on 3 October; <b>capitals</b> to confirm.";

async function negotiated() {
  const { paper } = await harness.paper("consultation");
  const { world } = harness;
  const chair = await harness.syncedClient("chair", paper.id);
  const senegal = newSuggestionId(world.actors.chair.id, world.partnerOf.chair);
  textOf(chair.doc, 1).insert(0, "Chair adds. ", { suggestionInsert: { id: senegal } });
  await chair.settled();
  const delegate = await harness.syncedClient("delegate", paper.id);
  const franceDelete = newSuggestionId(world.actors.delegate.id, world.partnerOf.delegate);
  textOf(delegate.doc, 2).format(9, 6, { suggestionDelete: { id: franceDelete } });
  await delegate.settled();
  expect(delegate.refused()).toBe(false);
  const observer = await harness.syncedClient("observer", paper.id);
  const anchor = newAnchorId(world.actors.observer.id);
  await createThread(harness.db(), world.actors.observer, {
    paperId: paper.id,
    anchorId: anchor,
    quote: "Partners",
    body: "Which partners?",
  });
  textOf(observer.doc, 2).format(0, 8, { "commentAnchor--iomiomio": { id: anchor } });
  await observer.settled();
  await decideSuggestions(harness.db(), world.actors.chair, {
    paperId: paper.id,
    decision: "accept",
    scope: { kind: "one", id: senegal },
  });
  await recordDisposition(harness.db(), world.actors.chair, {
    paperId: paper.id,
    row: { kind: "suggestion", id: franceDelete },
    disposition: "orally_amended",
    amendedText: "Partners firmly commit to mobility partnerships.",
    note: NOTE,
  });
  return paper;
}

async function exportInput(paperId: string, lang: "en" | "fr", query: Record<string, string> = {}) {
  const filter = compilationQuery(query);
  const found = await compilationForPaper(harness.db(), harness.world.actors.delegate, paperId, lang, filter);
  if (!found) throw new Error("no compilation");
  const t = translator(lang);
  return compilationExportInput({
    rows: found.compilation.rows,
    paper: found.paper,
    dialogue: found.dialogue,
    filterLabel: filterLabel(filter, found.compilation.delegations, t),
    t,
    lang,
    at: new Date("2026-10-03T09:30:00Z"),
  });
}

const documentXml = (bytes: Uint8Array) => new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]);

describe("the compilation of amendments as DOCX and PDF", () => {
  it("is a landscape Word table with the title, the redline and the chair's disposition", async () => {
    const paper = await negotiated();
    const input = await exportInput(paper.id, "en");
    const bytes = await inThisThread.compilationFile(input, "docx");
    // Landscape A4: the page wider than high, turned.
    const xml = documentXml(bytes);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const html = pandoc(["-f", "docx", "-t", "html", "--wrap=none", toFile(bytes, "docx")]);
    expect(html).toContain("Compilation of amendments");
    expect(html).toContain(paper.title);
    expect(html).toContain(`${harness.world.dialogue.name} (${harness.world.dialogue.code})`);
    expect(html).toContain("As of Oct 3, 2026, 9:30 AM UTC");
    // The columns of the table, in order.
    const headers = [...html.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[1]?.replace(/<[^>]+>/g, ""));
    expect(headers).toEqual([
      "Para.",
      "Original text",
      "Proposed amendment",
      "Delegation",
      "Status / disposition",
      "Note",
    ]);
    // Insertions underlined, deletions struck.
    expect(html).toContain("<u>Chair adds.</u> Migration and development are interlinked.");
    expect(html).toMatch(/Partners <del>commit<\/del> to mobility partnerships\./);
    expect(html).toContain("Insertion: accepted on");
    expect(html).toContain("As orally amended: “Partners firmly commit to mobility partnerships.”");
    // The note as text, never as markup.
    expect(html).toContain("Discussed on 3 October; &lt;b&gt;capitals&lt;/b&gt; to confirm.");
    expect(html).toContain("Which partners?");
    expect(html).toContain("Senegal");
    expect(html).toContain(harness.world.actors.delegate.name);
  });

  it("is the same table printed on landscape A4 pages as PDF, in French too, and only what the filters keep", async () => {
    const paper = await negotiated();
    const bytes = await inThisThread.compilationFile(await exportInput(paper.id, "fr", { status: "pending" }), "pdf");
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    const file = toFile(bytes, "pdf");
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    // A4 turned (297 × 210 mm = 842 × 595 pt; Chromium rounds to its own units).
    const [width, height] = [Number(size?.[1]), Number(size?.[2])];
    expect(Math.abs(width - 842)).toBeLessThan(2);
    expect(Math.abs(height - 595)).toBeLessThan(2);
    const text = pdftotext(file).replace(/\s+/g, " ");
    for (const words of [
      "Compilation des amendements",
      paper.title,
      "Au 3 oct. 2026",
      "Filtre : en attente",
      "Par.",
      "Texte original",
      "Amendement proposé",
      "Statut / disposition",
      "Partners commit to mobility partnerships.",
      "Suppression : en attente",
      "<b>capitals</b>",
      "Telle que modifiée oralement : « Partners firmly commit to mobility partnerships. »",
      "capitals",
      "France",
    ]) {
      expect(text, words).toContain(words);
    }
    // Filtered on pending: neither the accepted suggestion nor the open thread.
    expect(text).not.toContain("Chair adds.");
    expect(text).not.toContain("Which partners?");
  });

  it("is rendered on the export thread like every other export", async () => {
    const paper = await negotiated();
    const input = await exportInput(paper.id, "en");
    const thread = new ExportThread();
    try {
      const bytes = await thread.compilationFile(input, "docx");
      expect(thread.lastThreadId).not.toBeNull();
      expect(documentXml(bytes)).toContain('w:orient="landscape"');
    } finally {
      await thread.close();
    }
  });
});
