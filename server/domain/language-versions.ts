// Language versions of a paper (issue 19). A version is a paper of its own (its own shared
// text), in the original's dialogue, with the original's kind, title and serial number (so the
// same document symbol) and its status, which it follows (server/domain/workflow.ts moves the
// versions with their original and refuses to move a version alone). Its text starts as the
// original's current agreed text, paragraph ids included, so that the translator overwrites it
// paragraph by paragraph and each paragraph stays aligned with its original by id.
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { dialogues, papers, translationConfirmations } from "@/db/schema";
import { type DocNode, docToPlainText, isDocNode } from "@/lib/document";
import { blockText, isVersionLanguageOf } from "@/lib/language-versions";
import { isParagraphId, paragraphIdOf } from "@/lib/paragraph-ids";
import { recordAudit } from "../audit";
import { conflict, invalidInput, isUniqueViolation, notFound } from "../errors";
import { type Actor, authorize } from "../policy";
import { confirmationsOf, liveAgreedText, paragraphHash, translationRows } from "../queries/language-versions";
import { indexLiveContent, indexTitle } from "../search/index-entries";
import { preparePaper } from "./papers";

export type AddLanguageVersionInput = { paperId: string; language: string };

/** Creates the version in `language` of the original `paperId`, with its audit record, in one transaction. */
export async function addLanguageVersion(db: Db, actor: Actor | null, input: AddLanguageVersionInput) {
  try {
    return await db.transaction(async (tx) => {
      // The original's row is locked: its text is read whole (no compaction in between) and two
      // requests for the same language wait for each other.
      const [original] = await tx.select().from(papers).where(eq(papers.id, input.paperId)).for("update");
      if (!original) throw notFound("paper");
      authorize(actor, "paper.addLanguageVersion", original);
      // The dialogue's languages, held for the transaction: removing one waits for this version
      // and then sees it in use (server/domain/dialogues.ts, setDialogueLanguages).
      const [dialogue] = await tx
        .select({ otherLanguages: dialogues.otherLanguages })
        .from(dialogues)
        .where(eq(dialogues.id, original.dialogueId))
        .for("share");
      if (!isVersionLanguageOf(input.language, dialogue?.otherLanguages ?? []))
        throw invalidInput("language", "versions.invalidLanguage");
      if (input.language === original.language) throw invalidInput("same language", "versions.sameLanguage");
      const [existing] = await tx
        .select({ id: papers.id })
        .from(papers)
        .where(and(eq(papers.originalId, original.id), eq(papers.language, input.language)));
      if (existing) throw conflict("version exists", "versions.exists");

      const text = await liveAgreedText(tx, original);
      const prepared = preparePaper({
        dialogueId: original.dialogueId,
        title: original.title,
        kind: original.kind,
        content: text,
        language: input.language,
      });
      const [version] = await tx
        .insert(papers)
        .values({
          dialogueId: original.dialogueId,
          originalId: original.id,
          title: prepared.title,
          kind: original.kind,
          status: original.status,
          language: input.language,
          contentJson: prepared.content,
          contentText: docToPlainText(prepared.content),
          ydocState: prepared.ydocState,
          serialNumber: original.serialNumber,
          createdBy: actor.id,
        })
        .returning();
      if (!version) throw new Error("version insert returned nothing");
      await indexTitle(tx, version);
      await indexLiveContent(tx, version.id, prepared.content);
      // The copy is the original's own text: every paragraph starts up to date with it.
      const baseline = translationRows(text, prepared.content, new Map()).flatMap((row) =>
        row.pid !== null && row.original !== null && row.version !== null
          ? [{ versionId: version.id, pid: row.pid, originalHash: paragraphHash(row.original), confirmedBy: null }]
          : [],
      );
      for (let i = 0; i < baseline.length; i += 500) {
        await tx.insert(translationConfirmations).values(baseline.slice(i, i + 500));
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "paper.language_version_added",
        targetType: "paper",
        targetId: version.id,
        dialogueId: original.dialogueId,
        paperId: original.id,
        details: { language: input.language, versionId: version.id, originalId: original.id },
      });
      return version;
    });
  } catch (error) {
    if (isUniqueViolation(error, "papers_original_language_unique"))
      throw conflict("version exists", "versions.exists");
    throw error;
  }
}

export type ConfirmTranslationInput = { versionId: string; pid: string };

/**
 * A translator confirms that a version's paragraph still translates its original's as it now
 * reads: the original paragraph's current hash is recorded, which clears "translation outdated".
 */
export async function confirmTranslation(db: Db, actor: Actor | null, input: ConfirmTranslationInput) {
  if (!isParagraphId(input.pid)) throw invalidInput("paragraph id", "versions.noSuchParagraph");
  return db.transaction(async (tx) => {
    // The original's row is locked before the version's, the order a freeze takes them in
    // (server/domain/revision-languages.ts), so the two never wait for each other.
    const [target] = await tx
      .select({ originalId: papers.originalId })
      .from(papers)
      .where(eq(papers.id, input.versionId));
    const [original] = target?.originalId
      ? await tx.select().from(papers).where(eq(papers.id, target.originalId)).for("share")
      : [];
    const [version] = await tx.select().from(papers).where(eq(papers.id, input.versionId)).for("share");
    if (!version) throw notFound("paper");
    authorize(actor, "paper.confirmTranslation", version);
    if (!original || version.originalId !== original.id) throw notFound("paper");
    const rows = translationRows(
      await liveAgreedText(tx, original),
      await liveAgreedText(tx, version),
      await confirmationsOf(tx, version.id),
    );
    const row = rows.find((r) => r.pid === input.pid && r.original !== null && r.version !== null);
    if (!row?.original) throw invalidInput("no such paragraph", "versions.noSuchParagraph");
    await upsertConfirmations(
      tx,
      version.id,
      [{ pid: input.pid, originalHash: paragraphHash(row.original) }],
      actor.id,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "translation.confirmed",
      targetType: "paper",
      targetId: version.id,
      dialogueId: version.dialogueId,
      paperId: version.id,
      details: { pid: input.pid, number: row.number },
    });
    return { pid: input.pid, wasOutdated: row.outdated };
  });
}

/** Records (or replaces) paragraphs' confirmations; `confirmedBy` null: updated by editing. */
export async function upsertConfirmations(
  tx: Tx,
  versionId: string,
  entries: readonly { pid: string; originalHash: string }[],
  confirmedBy: string | null,
): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await tx
      .insert(translationConfirmations)
      .values(entries.slice(i, i + 500).map((e) => ({ versionId, ...e, confirmedBy })))
      .onConflictDoUpdate({
        target: [translationConfirmations.versionId, translationConfirmations.pid],
        set: {
          originalHash: sql`excluded.original_hash`,
          confirmedBy: sql`excluded.confirmed_by`,
          confirmedAt: sql`now()`,
        },
      });
  }
}

/**
 * Editing a version's paragraph counts as updating its translation: called by compaction
 * (server/collab/compaction.ts) in its transaction when a version's snapshot changes, it records
 * for each paragraph whose words changed the hash of its original paragraph as the original's
 * snapshot has it. That snapshot may lag the original's live text by compaction's debounce (a few
 * seconds): an original edited in that moment shows as outdated, never the reverse.
 */
export async function recordEditedTranslations(
  tx: Tx,
  version: { id: string; originalId: string },
  before: DocNode | null,
  after: DocNode,
): Promise<number> {
  const wordsBefore = new Map<string, string>();
  for (const node of before?.content ?? []) {
    const pid = paragraphIdOf(node);
    if (pid !== null && !wordsBefore.has(pid)) wordsBefore.set(pid, blockText(node));
  }
  const changed = new Set<string>();
  for (const node of after.content ?? []) {
    const pid = paragraphIdOf(node);
    if (pid !== null && wordsBefore.get(pid) !== blockText(node)) changed.add(pid);
  }
  if (changed.size === 0) return 0;
  const [original] = await tx
    .select({ contentJson: papers.contentJson })
    .from(papers)
    .where(eq(papers.id, version.originalId));
  if (!original || !isDocNode(original.contentJson)) return 0;
  const entries = translationRows(original.contentJson, after, new Map()).flatMap((row) =>
    row.pid !== null && changed.has(row.pid) && row.original !== null && row.version !== null
      ? [{ pid: row.pid, originalHash: paragraphHash(row.original) }]
      : [],
  );
  await upsertConfirmations(tx, version.id, entries, null);
  return entries.length;
}
