// Language versions of a paper (issue 19) against a real database: a version is a paper of its
// own whose text starts as the original's, ids included; who may add and confirm one; a version
// follows its original's workflow; paragraphs align by id; a translation is outdated once its
// original paragraph changes, until a translator edits or confirms it.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { auditEvents, papers, paperUpdates, translationConfirmations } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { paragraphIdOf } from "@/lib/paragraph-ids";
import { contentHash } from "@/server/canonical";
import { compactPaper } from "@/server/collab/compaction";
import { contentFromState, loadPaperState, paperDoc } from "@/server/collab/paper-state";
import { addLanguageVersion, confirmTranslation } from "@/server/domain/language-versions";
import { changeStage, freezeAndOpenRound, recordPosition, submitToHld } from "@/server/domain/workflow";
import { AppError } from "@/server/errors";
import { can } from "@/server/policy";
import { dialogueDetails } from "@/server/queries/dialogues";
import { languageFamily, parallelReading } from "@/server/queries/language-versions";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus, reloadPaper } from "../helpers/factories";
import { liveText, rewriteParagraph } from "../helpers/live-text";

const testDb = useTestDatabase();
let world: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(testDb.db());
});

async function draftWithFrench() {
  const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
  const version = await addLanguageVersion(testDb.db(), world.actors.chair, { paperId: paper.id, language: "fr" });
  return { paper: await reloadPaper(testDb.db(), paper.id), version };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
  return "allowed";
}

const outdatedNumbers = async (originalId: string, versionId: string) => {
  const reading = await parallelReading(testDb.db(), world.actors.chair, originalId, versionId);
  return (reading?.rows ?? []).filter((r) => r.outdated).map((r) => r.number);
};

describe("adding a language version", () => {
  it("makes a paper of its own with the original's text, ids, dialogue, kind, title, number and status", async () => {
    const { paper, version } = await draftWithFrench();
    expect(version).toMatchObject({
      originalId: paper.id,
      dialogueId: paper.dialogueId,
      kind: paper.kind,
      title: paper.title,
      serialNumber: paper.serialNumber,
      status: "draft",
      language: "fr",
    });
    expect(version.id).not.toBe(paper.id);
    const original = await liveText(testDb.db(), paper.id);
    const copy = await liveText(testDb.db(), version.id);
    // The same words (same hash) and the same paragraph ids, so paragraph 2 is paragraph 2 in French.
    expect(contentHash(copy).hash).toBe(contentHash(original).hash);
    const originalIds = (original.content ?? []).map(paragraphIdOf);
    expect(originalIds.every((id) => id !== null)).toBe(true);
    expect((copy.content ?? []).map(paragraphIdOf)).toEqual(originalIds);
    // Every paragraph starts confirmed against the original as it was copied.
    const confirmations = await testDb
      .db()
      .select()
      .from(translationConfirmations)
      .where(eq(translationConfirmations.versionId, version.id));
    expect(confirmations.map((c) => c.pid).sort()).toEqual([...(originalIds as string[])].sort());
    expect(await outdatedNumbers(paper.id, version.id)).toEqual([]);
    const [audit] = await testDb
      .db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.action, "paper.language_version_added")));
    expect(audit).toMatchObject({ actorId: world.actors.chair.id, targetId: version.id });
    expect(audit?.details).toMatchObject({ language: "fr", versionId: version.id });
    const family = await languageFamily(testDb.db(), world.actors.observer, version);
    expect(family).toEqual([
      { id: paper.id, language: "en", isOriginal: true },
      { id: version.id, language: "fr", isOriginal: false },
    ]);
  });

  it("is for the chair, the penholder and the secretariat only, while the text is open", async () => {
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
    const add = (role: keyof DialogueWithRoles["actors"], language: string, paperId = paper.id) =>
      refusal(addLanguageVersion(testDb.db(), world.actors[role], { paperId, language }));
    expect(await add("delegate", "es")).toBe("forbidden:errors.forbidden");
    expect(await add("observer", "es")).toBe("forbidden:errors.forbidden");
    expect(await add("outsider", "es")).toBe("not_found:errors.not_found");
    expect(await add("hld_reviewer", "es")).toBe("not_found:errors.not_found");
    expect(await add("penholder", "es")).toBe("allowed");
    expect(await add("admin", "zh")).toBe("allowed");
    expect(await add("chair", "es")).toBe("conflict:versions.exists");
    expect(await add("chair", "en")).toBe("invalid_input:versions.sameLanguage");
    expect(await add("chair", "xx")).toBe("invalid_input:versions.invalidLanguage");
    const [spanish] = await testDb
      .db()
      .select()
      .from(papers)
      .where(and(eq(papers.originalId, paper.id), eq(papers.language, "es")));
    if (!spanish) throw new Error("no Spanish version");
    // A version has no versions of its own.
    expect(await add("chair", "fr", spanish.id)).toBe("forbidden:errors.forbidden");
    const versions = await testDb.db().select().from(papers).where(eq(papers.originalId, paper.id));
    expect(versions.map((v) => v.language).sort()).toEqual(["es", "zh"]);

    const { paper: frozen } = await makePaperInStatus(testDb.db(), "approval", world);
    expect(await add("chair", "fr", frozen.id)).toBe("forbidden:errors.forbidden");
  });
});

describe("a version's workflow", () => {
  it("follows its original: never moved alone, moved with it, edited by whoever edits the original", async () => {
    const { paper, version } = await draftWithFrench();
    expect(
      await refusal(changeStage(testDb.db(), world.actors.chair, { paperId: version.id, to: "consultation" })),
    ).toBe("invalid_transition:versions.followsOriginal");
    expect(can(world.actors.chair, "paper.changeStage", version)).toBe(false);
    expect(can(world.actors.chair, "paper.changeStage", paper)).toBe(true);
    for (const role of ["chair", "penholder", "delegate", "observer", "admin"] as const) {
      expect(can(world.actors[role], "paper.edit", version), role).toBe(can(world.actors[role], "paper.edit", paper));
    }
    await changeStage(testDb.db(), world.actors.penholder, { paperId: paper.id, to: "consultation" });
    expect((await reloadPaper(testDb.db(), version.id)).status).toBe("consultation");
    expect(can(world.actors.delegate, "paper.edit", await reloadPaper(testDb.db(), version.id))).toBe(false);
    expect(can(world.actors.delegate, "paper.suggest", await reloadPaper(testDb.db(), version.id))).toBe(true);
    const deadline = new Date(Date.now() + 24 * 3600 * 1000);
    await freezeAndOpenRound(testDb.db(), world.actors.chair, { paperId: paper.id, procedure: "consensus", deadline });
    const frozen = await reloadPaper(testDb.db(), version.id);
    expect(frozen.status).toBe("approval");
    expect(can(world.actors.chair, "paper.edit", frozen)).toBe(false);
  });
});

describe("a submitted original", () => {
  it("takes its versions along, which the HLD does not see, and dialogues list originals only", async () => {
    const { paper, version } = await draftWithFrench();
    const { chair, penholder, delegate, hld_reviewer } = world.actors;
    await changeStage(testDb.db(), penholder, { paperId: paper.id, to: "consultation" });
    const deadline = new Date(Date.now() + 24 * 3600 * 1000);
    await freezeAndOpenRound(testDb.db(), chair, { paperId: paper.id, procedure: "consensus", deadline });
    for (const [actor, partnerId] of [
      [chair, world.partnerOf.chair],
      [penholder, world.partnerOf.penholder],
      [delegate, world.partnerOf.delegate],
    ] as const) {
      await recordPosition(testDb.db(), actor, { paperId: paper.id, partnerId, value: "approve" });
    }
    await submitToHld(testDb.db(), chair, { paperId: paper.id });
    const submitted = await reloadPaper(testDb.db(), version.id);
    expect(submitted.status).toBe("submitted");
    expect(can(hld_reviewer, "paper.view", await reloadPaper(testDb.db(), paper.id))).toBe(true);
    expect(can(hld_reviewer, "paper.view", submitted)).toBe(false);
    expect(can(hld_reviewer, "paper.export", submitted)).toBe(false);
    const listed = await dialogueDetails(testDb.db(), world.dialogue.id, 1);
    expect(listed.papers.some((p) => p.id === paper.id)).toBe(true);
    expect(listed.papers.some((p) => p.id === version.id)).toBe(false);
  });
});

describe("translation outdated", () => {
  it("flags a paragraph whose original changed, until its translation is edited or confirmed", async () => {
    const { paper, version } = await draftWithFrench();
    const ids = (await liveText(testDb.db(), paper.id)).content?.map(paragraphIdOf) ?? [];
    const [, first, second] = ids as string[];
    if (!first || !second) throw new Error("sample text has two paragraphs");

    // The translator writes paragraph 1 in French: still up to date.
    await rewriteParagraph(testDb.db(), version.id, first, "La migration et le développement sont liés.");
    await compactPaper(testDb.db(), version.id);
    expect(await outdatedNumbers(paper.id, version.id)).toEqual([]);

    // The chair changes original paragraphs 1 and 2: both translations are outdated.
    await rewriteParagraph(testDb.db(), paper.id, first, "Migration and development are closely interlinked.");
    await rewriteParagraph(testDb.db(), paper.id, second, "Partners commit to new mobility partnerships.");
    expect(await outdatedNumbers(paper.id, version.id)).toEqual([1, 2]);
    // Aligned by id: row 1 pairs the changed English with the French of the same paragraph.
    const reading = await parallelReading(testDb.db(), world.actors.chair, paper.id, version.id);
    const row = reading?.rows.find((r) => r.number === 1);
    expect(row?.pid).toBe(first);
    expect(JSON.stringify(row?.original)).toContain("closely interlinked");
    expect(JSON.stringify(row?.version)).toContain("La migration");

    // Editing the French paragraph 2 updates it (compaction records the original as it now reads).
    await compactPaper(testDb.db(), paper.id);
    await rewriteParagraph(
      testDb.db(),
      version.id,
      second,
      "Les partenaires s'engagent dans de nouveaux partenariats.",
    );
    await compactPaper(testDb.db(), version.id);
    expect(await outdatedNumbers(paper.id, version.id)).toEqual([1]);

    // Confirming paragraph 1: only whoever may edit the version.
    expect(
      await refusal(confirmTranslation(testDb.db(), world.actors.observer, { versionId: version.id, pid: first })),
    ).toBe("forbidden:errors.forbidden");
    expect(
      await refusal(confirmTranslation(testDb.db(), world.actors.outsider, { versionId: version.id, pid: first })),
    ).toBe("not_found:errors.not_found");
    expect(
      await refusal(confirmTranslation(testDb.db(), world.actors.chair, { versionId: paper.id, pid: first })),
    ).toBe("forbidden:errors.forbidden");
    expect(
      await refusal(confirmTranslation(testDb.db(), world.actors.chair, { versionId: version.id, pid: "zzzzzzzzzz" })),
    ).toBe("invalid_input:versions.noSuchParagraph");
    expect(await outdatedNumbers(paper.id, version.id)).toEqual([1]);
    const confirmed = await confirmTranslation(testDb.db(), world.actors.penholder, {
      versionId: version.id,
      pid: first,
    });
    expect(confirmed).toEqual({ pid: first, wasOutdated: true });
    expect(await outdatedNumbers(paper.id, version.id)).toEqual([]);
    const audit = await testDb
      .db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, version.id), eq(auditEvents.action, "translation.confirmed")))
      .orderBy(asc(auditEvents.id));
    expect(audit.map((a) => [a.actorId, (a.details as { pid: string }).pid])).toEqual([
      [world.actors.penholder.id, first],
    ]);
    const [stored] = await testDb
      .db()
      .select()
      .from(translationConfirmations)
      .where(and(eq(translationConfirmations.versionId, version.id), eq(translationConfirmations.pid, first)));
    expect(stored?.confirmedBy).toBe(world.actors.penholder.id);
  });

  it("is not shown to whoever may not see the paper", async () => {
    const { paper, version } = await draftWithFrench();
    expect(await parallelReading(testDb.db(), world.actors.outsider, paper.id, version.id)).toBeNull();
    expect(await parallelReading(testDb.db(), world.actors.chair, version.id, paper.id)).toBeNull();
    expect(await languageFamily(testDb.db(), world.actors.outsider, version)).toEqual([]);
  });
});

describe("two versions side by side", () => {
  it("reads a version beside another of the same original, its outdated rows still against the original", async () => {
    const { paper, version: french } = await draftWithFrench();
    const spanish = await addLanguageVersion(testDb.db(), world.actors.chair, { paperId: paper.id, language: "es" });
    const ids = (await liveText(testDb.db(), paper.id)).content?.map(paragraphIdOf) ?? [];
    const [, first] = ids as string[];
    if (!first) throw new Error("sample text has a paragraph");
    await rewriteParagraph(testDb.db(), french.id, first, "La migration et le développement sont liés.");
    await rewriteParagraph(testDb.db(), spanish.id, first, "La migración y el desarrollo están vinculados.");
    await rewriteParagraph(testDb.db(), paper.id, first, "Migration and development are closely interlinked.");

    const reading = await parallelReading(testDb.db(), world.actors.delegate, french.id, spanish.id);
    expect(reading?.beside.id).toBe(french.id);
    expect(reading?.version.id).toBe(spanish.id);
    expect(JSON.stringify(reading?.besideText)).toContain("La migration et le développement");
    expect(JSON.stringify(reading?.versionText)).toContain("La migración");
    // Outdated is the Spanish against the original (its paragraph 1 changed since), not the French.
    expect(reading?.rows.filter((r) => r.outdated).map((r) => r.pid)).toEqual([first]);

    // Not beside itself, not beside another paper's version, not for whom may not see them.
    const { version: otherFrench } = await draftWithFrench();
    expect(await parallelReading(testDb.db(), world.actors.chair, spanish.id, spanish.id)).toBeNull();
    expect(await parallelReading(testDb.db(), world.actors.chair, otherFrench.id, spanish.id)).toBeNull();
    expect(await parallelReading(testDb.db(), world.actors.outsider, french.id, spanish.id)).toBeNull();
    // The original beside a version, as before.
    expect((await parallelReading(testDb.db(), world.actors.chair, paper.id, spanish.id))?.beside.id).toBe(paper.id);
  });
});
