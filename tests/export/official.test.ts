// Official texts: a revision's document symbol in the file names, the cover, the PDF's running
// header and the DOCX header; page numbers "2 / 7" (PDF text, DOCX PAGE / NUMPAGES fields);
// headings as PDF bookmarks; the ledger of agreement in the margin and on the cover.

import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Paper, revisions } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { ledgerSummary, paragraphLedger } from "@/lib/ledger";
import { setDocumentSymbolPattern } from "@/server/domain/dialogues";
import { ledgerMarginText } from "@/server/export/render/cover";
import { closePdfBrowser } from "@/server/export/render/pdf";
import { exportPaper } from "@/server/export/service";
import { revisionDocumentSymbol } from "@/server/export/symbol-queries";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";
import { validateAkn } from "./akn-validate";
import { submittedFixturePaper } from "./fixture";
import { pdffonts, pdfinfo, pdftotext, pdftotextPage, stripBidi, toFile } from "./tools";

const test = useTestDatabase();
const now = new Date("2026-09-12T10:00:00Z");
let world: DialogueWithRoles;
let submitted: Paper;
let symbol: string;
let revisionDoc: DocNode;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
  await setDocumentSymbolPattern(test.db(), world.actors.admin, {
    dialogueId: world.dialogue.id,
    pattern: "RABAT/{year}/WG.1/L.{number}",
  });
  submitted = await submittedFixturePaper(test.db(), world, now);
  symbol = `RABAT/2026/WG.1/L.${submitted.serialNumber}`;
  const [revision] = await test
    .db()
    .select({ doc: revisions.contentJson })
    .from(revisions)
    .where(and(eq(revisions.paperId, submitted.id), eq(revisions.number, 1)));
  revisionDoc = revision?.doc as DocNode;
}, 120_000);

afterAll(async () => {
  await closePdfBrowser();
});

const exportOf = (format: "pdf" | "docx" | "html" | "md" | "akn", lang: Locale = "en") =>
  exportPaper(test.db(), world.actors.chair, { paperId: submitted.id, revision: 1, format, lang });

/** Every outline item's title (`/Title` strings of the outline dictionaries, literal or UTF-16 hex). */
function pdfOutlineTitles(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString("latin1");
  const titles: string[] = [];
  for (const match of text.matchAll(/<<[^<>]*\/Parent[^<>]*>>/g)) {
    const title = /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)/.exec(match[0])?.[1];
    if (!title) continue;
    if (title.startsWith("<")) {
      const hex = Buffer.from(title.slice(1, -1), "hex");
      titles.push(
        hex[0] === 0xfe && hex[1] === 0xff ? hex.subarray(2).swap16().toString("utf16le") : hex.toString("latin1"),
      );
    } else {
      titles.push(title.slice(1, -1).replace(/\\([()\\])/g, "$1"));
    }
  }
  return titles;
}

describe("document symbols in exports", () => {
  it("the revision carries the symbol issued at freezing", async () => {
    expect(await revisionDocumentSymbol(test.db(), submitted.id, 1)).toBe(symbol);
  });

  it("names every file by the symbol", async () => {
    for (const format of ["pdf", "docx", "html", "md"] as const) {
      const file = await exportOf(format);
      expect(file.filename.startsWith(`RABAT-2026-WG.1-L.${submitted.serialNumber}-`), file.filename).toBe(true);
    }
  }, 60_000);

  it("shows the symbol on the cover (HTML, Markdown), in both languages", async () => {
    const html = strFromU8((await exportOf("html")).bytes);
    expect(html).toContain(`<dt>Document symbol</dt><dd>${symbol}</dd>`);
    const fr = strFromU8((await exportOf("md", "fr")).bytes);
    expect(fr).toContain("Cote du document");
    expect(fr).toContain(symbol);
  });

  it("PDF: the symbol heads every page, pages are numbered '2 / 7', headings are bookmarks", async () => {
    const file = await exportOf("pdf");
    const path = toFile(file.bytes, "pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo(path))?.[1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = pdftotextPage(path, page);
      expect(text.trimStart().startsWith(symbol), `page ${page} starts with the symbol`).toBe(true);
      expect(text, `page ${page}'s number`).toContain(`${page} / ${pages}`);
    }
    const titles = pdfOutlineTitles(file.bytes);
    for (const heading of ["Recommendations of the Rabat Process", "Partner states", "Figures"]) {
      expect(titles).toContain(heading);
    }
    // A heading's bookmark is its text alone: the ledger's margin note sits beside it.
    expect(titles.some((t) => /Pending|Agreed/.test(t))).toBe(false);
  }, 60_000);

  it("DOCX: the symbol in the header, PAGE / NUMPAGES fields in the footer", async () => {
    const parts = unzipSync((await exportOf("docx")).bytes);
    const named = (prefix: string) =>
      Object.entries(parts)
        .filter(([name]) => name.startsWith(`word/${prefix}`))
        .map(([, bytes]) => strFromU8(bytes))
        .join("\n");
    expect(named("header")).toContain(`<w:t xml:space="preserve">${symbol}</w:t>`);
    const footer = named("footer");
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer).toContain(" / ");
  });

  it("a live draft has no symbol: named by its title, headed by it", async () => {
    const { paper } = await makePaperInStatus(test.db(), "draft", world, { title: "Draft without symbol" });
    const file = await exportPaper(test.db(), world.actors.chair, {
      paperId: paper.id,
      revision: "live",
      format: "html",
      lang: "en",
    });
    expect(file.filename).toBe("draft-without-symbol-live-draft.html");
    expect(strFromU8(file.bytes)).not.toContain("Document symbol");
  });
});

describe("the ledger of agreement in exports", () => {
  const ledger = () => paragraphLedger(revisionDoc);

  // Only a recorded status gets a note; the pending ones are counted on the cover.
  const recorded = () => ledger().filter((entry) => entry.status !== "pending");

  it("HTML: a status beside every paragraph and heading with a recorded one, and the counts on the cover", async () => {
    const html = strFromU8((await exportOf("html")).bytes);
    const entries = ledger();
    expect(recorded().length).toBeGreaterThan(0);
    expect(html.match(/class="ledger ledger-\w+"/g)?.length).toBe(recorded().length);
    expect(html).not.toContain('class="ledger ledger-pending"');
    const counts = ledgerSummary(entries);
    expect(html).toContain(
      `<tr data-ledger-status="pending"><th scope="row">Pending</th><td class="count">${counts.pending}</td></tr>`,
    );
    expect(html).toContain(
      `<tr data-ledger-status="adRef"><th scope="row">Ad ref.</th><td class="count">${counts.adRef}</td></tr>`,
    );
  });

  it("PDF: the margin notes and the summary are in the printed text", async () => {
    const text = pdftotext(toFile((await exportOf("pdf", "fr")).bytes, "pdf"));
    expect(text).toContain("Registre de l’accord");
    expect(text).toMatch(/En suspens|Convenu|Ad réf\./);
  }, 60_000);

  it("DOCX: a margin note (framed, its own style) per paragraph and heading with a recorded status, and the summary table", async () => {
    const xml = strFromU8(unzipSync((await exportOf("docx")).bytes)["word/document.xml"] ?? new Uint8Array());
    const notes = xml.match(/<w:pStyle w:val="AccordLedger"\/>/g)?.length ?? 0;
    expect(notes).toBe(recorded().length);
    expect(xml).toMatch(/<w:framePr[^>]*w:hAnchor="page"/);
    expect(xml).toContain("Ledger of agreement");
  });

  it("Markdown and Akoma Ntoso: the same notes, a line in italics and an editorial remark (valid AKN)", async () => {
    const md = strFromU8((await exportOf("md")).bytes);
    const mdNotes = md.match(/^\*(Status of paragraph \d+: .+|Agreed|Ad ref\..*|Bracketed.*)\*$/gm) ?? [];
    expect(mdNotes).toHaveLength(recorded().length);
    const akn = strFromU8((await exportOf("akn")).bytes);
    expect(akn.match(/<remark class="ledger ledger-\w+">/g)?.length).toBe(recorded().length);
    expect(akn).not.toContain("ledger-pending");
    validateAkn(akn);
  });

  it("names delegations by their codes, with the date and the alternatives", () => {
    const t = translator("en");
    const codes = { "id-fra": "FRA", "id-mar": "MAR" };
    expect(
      ledgerMarginText(
        {
          status: "bracketed",
          partners: ["id-fra", "id-mar", "id-unknown"],
          until: null,
          alternatives: [
            { partnerId: "id-fra", text: "a" },
            { partnerId: null, text: "b" },
          ],
        },
        t,
        codes,
      ),
    ).toBe("Bracketed · by FRA, MAR, id-unknown · 2 alternatives");
    expect(
      ledgerMarginText(
        { status: "adRef", partners: ["id-mar"], until: "2026-12-31", alternatives: [] },
        translator("fr"),
        codes,
      ),
    ).toBe("Ad réf. · par MAR · jusqu’au 2026-12-31");
  });
});

describe("exports in the six UN languages", () => {
  // The cover and every label are the reader's language; the text is the paper's own (English here).
  for (const lang of ["ar", "zh", "ru", "es"] as const) {
    it(`writes the cover in ${lang}, in the PDF and the HTML`, async () => {
      const t = translator(lang);
      const pdf = await exportOf("pdf", lang);
      const file = toFile(pdf.bytes, "pdf");
      const text = stripBidi(pdftotext(file)).replace(/\s+/g, " ");
      // pdftotext gives Arabic words in reading order; compare a word that stands alone.
      for (const word of t("exports.cover.heading").split(/\s+/)) expect(text, lang).toContain(word);
      expect(text).toContain(symbol);
      // Arabic in its own font (Chromium draws the Chinese one's glyphs as outlines: the text
      // read back above is what shows it is there).
      if (lang === "ar") expect(pdffonts(file)).toMatch(/Arabic|Naskh|Kufi/);
      const html = new TextDecoder().decode((await exportOf("html", lang)).bytes);
      expect(html).toContain(`<html lang="${lang}"${lang === "ar" ? ' dir="rtl"' : ""}>`);
      expect(html).toContain(t("exports.cover.heading"));
      expect(html).toContain(`accord:sha256=`);
      expect(html).toContain(`;lang=${lang}`);
      // The DOCX cover reads right to left in Arabic only.
      const xml = strFromU8(unzipSync((await exportOf("docx", lang)).bytes)["word/document.xml"] ?? new Uint8Array());
      expect(xml.includes("<w:bidi/>") || xml.includes('<w:bidi w:val="true"/>'), lang).toBe(lang === "ar");
      expect(xml).toContain(t("exports.cover.heading"));
    }, 60_000);
  }
});
