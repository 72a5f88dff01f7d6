// The bilingual export (issue 19) against a real database and real readers: an original and its
// French version in two aligned columns, in Word (the table read back from its XML) and PDF
// (pdftotext), each cell in its own language and direction (an Arabic version right to left), the
// fingerprint naming both languages; only for who may export both, and only for a version of the
// paper; a submitted revision's file kept, fingerprinted and verified, a changed one refused.
import { and, eq } from "drizzle-orm";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exportFingerprints, paperUpdates } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { paragraphIdOf } from "@/lib/paragraph-ids";
import { compactPaper } from "@/server/collab/compaction";
import { contentFromState, loadPaperState, paperDoc } from "@/server/collab/paper-state";
import { addLanguageVersion } from "@/server/domain/language-versions";
import { changeStage, freezeAndOpenRound, recordPosition, submitToHld } from "@/server/domain/workflow";
import { AppError } from "@/server/errors";
import { bilingualCover, bilingualHtml, bilingualRows } from "@/server/export/render/bilingual";
import { closePdfBrowser } from "@/server/export/render/pdf";
import { exportBilingual, renderBilingualExport } from "@/server/export/service";
import { exportSourceForActor } from "@/server/export/source";
import { verifyFile } from "@/server/export/verify/file";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";
import { liveText, rewriteParagraph } from "../helpers/live-text";
import { pdftotext, stripBidi, toFile } from "./tools";

const testDb = useTestDatabase();
let world: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(testDb.db());
});

afterAll(async () => {
  await closePdfBrowser();
});

const FRENCH_1 = "La migration et le développement sont étroitement liés.";

/** An original in consultation with a French version whose paragraph 1 is translated; the original's paragraph 2 changed since. */
async function family() {
  const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
  const french = await addLanguageVersion(testDb.db(), world.actors.chair, { paperId: paper.id, language: "fr" });
  const [, first, second] = ((await liveText(testDb.db(), paper.id)).content ?? []).map(paragraphIdOf) as string[];
  if (!first || !second) throw new Error("the sample text has two paragraphs");
  await rewriteParagraph(testDb.db(), french.id, first, FRENCH_1);
  await compactPaper(testDb.db(), french.id);
  await rewriteParagraph(testDb.db(), paper.id, second, "Partners commit to new mobility partnerships.");
  await changeStage(testDb.db(), world.actors.penholder, { paperId: paper.id, to: "consultation" });
  return { paper, french };
}

const docxPart = (bytes: Uint8Array, part: string) => strFromU8(unzipSync(bytes)[part] as Uint8Array);

/** Each table row of the Word file as its cells' text. */
function docxRows(bytes: Uint8Array): string[][] {
  const xml = docxPart(bytes, "word/document.xml");
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
      [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    ),
  );
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "allowed";
}

describe("the bilingual export of the live text", () => {
  it("pairs each paragraph with its translation in Word and PDF, names both languages and the lagging paragraph", async () => {
    const { paper, french } = await family();
    const request = { paperId: paper.id, versionId: french.id, revision: "live" as const, lang: "en" as const };
    const word = await exportBilingual(testDb.db(), world.actors.delegate, { ...request, format: "docx" });
    expect(word.filename).toMatch(/-live-draft-en-fr\.docx$/);
    const rows = docxRows(word.bytes);
    expect(rows[0]).toEqual(["No.", "English", "French"]);
    const first = rows.find((row) => row[0] === "1.");
    expect(first?.[1]).toContain("Migration");
    expect(first?.[2]).toBe(FRENCH_1);
    expect(rows.find((row) => row[0] === "2.")?.[1]).toBe("Partners commit to new mobility partnerships.");
    const core = docxPart(word.bytes, "docProps/core.xml");
    expect(core).toMatch(/accord:sha256=[0-9a-f]{64};lang=en;texts=en\+fr/);
    const body = docxPart(word.bytes, "word/document.xml");
    expect(body).toContain("Languages of this file");
    expect(body).toContain("Translation outdated in paragraphs");

    const pdf = await exportBilingual(testDb.db(), world.actors.delegate, { ...request, format: "pdf" });
    const text = stripBidi(pdftotext(toFile(pdf.bytes, "pdf"))).replace(/\s+/g, " ");
    expect(text).toContain("étroitement liés");
    expect(text).toContain("Partners commit to new mobility partnerships.");
    expect(text).toContain("English | French");
    expect(Buffer.from(pdf.bytes).toString("latin1")).toContain("/Title");
  });

  it("is only for who may export both, and only for a language version of the paper", async () => {
    const { paper, french } = await family();
    const other = (await makePaperInStatus(testDb.db(), "draft", world)).paper;
    const request = { paperId: paper.id, versionId: french.id, revision: "live" as const, lang: "en" as const };
    expect(await refusal(exportBilingual(testDb.db(), world.actors.outsider, { ...request, format: "docx" }))).toBe(
      "not_found",
    );
    expect(
      await refusal(
        exportBilingual(testDb.db(), world.actors.chair, { ...request, versionId: other.id, format: "docx" }),
      ),
    ).toBe("not_found");
    expect(
      await refusal(
        exportBilingual(testDb.db(), world.actors.chair, {
          ...request,
          paperId: french.id,
          versionId: paper.id,
          format: "docx",
        }),
      ),
    ).toBe("not_found");
  });

  it("writes an Arabic version's column right to left", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
    const arabic = await addLanguageVersion(testDb.db(), world.actors.chair, { paperId: paper.id, language: "ar" });
    const [original, version] = [
      await exportSourceForActor(testDb.db(), world.actors.chair, paper.id, "live"),
      await exportSourceForActor(testDb.db(), world.actors.chair, arabic.id, "live"),
    ];
    const input = { original, version, lang: "ar" as const, outdatedNumbers: [] };
    const html = bilingualHtml(input, bilingualCover(input));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toMatch(/<td lang="en" dir="ltr">/);
    expect(html).toMatch(/<td lang="ar" dir="rtl">/);
    expect(bilingualRows(original.doc, version.doc).every((row) => row.original === row.version)).toBe(true);
  });
});

describe("the bilingual export of a submitted revision", () => {
  it("is kept and fingerprinted as the submission's, verifies, and a changed copy is refused", async () => {
    const { paper, french } = await family();
    const { chair, penholder, delegate } = world.actors;
    await freezeAndOpenRound(testDb.db(), chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: new Date(Date.now() + 24 * 3600 * 1000),
    });
    for (const [actor, partnerId] of [
      [chair, world.partnerOf.chair],
      [penholder, world.partnerOf.penholder],
      [delegate, world.partnerOf.delegate],
    ] as const) {
      await recordPosition(testDb.db(), actor, { paperId: paper.id, partnerId, value: "approve" });
    }
    await submitToHld(testDb.db(), chair, { paperId: paper.id });
    const request = { paperId: paper.id, versionId: french.id, revision: 1, lang: "en" as const };
    const word = await exportBilingual(testDb.db(), delegate, { ...request, format: "docx" });
    // The same bytes again: the kept copy.
    const again = await exportBilingual(testDb.db(), chair, { ...request, format: "docx" });
    expect(Buffer.from(again.bytes).equals(Buffer.from(word.bytes))).toBe(true);
    // The frozen languages on its cover, with the French paragraph 2 that lagged.
    expect(docxPart(word.bytes, "word/document.xml")).toContain("French (translation outdated: 1; paragraphs 2)");
    const recorded = await testDb
      .db()
      .select({ texts: exportFingerprints.texts })
      .from(exportFingerprints)
      .where(and(eq(exportFingerprints.texts, "en+fr"), eq(exportFingerprints.format, "docx")));
    expect(recorded.length).toBeGreaterThan(0);
    expect(await verifyFile(testDb.db(), word.bytes)).toMatchObject({ outcome: "match", format: "docx" });

    // A PDF never issued before: rendered again by the verify check, matched, then recorded.
    const source = async (id: string) => exportSourceForActor(testDb.db(), chair, id, 1);
    const pdf = await renderBilingualExport(
      { original: await source(paper.id), version: await source(french.id), lang: "fr", outdatedNumbers: [] },
      "pdf",
    );
    expect(await verifyFile(testDb.db(), pdf.bytes)).toMatchObject({ outcome: "match", format: "pdf" });

    // One changed word in the Word copy: refused.
    const files = unzipSync(word.bytes);
    const xml = strFromU8(files["word/document.xml"] as Uint8Array).replace("étroitement", "étroitemant");
    const altered = zipSync({ ...files, "word/document.xml": strToU8(xml) });
    expect(await verifyFile(testDb.db(), altered)).toEqual({ outcome: "altered" });
  });
});
