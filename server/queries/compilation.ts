// The compilation of amendments of a paper: every suggestion (pending, or accepted, rejected or
// withdrawn) and every comment thread, in paragraph order, with the chair's proposed disposition,
// as the table secretariats circulate. Pending suggestions and threads' places are read from the
// stored Yjs state (the collaboration log, as live exports read it), without a live editor;
// decided suggestions from the audit rows of their decisions (server/domain/suggestion-record.ts);
// dispositions from compilation_dispositions (the latest per row). Shared by the page, the CSV and
// the DOCX and PDF exports. Scoped: null unless the actor may see the paper's suggestions and threads.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, commentThreads, compilationDispositions, type PaperStatus, partners, users } from "@/db/schema";
import { partnerLabel } from "@/lib/countries";
import type { DocNode } from "@/lib/document";
import { parseSuggestionId } from "@/lib/editor/annotations";
import type { SuggestionChange } from "@/lib/editor/suggestion-change";
import type { Locale } from "@/lib/i18n/locales";
import { liveContentFromYDoc, loadPaperState, paperDoc } from "../collab/paper-state";
import { type DispositionValue, rowKey } from "../domain/dispositions";
import { readDecisionDetails } from "../domain/suggestion-record";
import { type Actor, can } from "../policy";
import { threadsOfPaper } from "./comments";
import { type Placed, type RedlinePiece, readDocument } from "./compilation-document";
import { findPaperForActor } from "./papers";

export type { RedlinePiece } from "./compilation-document";

/** The chair's proposed disposition of a row (the latest recorded). */
export type RowDisposition = {
  value: DispositionValue;
  /** For "merge": the row it is merged with, as shown (its paragraph and delegation), or null if unknown. */
  mergeWith: { key: string; paragraph: number | null; delegation: string } | null;
  amendedText: string | null;
  note: string;
  /** ISO date and time, and who recorded it. */
  recordedAt: string;
  recordedBy: string;
};

type RowBase = {
  /** "suggestion:<id>" or "thread:<id>": names the row in forms and merges. */
  key: string;
  /** The paragraph number the editor shows; null for an unnumbered block (heading, list, table…). */
  paragraph: number | null;
  /** The block's agreed text (pending insertions left out, text proposed for deletion kept). */
  original: string;
  partnerId: string | null;
  /** The partner the proposal speaks for, e.g. "France" ("" when none). */
  delegation: string;
  person: string;
  disposition: RowDisposition | null;
};

export type SuggestionRow = RowBase & {
  kind: "suggestion";
  id: string;
  /** What it proposes: words inserted or deleted, a new or deleted paragraph, a split, a move, formatting… */
  change: SuggestionChange;
  /** For a change of formatting: the formatting proposed (e.g. ["bold"]). */
  formats: string[];
  /** The words inserted or deleted. */
  words: string;
  /** The block with this suggestion's change marked. */
  proposed: RedlinePiece[];
  status: SuggestionStatus;
  /** ISO date and time of the decision (accepted, rejected, withdrawn); null while pending. */
  decidedAt: string | null;
};

export type ThreadRow = RowBase & {
  kind: "thread";
  id: string;
  quote: string;
  /** ISO date and time the thread was opened. */
  createdAt: string;
  /** The first comment's body, plain text as written ("" when it was deleted). */
  body: string;
  replies: number;
  /** The commented passage was deleted: the thread has no paragraph any more. */
  detached: boolean;
  status: "open" | "resolved";
};

export type CompilationRow = SuggestionRow | ThreadRow;

export const suggestionStatuses = ["pending", "accepted", "rejected", "withdrawn", "lapsed"] as const;
export type SuggestionStatus = (typeof suggestionStatuses)[number];
export const compilationStatuses = [...suggestionStatuses, "open", "resolved"] as const;
export type CompilationStatus = (typeof compilationStatuses)[number];

export type CompilationFilter = { delegation?: string; paragraph?: number; status?: CompilationStatus };

export type Compilation = {
  rows: CompilationRow[];
  /** Every row, before filtering (what a merge may point to). */
  all: CompilationRow[];
  /** Every row's count before filtering. */
  total: number;
  /** The delegations that have rows, for the filter. */
  delegations: { id: string; label: string }[];
  /** The paragraph numbers that have rows, for the filter. */
  paragraphs: number[];
};

/** The paper's live document (suggestions and anchors included), from the stored state. */
async function liveDocument(db: Db, paperId: string): Promise<DocNode> {
  const doc = paperDoc(await loadPaperState(db, paperId));
  try {
    return liveContentFromYDoc(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The compilation of a paper the caller has read (a page, through the policy's scope), filtered
 * by delegation (partner id) and paragraph number; null when the actor may not see it.
 */
export async function compilationOfPaper(
  db: Db,
  actor: Actor,
  paper: { id: string; dialogueId: string; status: PaperStatus },
  locale: Locale,
  filter: CompilationFilter = {},
): Promise<Compilation | null> {
  if (!can(actor, "paper.viewComments", paper)) return null;
  const [threads, content, threadPartners, decisions, dispositions] = await Promise.all([
    threadsOfPaper(db, actor, paper, locale),
    liveDocument(db, paper.id),
    db
      .select({ id: commentThreads.id, partnerId: commentThreads.partnerId })
      .from(commentThreads)
      .where(eq(commentThreads.paperId, paper.id)),
    db
      .select({
        id: auditEvents.targetId,
        action: auditEvents.action,
        details: auditEvents.details,
        at: auditEvents.createdAt,
      })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.paperId, paper.id),
          eq(auditEvents.targetType, "suggestion"),
          inArray(auditEvents.action, Object.keys(DECIDED)),
        ),
      )
      .orderBy(asc(auditEvents.id)),
    db
      .select({
        rowKind: compilationDispositions.rowKind,
        rowId: compilationDispositions.rowId,
        value: compilationDispositions.disposition,
        mergeWith: compilationDispositions.mergeWith,
        amendedText: compilationDispositions.amendedText,
        note: compilationDispositions.note,
        recordedAt: compilationDispositions.recordedAt,
        recordedBy: users.name,
      })
      .from(compilationDispositions)
      .innerJoin(users, eq(users.id, compilationDispositions.recordedBy))
      .where(eq(compilationDispositions.paperId, paper.id))
      .orderBy(asc(compilationDispositions.id)),
  ]);
  if (threads === null) return null;
  const { numbers, suggestions, anchors, originals } = readDocument(content);

  // Decided suggestions: the latest decision of each, unless it is pending in the text again.
  const pendingIds = new Set(suggestions.map((s) => s.row.id));
  const decided = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) if (!pendingIds.has(d.id)) decided.set(d.id, d);

  const parsed = new Map([...pendingIds, ...decided.keys()].map((id) => [id, parseSuggestionId(id)] as const));
  const userIds = [...new Set([...parsed.values()].flatMap((p) => (p ? [p.userId] : [])))];
  const partnerIds = [...new Set([...parsed.values()].flatMap((p) => (p?.partnerId ? [p.partnerId] : [])))];
  const [people, partnerRows] = await Promise.all([
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
    partnerIds.length
      ? db
          .select({ id: partners.id, name: partners.name, iso3: partners.iso3 })
          .from(partners)
          .where(inArray(partners.id, partnerIds))
      : [],
  ]);
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const partnerName = new Map(partnerRows.map((p) => [p.id, partnerLabel(p, locale)]));
  const threadPartner = new Map(threadPartners.map((t) => [t.id, t.partnerId]));

  const who = (id: string) => {
    const p = parsed.get(id);
    return {
      partnerId: p?.partnerId ?? null,
      delegation: p?.partnerId ? (partnerName.get(p.partnerId) ?? "") : "",
      person: p ? (personName.get(p.userId) ?? "") : "",
    };
  };

  const placed: Placed<CompilationRow>[] = [];
  for (const s of suggestions) {
    placed.push({
      block: s.block,
      offset: s.offset,
      row: {
        kind: "suggestion",
        key: rowKey({ kind: "suggestion", id: s.row.id }),
        ...s.row,
        paragraph: numbers[s.block] ?? null,
        original: originals[s.block] ?? "",
        ...who(s.row.id),
        status: "pending",
        decidedAt: null,
        disposition: null,
      },
    });
  }
  // A decided suggestion goes where its paragraph is now (by number), at the place it started.
  const blockOfParagraph = new Map<number, number>();
  numbers.forEach((n, block) => {
    if (n !== null && n !== undefined && !blockOfParagraph.has(n)) blockOfParagraph.set(n, block);
  });
  for (const [id, decision] of decided) {
    const details = readDecisionDetails(decision.details);
    const paragraph = details.paragraph ?? null;
    const change: SuggestionChange = details.change ?? (details.kind === "delete" ? "delete" : "insert");
    const words = details.text ?? "";
    const block =
      paragraph === null
        ? Number.POSITIVE_INFINITY
        : (blockOfParagraph.get(paragraph) ?? numbers.length + paragraph / 1_000_000);
    placed.push({
      block,
      offset: details.offset ?? 0,
      row: {
        kind: "suggestion",
        key: rowKey({ kind: "suggestion", id }),
        id,
        change,
        formats: details.formats ?? [],
        words,
        // Decided before the decision recorded its redline: the words alone, as inserted or deleted.
        proposed: details.proposed ?? (words ? [{ text: words, change: change === "delete" ? "del" : "ins" }] : []),
        paragraph,
        original: details.original ?? "",
        ...who(id),
        status: DECIDED[decision.action as keyof typeof DECIDED],
        decidedAt: decision.at.toISOString(),
        disposition: null,
      },
    });
  }
  for (const thread of threads) {
    // A thread whose passage was deleted has no paragraph: it comes after the text's.
    const at = anchors.get(thread.anchorId);
    const block = at?.block ?? Number.POSITIVE_INFINITY;
    const first = thread.comments[0];
    placed.push({
      block,
      offset: at?.offset ?? 0,
      row: {
        kind: "thread",
        key: rowKey({ kind: "thread", id: thread.id }),
        id: thread.id,
        paragraph: at ? (numbers[at.block] ?? null) : null,
        original: at ? (originals[at.block] ?? "") : "",
        partnerId: threadPartner.get(thread.id) ?? null,
        delegation: thread.partner,
        person: thread.authorName,
        quote: thread.quote,
        createdAt: thread.createdAt,
        body: first && !first.deleted ? first.body : "",
        replies: Math.max(0, thread.comments.length - 1),
        detached: at === undefined,
        status: thread.resolvedAt ? "resolved" : "open",
        disposition: null,
      },
    });
  }
  // Paragraph order; within a paragraph, where the proposal starts (a suggestion before a thread there).
  placed.sort((a, b) => a.block - b.block || a.offset - b.offset || rank(a.row) - rank(b.row));
  const all = placed.map((p) => p.row);

  // The latest disposition of each row wins.
  const byKey = new Map(all.map((row) => [row.key, row]));
  for (const d of dispositions) {
    const row = byKey.get(`${d.rowKind}:${d.rowId}`);
    if (!row) continue;
    const target = d.mergeWith ? byKey.get(d.mergeWith) : undefined;
    row.disposition = {
      value: d.value,
      mergeWith: d.mergeWith
        ? { key: d.mergeWith, paragraph: target?.paragraph ?? null, delegation: target?.delegation ?? "" }
        : null,
      amendedText: d.amendedText,
      note: d.note,
      recordedAt: d.recordedAt.toISOString(),
      recordedBy: d.recordedBy,
    };
  }

  const delegations = new Map<string, string>();
  for (const row of all) if (row.partnerId && row.delegation) delegations.set(row.partnerId, row.delegation);
  const paragraphs = [...new Set(all.flatMap((r) => (r.paragraph === null ? [] : [r.paragraph])))].sort(
    (a, b) => a - b,
  );
  const rows = all.filter(
    (r) =>
      (filter.delegation === undefined || r.partnerId === filter.delegation) &&
      (filter.paragraph === undefined || r.paragraph === filter.paragraph) &&
      (filter.status === undefined || r.status === filter.status),
  );
  return {
    rows,
    all,
    total: all.length,
    delegations: [...delegations]
      .map(([id, label]) => ({ id, label }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    paragraphs,
  };
}

const rank = (row: CompilationRow) => (row.kind === "suggestion" ? 0 : 1);

/** The audit actions of a decision, and the status each leaves the suggestion in. */
const DECIDED = {
  "suggestion.accepted": "accepted",
  "suggestion.rejected": "rejected",
  "suggestion.withdrawn": "withdrawn",
  // Carried over at a freeze, still pending when the text was agreed (server/domain/workflow.ts).
  "suggestion.lapsed": "lapsed",
} as const satisfies Record<string, SuggestionStatus>;

/** The same, for a paper id (a route handler): null when it does not exist or the actor may not see it. */
export async function compilationForPaper(
  db: Db,
  actor: Actor,
  paperId: string,
  locale: Locale,
  filter: CompilationFilter = {},
): Promise<{
  paper: { id: string; title: string };
  dialogue: { name: string; code: string };
  compilation: Compilation;
} | null> {
  const found = await findPaperForActor(db, actor, paperId);
  if (!found) return null;
  const { paper, dialogue } = found;
  const compilation = await compilationOfPaper(db, actor, paper, locale, filter);
  return compilation
    ? {
        paper: { id: paper.id, title: paper.title },
        dialogue: { name: dialogue.name, code: dialogue.code },
        compilation,
      }
    : null;
}
