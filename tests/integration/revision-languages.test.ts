// A revision freezes every language version with its original (issue 19), against a real
// database: each language's text stored as it stood at the freeze, one revision hash that covers
// them all and can be recomputed from the stored texts, the translations that lagged recorded by
// paragraph number; a version's pages, exports, issued files, verify check and the dialogue's
// ZIP read its text of that revision; a paper without versions keeps its text's hash.
import { and, asc, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { auditEvents, exportFingerprints, papers, paperUpdates, revisionLanguages, revisions } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { paragraphIdOf } from "@/lib/paragraph-ids";
import { contentHash, revisionHashOf } from "@/server/canonical";
import { compactPaper } from "@/server/collab/compaction";
import { contentFromState, loadPaperState, paperDoc } from "@/server/collab/paper-state";
import { addLanguageVersion } from "@/server/domain/language-versions";
import { changeStage, freezeAndOpenRound, recordPosition, submitToHld } from "@/server/domain/workflow";
import { exportDialogueSubmissions, issueExport, renderExport } from "@/server/export/service";
import { exportSourceForActor, submittedSource } from "@/server/export/source";
import { verifyFile } from "@/server/export/verify/file";
import { findPaperForActor } from "@/server/queries/papers";
import { findRevision, latestRound, listRevisions } from "@/server/queries/workflow";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus, reloadPaper } from "../helpers/factories";
import { liveText, rewriteParagraph } from "../helpers/live-text";

const testDb = useTestDatabase();
let world: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(testDb.db());
});

const deadline = () => new Date(Date.now() + 24 * 3600 * 1000);

/**
 * An original in consultation with a French version whose paragraph 1 is translated, and a
 * Spanish one left as copied; then the original's paragraph 2 changes, so both translations of
 * paragraph 2 lag. The last French keystrokes are not compacted: the freeze must include them.
 */
async function familyInConsultation() {
  const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
  const french = await addLanguageVersion(testDb.db(), world.actors.chair, { paperId: paper.id, language: "fr" });
  const spanish = await addLanguageVersion(testDb.db(), world.actors.penholder, { paperId: paper.id, language: "es" });
  const [, first, second] = ((await liveText(testDb.db(), paper.id)).content ?? []).map(paragraphIdOf) as string[];
  if (!first || !second) throw new Error("the sample text has two paragraphs");
  await rewriteParagraph(testDb.db(), paper.id, second, "Partners commit to new mobility partnerships.");
  await compactPaper(testDb.db(), paper.id);
  await rewriteParagraph(testDb.db(), french.id, first, "La migration et le développement sont étroitement liés.");
  await changeStage(testDb.db(), world.actors.penholder, { paperId: paper.id, to: "consultation" });
  return { paper, french, spanish, first, second };
}

async function frozenRows(revisionId: string) {
  return testDb
    .db()
    .select()
    .from(revisionLanguages)
    .where(eq(revisionLanguages.revisionId, revisionId))
    .orderBy(asc(revisionLanguages.language));
}

describe("freezing a paper with language versions", () => {
  it("freezes every language together under one hash anyone can recompute, recording lagging translations", async () => {
    const { paper, french, spanish } = await familyInConsultation();
    const { revision } = await freezeAndOpenRound(testDb.db(), world.actors.chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: deadline(),
    });
    const rows = await frozenRows(revision.id);
    expect(rows.map((r) => [r.language, r.paperId, r.isOriginal])).toEqual([
      ["en", paper.id, true],
      ["es", spanish.id, false],
      ["fr", french.id, false],
    ]);
    // Each stored text hashes to its recorded hash, and the revision hash is computed over those.
    for (const row of rows) expect(contentHash(row.contentJson as DocNode).hash).toBe(row.contentHash);
    const recomputed = revisionHashOf(
      rows.map((r) => ({ language: r.language, hash: r.contentHash, isOriginal: r.isOriginal })),
    );
    const [stored] = await testDb.db().select().from(revisions).where(eq(revisions.id, revision.id));
    expect(stored?.contentHash).toBe(recomputed.hash);
    expect(stored?.canonicalContent).toBe(recomputed.canonical);
    // The original's text stays the revision's text, and no longer hashes alone to the revision hash.
    const english = rows.find((r) => r.isOriginal);
    expect(english?.contentJson).toEqual(stored?.contentJson);
    expect(english?.contentHash).not.toBe(stored?.contentHash);
    // The French keystrokes acknowledged before the freeze are in the frozen French text.
    const frenchRow = rows.find((r) => r.language === "fr");
    expect(JSON.stringify(frenchRow?.contentJson)).toContain("étroitement liés");
    // Paragraph 2 changed in the original after both copies were made: both lag there, only there.
    expect(rows.map((r) => [r.language, r.outdatedCount, r.outdatedNumbers])).toEqual([
      ["en", 0, []],
      ["es", 1, [2]],
      ["fr", 1, [2]],
    ]);
    // Changing any language's text changes the revision hash.
    const otherFrench = revisionHashOf(
      rows.map((r) => ({
        language: r.language,
        hash: r.language === "fr" ? contentHash({ type: "doc", content: [] }).hash : r.contentHash,
        isOriginal: r.isOriginal,
      })),
    );
    expect(otherFrench.hash).not.toBe(stored?.contentHash);
    const [audit] = await testDb
      .db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.action, "revision.frozen")));
    expect(audit?.details).toMatchObject({
      hash: stored?.contentHash,
      languages: [
        { language: "en", outdated: 0 },
        { language: "es", outdated: 1 },
        { language: "fr", outdated: 1 },
      ],
    });
  });

  it("shows each language its own text of the revision, with the languages frozen and the round's", async () => {
    const { paper, french } = await familyInConsultation();
    const { revision } = await freezeAndOpenRound(testDb.db(), world.actors.chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: deadline(),
    });
    const version = await reloadPaper(testDb.db(), french.id);
    expect((await listRevisions(testDb.db(), version)).map((r) => [r.number, r.contentHash])).toEqual([
      [1, revision.contentHash],
    ]);
    const frenchRevision = await findRevision(testDb.db(), version, 1);
    expect(JSON.stringify(frenchRevision?.content)).toContain("étroitement liés");
    expect(frenchRevision?.contentHash).toBe(revision.contentHash);
    expect(frenchRevision?.languages?.map((l) => [l.language, l.isOriginal, l.outdatedNumbers])).toEqual([
      ["en", true, []],
      ["es", false, [2]],
      ["fr", false, [2]],
    ]);
    const originalRevision = await findRevision(testDb.db(), await reloadPaper(testDb.db(), paper.id), 1);
    expect(JSON.stringify(originalRevision?.content)).not.toContain("étroitement liés");
    // The version's page names the original's revision as its latest.
    const found = await findPaperForActor(testDb.db(), world.actors.delegate, french.id);
    expect(found?.latestRevision).toMatchObject({ number: 1, contentHash: revision.contentHash });
    const round = await latestRound(testDb.db(), { id: paper.id, dialogueId: paper.dialogueId });
    expect(round?.languages?.map((l) => l.language)).toEqual(["en", "es", "fr"]);
  });

  it("keeps a paper without versions hashed by its text alone", async () => {
    const { paper, revision } = await makePaperInStatus(testDb.db(), "approval", world);
    if (!revision) throw new Error("no revision");
    expect(revision.contentHash).toBe(contentHash(revision.contentJson as DocNode).hash);
    expect(await frozenRows(revision.id)).toEqual([]);
    const found = await findRevision(testDb.db(), await reloadPaper(testDb.db(), paper.id), 1);
    expect(found?.languages).toBeNull();
  });
});

describe("a submitted revision in several languages", () => {
  it("exports, issues, verifies and zips each language's text under the revision hash", async () => {
    const { paper, french } = await familyInConsultation();
    const { chair, penholder, delegate } = world.actors;
    const { revision } = await freezeAndOpenRound(testDb.db(), chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: deadline(),
    });
    for (const [actor, partnerId] of [
      [chair, world.partnerOf.chair],
      [penholder, world.partnerOf.penholder],
      [delegate, world.partnerOf.delegate],
    ] as const) {
      await recordPosition(testDb.db(), actor, { paperId: paper.id, partnerId, value: "approve" });
    }
    await submitToHld(testDb.db(), chair, { paperId: paper.id });

    // The French text of revision 1, with the cover's facts of the submission.
    const source = await exportSourceForActor(testDb.db(), delegate, french.id, 1);
    expect(source).toMatchObject({ language: "fr", texts: "fr", hash: revision.contentHash, revision: 1 });
    expect(source.submission).not.toBeNull();
    expect(JSON.stringify(source.doc)).toContain("étroitement liés");
    const markdown = new TextDecoder().decode((await renderExport(source, "md", { lang: "en" })).bytes);
    expect(markdown).toContain(`accord:sha256=${revision.contentHash};lang=en;texts=fr`);
    expect(markdown).toContain(
      "English (original); Spanish (translation outdated: 1; paragraphs 2); French (translation outdated: 1; paragraphs 2)",
    );
    expect(markdown).toContain("SHA-256 of the revision (every language)");
    expect(markdown).toContain("étroitement liés");

    // Issued as the submission's French file: kept, fingerprinted under texts "fr", verified.
    const issued = await issueExport(testDb.db(), await submittedSource(testDb.db(), french.id), "md", { lang: "en" });
    expect(issued.filename).toMatch(/-fr\.md$/);
    const fingerprints = await testDb
      .db()
      .select({ texts: exportFingerprints.texts, format: exportFingerprints.format })
      .from(exportFingerprints)
      .where(eq(exportFingerprints.texts, "fr"));
    expect(fingerprints).toContainEqual({ texts: "fr", format: "md" });
    expect(await verifyFile(testDb.db(), issued.bytes)).toMatchObject({ outcome: "match", format: "md" });
    const altered = new TextEncoder().encode(
      new TextDecoder().decode(issued.bytes).replace("étroitement liés", "étroitement liées"),
    );
    expect(await verifyFile(testDb.db(), altered)).toEqual({ outcome: "altered" });
    // A file claiming a language the paper has no version in is not the submitted text.
    const unknown = new TextEncoder().encode(new TextDecoder().decode(issued.bytes).replace(";texts=fr", ";texts=ru"));
    expect(await verifyFile(testDb.db(), unknown)).toEqual({ outcome: "altered" });
    // Another language's cover of the French text, never issued yet: rendered, matched and recorded.
    const frenchCover = await renderExport(await submittedSource(testDb.db(), french.id), "html", { lang: "fr" });
    expect(await verifyFile(testDb.db(), frenchCover.bytes)).toMatchObject({ outcome: "match", format: "html" });

    // The dialogue's ZIP holds every language's files of the submitted revision.
    const zip = await exportDialogueSubmissions(testDb.db(), chair, {
      slug: world.dialogue.slug,
      lang: "en",
      formats: ["md"],
    });
    const entry = zip.manifest.find((m) => m.hash === revision.contentHash);
    expect(entry?.files.map((f) => f.language)).toEqual(["en", "es", "fr"]);
    const files = unzipSync(zip.bytes);
    const frenchPath = entry?.files.find((f) => f.language === "fr")?.path ?? "";
    expect(strFromU8(files[frenchPath] as Uint8Array)).toContain("étroitement liés");
    const [versionRow] = await testDb.db().select().from(papers).where(eq(papers.id, french.id));
    expect(versionRow?.status).toBe("submitted");
  });
});
