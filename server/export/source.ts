// What an export is made from (ExportSource, server/export/types.ts): the stored document of one
// revision (or the live text, read from the collaboration log and marked as a draft) and the
// facts of its cover block, all read from stored rows so that a submitted revision always yields
// the same bytes (no "now" anywhere).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  dialoguePartners,
  dialogues,
  type PaperKind,
  type PaperStatus,
  papers,
  paperUpdates,
  partners,
  revisionLanguages,
  revisions,
  submissions,
  users,
} from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import type { Locale } from "@/lib/i18n/locales";
import { contentHash } from "../canonical";
import { loadPaperState } from "../collab/paper-state";
import { AppError, invalidInput, notFound } from "../errors";
import { type Actor, authorize, can } from "../policy";
import { findPaperForActor } from "../queries/papers";
import { findSubmission, frozenLanguages, latestRound } from "../queries/workflow";
import { exportAnnotations } from "./annotations-source";
import type { ExportSource, PositionLine, RevisionSelector } from "./types";
import { exportWork } from "./work";

async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The submission of a paper with its record of positions, recorders named. */
async function submissionFacts(db: Db, paperId: string) {
  const row = await findSubmission(db, paperId);
  if (!row) return null;
  const record = row.positionsRecord;
  const names = await userNames(db, [...new Set(record.map((r) => r.recordedBy).filter((x): x is string => !!x))]);
  const positions: PositionLine[] = record.map((r) => ({
    partner: r.partner,
    iso3: r.iso3,
    value: r.value,
    reason: r.reason,
    recordedBy: r.recordedByName ?? (r.recordedBy ? (names.get(r.recordedBy) ?? r.recordedBy) : null),
    recordedAt: r.recordedAt ? new Date(r.recordedAt) : null,
  }));
  return {
    revisionNumber: row.revisionNumber,
    submission: { reference: row.reference, submittedAt: row.submittedAt, submittedBy: row.submittedBy },
    positions,
    // As submitted: a later rename changes neither the cover nor the bytes of its exports.
    named: {
      title: row.paperTitle,
      kind: row.paperKind,
      dialogue: { name: row.dialogueName, code: row.dialogueCode },
    },
  };
}

/** The dialogue's partners as the ledger's margin names them: ISO code for a state, else the name. */
async function partnerCodes(db: Db, dialogueId: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ id: partners.id, name: partners.name, iso3: partners.iso3 })
    .from(dialoguePartners)
    .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
    .where(eq(dialoguePartners.dialogueId, dialogueId));
  return Object.fromEntries(rows.map((r) => [r.id, r.iso3 ?? r.name]));
}

type PaperFacts = {
  id: string;
  language: string;
  originalId: string | null;
  dialogueId: string;
  title: string;
  kind: PaperKind;
  status: PaperStatus;
  contentJson: unknown;
  updatedAt: Date;
  dialogue: { name: string; code: string };
};

/** When the live text last changed: its last stored update, or the paper's last write. */
async function lastChange(db: Db, paper: PaperFacts): Promise<Date> {
  const [row] = await db
    .select({ at: sql<string | Date | null>`max(${paperUpdates.createdAt})` })
    .from(paperUpdates)
    .where(eq(paperUpdates.paperId, paper.id));
  const at = row?.at ? new Date(row.at) : null;
  return at && at > paper.updatedAt ? at : paper.updatedAt;
}

/**
 * Builds the export source of a paper the caller is already allowed to export. The live draft
 * is read from the stored Yjs updates, so an export has every edit acknowledged as saved (the
 * readable snapshot is refreshed only seconds later); `keepMarks` keeps its suggestion and
 * comment-anchor marks (the annotated export), the hash is always that of the agreed text.
 */
async function sourceOf(
  db: Db,
  paper: PaperFacts,
  selector: RevisionSelector,
  options: { keepMarks?: boolean } = {},
): Promise<ExportSource> {
  const base = {
    paperId: paper.id,
    dialogue: paper.dialogue,
    title: paper.title,
    kind: paper.kind,
    status: paper.status,
    partnerCodes: await partnerCodes(db, paper.dialogueId),
    language: paper.language,
    texts: paper.originalId === null ? "" : paper.language,
    languages: null,
  };
  if (selector === "live") {
    const keepMarks = options.keepMarks === true;
    const [updates, date] = await Promise.all([loadPaperState(db, paper.id), lastChange(db, paper)]);
    const doc = await exportWork().liveDocument(updates, keepMarks);
    return {
      ...base,
      revision: null,
      symbol: null,
      date,
      hash: contentHash(keepMarks ? agreedContent(doc) : doc).hash,
      doc,
      positions: null,
      submission: null,
    };
  }
  // A language version's revision is its original's, holding the version's text (issue 19).
  const originalId = paper.originalId ?? paper.id;
  const [revision] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.paperId, originalId), eq(revisions.number, selector)));
  if (!revision) throw notFound("revision");
  let doc = revision.contentJson as DocNode;
  if (paper.originalId !== null) {
    const [own] = await db
      .select({ contentJson: revisionLanguages.contentJson })
      .from(revisionLanguages)
      .where(and(eq(revisionLanguages.revisionId, revision.id), eq(revisionLanguages.paperId, paper.id)));
    if (!own) throw notFound("revision");
    doc = own.contentJson as DocNode;
  }
  let positions: PositionLine[] | null = null;
  let submission: ExportSource["submission"] = null;
  let named: Pick<ExportSource, "title" | "kind" | "dialogue"> = base;
  if (paper.status === "submitted") {
    const facts = await submissionFacts(db, originalId);
    if (facts && facts.revisionNumber === revision.number) {
      positions = facts.positions;
      submission = facts.submission;
      named = facts.named;
    }
  } else if (paper.status === "agreed") {
    const round = await latestRound(db, { id: originalId, dialogueId: paper.dialogueId });
    if (round && round.outcome === "agreed" && round.revisionNumber === revision.number) {
      positions = round.positions.map((p) => ({
        partner: p.partner,
        iso3: p.iso3,
        value: p.value ?? (round.procedure === "silence" ? "approve_by_silence" : "none"),
        reason: p.reason,
        recordedBy: p.recordedBy,
        recordedAt: p.recordedAt,
      }));
    }
  }
  return {
    ...base,
    title: named.title,
    kind: named.kind,
    dialogue: named.dialogue,
    revision: revision.number,
    symbol: revision.documentSymbol,
    date: revision.frozenAt,
    hash: revision.contentHash,
    languages: await frozenLanguages(db, revision.id),
    doc,
    positions,
    submission,
  };
}

type SourceOptions = {
  /** Pending suggestions and open comments, for the live draft only (frozen texts never carry them). */
  includeAnnotations?: boolean;
  /** Language of the partner names in the annotations. */
  lang?: Locale;
};

/**
 * The export source for an actor: not found when the paper is not visible (existence does not
 * leak), forbidden when visible but not exportable (the policy's `paper.export`). With
 * annotations: refused (invalid input) for anything but the live draft, forbidden for an actor
 * who may not see the dialogue's comments; the hash stays that of the agreed text.
 */
export async function exportSourceForActor(
  db: Db,
  actor: Actor,
  paperId: string,
  selector: RevisionSelector,
  options: SourceOptions = {},
): Promise<ExportSource> {
  const found = await findPaperForActor(db, actor, paperId);
  if (!found) throw notFound("paper");
  authorize(actor, "paper.export", found.paper);
  if (!options.includeAnnotations) return sourceOf(db, { ...found.paper, dialogue: found.dialogue }, selector);
  if (selector !== "live") {
    throw invalidInput("suggestions and comments: live draft only", "exports.annotations.liveOnly");
  }
  if (!can(actor, "paper.exportAnnotations", found.paper)) {
    throw new AppError("forbidden", "annotations denied", "exports.annotations.forbidden");
  }
  const live = await sourceOf(db, { ...found.paper, dialogue: found.dialogue }, "live", { keepMarks: true });
  const annotations = await exportAnnotations(db, actor, found.paper, live.doc, options.lang ?? "en");
  if (!annotations) throw notFound("paper");
  return { ...live, annotations };
}

/**
 * The export source of a submitted text (its submitted revision), the original's or a language
 * version's frozen with it; no actor: callers scope.
 */
export async function submittedSource(db: Db, paperId: string): Promise<ExportSource> {
  const [row] = await db
    .select({ paper: papers, dialogue: { name: dialogues.name, code: dialogues.code }, revision: revisions.number })
    .from(papers)
    .innerJoin(dialogues, eq(dialogues.id, papers.dialogueId))
    .innerJoin(submissions, eq(submissions.paperId, sql`coalesce(${papers.originalId}, ${papers.id})`))
    .innerJoin(revisions, eq(revisions.id, submissions.revisionId))
    .where(and(eq(papers.id, paperId), eq(papers.status, "submitted")));
  if (!row) throw notFound("submission");
  return sourceOf(db, { ...row.paper, dialogue: row.dialogue }, row.revision);
}
