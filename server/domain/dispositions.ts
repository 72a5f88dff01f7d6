// The chair's proposed disposition of a row of the compilation of amendments (a suggestion,
// pending or decided, or a comment thread): accept, reject, merge with another row, or as orally
// amended, with a note. One transaction: the paper read, the policy asked
// (`paper.recordDisposition`), the row (and the one it merges with) checked to be this paper's,
// the disposition added (the latest for a row wins; the table is append-only) and audited.
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditEvents, commentThreads, compilationDispositions, papers } from "@/db/schema";
import { parseSuggestionId } from "@/lib/editor/annotations";
import { recordAudit } from "../audit";
import { liveContentFromYDoc, paperDoc, readPaperState } from "../collab/paper-state";
import { invalidInput, notFound } from "../errors";
import { type Actor, authorize } from "../policy";
import { readDocument } from "../queries/compilation-document";

export const dispositionValues = ["accept", "reject", "merge", "orally_amended"] as const;
export type DispositionValue = (typeof dispositionValues)[number];
export type RowRef = { kind: "suggestion" | "thread"; id: string };

/** Limits of what a disposition carries: a note and an amended paragraph, not a paper. */
export const DISPOSITION_NOTE_MAX = 2000;
export const AMENDED_TEXT_MAX = 5000;

export type RecordDispositionInput = {
  paperId: string;
  row: RowRef;
  disposition: DispositionValue;
  /** For "merge": the row it is merged with. */
  mergeWith?: RowRef | null;
  /** For "orally_amended": the wording as amended. */
  amendedText?: string | null;
  note?: string | null;
};

/** A row's key in forms, links and `merge_with`: "suggestion:<id>" or "thread:<id>". */
export const rowKey = (row: RowRef) => `${row.kind}:${row.id}`;

export function parseRowKey(key: unknown): RowRef | null {
  if (typeof key !== "string") return null;
  const at = key.indexOf(":");
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  if (kind === "suggestion" && parseSuggestionId(id)) return { kind, id };
  if (kind === "thread" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    return { kind, id };
  return null;
}

const DECIDED = ["suggestion.accepted", "suggestion.rejected", "suggestion.withdrawn"];

/** Whether each row is one of this paper's compilation: a thread of it, a suggestion pending in its text or decided on it. */
async function rowsExist(tx: Tx, paper: { id: string; ydocState: Uint8Array }, rows: RowRef[]): Promise<boolean> {
  const threadIds = rows.filter((r) => r.kind === "thread").map((r) => r.id);
  const suggestionIds = new Set(rows.filter((r) => r.kind === "suggestion").map((r) => r.id));
  if (threadIds.length) {
    const found = await tx
      .select({ id: commentThreads.id })
      .from(commentThreads)
      .where(and(eq(commentThreads.paperId, paper.id), inArray(commentThreads.id, threadIds)));
    if (found.length !== new Set(threadIds).size) return false;
  }
  if (suggestionIds.size) {
    const decided = await tx
      .select({ id: auditEvents.targetId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.paperId, paper.id),
          eq(auditEvents.targetType, "suggestion"),
          inArray(auditEvents.action, DECIDED),
          inArray(auditEvents.targetId, [...suggestionIds]),
        ),
      );
    for (const { id } of decided) suggestionIds.delete(id);
  }
  if (suggestionIds.size) {
    const doc = paperDoc((await readPaperState(tx, paper)).updates);
    try {
      for (const s of readDocument(liveContentFromYDoc(doc)).suggestions) suggestionIds.delete(s.row.id);
    } finally {
      doc.destroy();
    }
  }
  return suggestionIds.size === 0;
}

export async function recordDisposition(db: Db, actor: Actor, input: RecordDispositionInput): Promise<{ id: number }> {
  const note = (input.note ?? "").trim();
  const amendedText = input.disposition === "orally_amended" ? (input.amendedText ?? "").trim() : null;
  const mergeWith = input.disposition === "merge" ? (input.mergeWith ?? null) : null;
  if (note.length > DISPOSITION_NOTE_MAX) throw invalidInput("note too long", "compilation.errors.noteTooLong");
  if (input.disposition === "orally_amended" && !amendedText)
    throw invalidInput("amended wording missing", "compilation.errors.amendedTextRequired");
  if (amendedText && amendedText.length > AMENDED_TEXT_MAX)
    throw invalidInput("amended wording too long", "compilation.errors.amendedTextTooLong");
  if (input.disposition === "merge" && !mergeWith)
    throw invalidInput("merge without a row", "compilation.errors.mergeWithRequired");
  if (mergeWith && rowKey(mergeWith) === rowKey(input.row))
    throw invalidInput("merged with itself", "compilation.errors.mergeWithSelf");

  return db.transaction(async (tx) => {
    const [paper] = await tx
      .select({ id: papers.id, dialogueId: papers.dialogueId, status: papers.status, ydocState: papers.ydocState })
      .from(papers)
      .where(eq(papers.id, input.paperId))
      .for("share");
    if (!paper) throw notFound("paper");
    authorize(actor, "paper.recordDisposition", paper);
    if (!(await rowsExist(tx, paper, mergeWith ? [input.row, mergeWith] : [input.row])))
      throw invalidInput("no such row", "compilation.errors.noSuchRow");
    const [stored] = await tx
      .insert(compilationDispositions)
      .values({
        paperId: paper.id,
        rowKind: input.row.kind,
        rowId: input.row.id,
        disposition: input.disposition,
        mergeWith: mergeWith ? rowKey(mergeWith) : null,
        amendedText,
        note,
        recordedBy: actor.id,
      })
      .returning({ id: compilationDispositions.id });
    if (!stored) throw new Error("disposition not stored");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "compilation.disposition_recorded",
      targetType: input.row.kind,
      targetId: input.row.id,
      dialogueId: paper.dialogueId,
      paperId: paper.id,
      details: {
        disposition: input.disposition,
        mergeWith: mergeWith ? rowKey(mergeWith) : null,
        amendedText,
        note,
        dispositionId: stored.id,
      },
    });
    return { id: stored.id };
  });
}
