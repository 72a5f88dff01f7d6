// The compilation of amendments of a paper: every pending suggestion and every comment thread,
// in paragraph order, as the table secretariats circulate. Read from the stored Yjs state (the
// collaboration log, as live exports read it), without a live editor; shared by the page and the
// CSV download. Scoped: null unless the actor may see the paper's suggestions and threads.
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { commentThreads, type PaperStatus, partners, users } from "@/db/schema";
import { partnerLabel } from "@/lib/countries";
import type { DocNode } from "@/lib/document";
import { COMMENT_ANCHOR, parseSuggestionId, SUGGESTION_DELETE, SUGGESTION_INSERT } from "@/lib/editor/annotations";
import type { Locale } from "@/lib/i18n/locales";
import { paragraphNumbers } from "@/lib/numbering";
import { liveContentFromYDoc, loadPaperState, paperDoc } from "../collab/paper-state";
import { type Actor, can } from "../policy";
import { threadsOfPaper } from "./comments";
import { findPaperForActor } from "./papers";

/** A stretch of the proposed text: unchanged, inserted or deleted by the suggestion. */
export type RedlinePiece = { text: string; change: "ins" | "del" | null };

type RowBase = {
  /** The paragraph number the editor shows; null for an unnumbered block (heading, list, table…). */
  paragraph: number | null;
  /** The block's agreed text (pending insertions left out, text proposed for deletion kept). */
  original: string;
  partnerId: string | null;
  /** The partner the proposal speaks for, e.g. "France" ("" when none). */
  delegation: string;
  person: string;
};

export type SuggestionRow = RowBase & {
  kind: "suggestion";
  id: string;
  change: "insert" | "delete";
  /** The words inserted or deleted. */
  words: string;
  /** The block with this suggestion's change marked. */
  proposed: RedlinePiece[];
  status: "pending";
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

export type CompilationFilter = { delegation?: string; paragraph?: number };

export type Compilation = {
  rows: CompilationRow[];
  /** Every row's count before filtering. */
  total: number;
  /** The delegations that have rows, for the filter. */
  delegations: { id: string; label: string }[];
  /** The paragraph numbers that have rows, for the filter. */
  paragraphs: number[];
};

type Leaf = { text: string; insertId?: string; deleteId?: string; anchorIds: string[] };

/** The inline text of a block as leaves (nested blocks separated by a line break). */
function leavesOf(node: DocNode, into: Leaf[] = []): Leaf[] {
  if (node.type === "text") {
    const leaf: Leaf = { text: node.text ?? "", anchorIds: [] };
    for (const mark of node.marks ?? []) {
      const id = typeof mark.attrs?.id === "string" ? mark.attrs.id : undefined;
      if (!id) continue;
      if (mark.type === SUGGESTION_INSERT) leaf.insertId = id;
      else if (mark.type === SUGGESTION_DELETE) leaf.deleteId = id;
      else if (mark.type === COMMENT_ANCHOR) leaf.anchorIds.push(id);
    }
    into.push(leaf);
    return into;
  }
  if (node.type === "hardBreak") {
    into.push({ text: "\n", anchorIds: [] });
    return into;
  }
  const children = node.content ?? [];
  children.forEach((child, i) => {
    const isBlock = child.type !== "text" && child.type !== "hardBreak" && child.content !== undefined;
    if (isBlock && i > 0 && into.length > 0) into.push({ text: "\n", anchorIds: [] });
    leavesOf(child, into);
  });
  return into;
}

function merge(pieces: RedlinePiece[]): RedlinePiece[] {
  const out: RedlinePiece[] = [];
  for (const piece of pieces) {
    if (!piece.text) continue;
    const last = out[out.length - 1];
    if (last && last.change === piece.change) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

type Placed<T> = { block: number; offset: number; row: T };

/** The suggestions and anchors of the live document, per top-level block, in document order. */
function readDocument(doc: DocNode) {
  const numbers = paragraphNumbers(doc);
  const suggestions: Placed<{ id: string; change: "insert" | "delete"; words: string; proposed: RedlinePiece[] }>[] =
    [];
  const anchors = new Map<string, { block: number; offset: number }>();
  const originals: string[] = [];
  (doc.content ?? []).forEach((block, index) => {
    const leaves = leavesOf(block);
    originals[index] = leaves
      .filter((l) => !l.insertId)
      .map((l) => l.text)
      .join("");
    const seen = new Map<string, { offset: number; change: "insert" | "delete" }>();
    let offset = 0;
    for (const leaf of leaves) {
      const id = leaf.insertId ?? leaf.deleteId;
      if (id && !seen.has(id)) seen.set(id, { offset, change: leaf.insertId ? "insert" : "delete" });
      for (const anchor of leaf.anchorIds) if (!anchors.has(anchor)) anchors.set(anchor, { block: index, offset });
      offset += leaf.text.length;
    }
    for (const [id, { offset: at, change }] of seen) {
      const proposed: RedlinePiece[] = [];
      let words = "";
      for (const leaf of leaves) {
        if (leaf.insertId === id) {
          proposed.push({ text: leaf.text, change: "ins" });
          words += leaf.text;
        } else if (leaf.deleteId === id) {
          proposed.push({ text: leaf.text, change: "del" });
          words += leaf.text;
        } else if (!leaf.insertId) {
          // Others' pending insertions are not part of this proposal; the agreed text is.
          proposed.push({ text: leaf.text, change: null });
        }
      }
      suggestions.push({ block: index, offset: at, row: { id, change, words, proposed: merge(proposed) } });
    }
  });
  return { numbers, suggestions, anchors, originals };
}

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
  const [threads, content, threadPartners] = await Promise.all([
    threadsOfPaper(db, actor, paper, locale),
    liveDocument(db, paper.id),
    db
      .select({ id: commentThreads.id, partnerId: commentThreads.partnerId })
      .from(commentThreads)
      .where(eq(commentThreads.paperId, paper.id)),
  ]);
  if (threads === null) return null;
  const { numbers, suggestions, anchors, originals } = readDocument(content);

  const parsed = new Map(suggestions.map((s) => [s.row.id, parseSuggestionId(s.row.id)]));
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

  const placed: Placed<CompilationRow>[] = [];
  for (const s of suggestions) {
    const who = parsed.get(s.row.id);
    placed.push({
      block: s.block,
      offset: s.offset,
      row: {
        kind: "suggestion",
        ...s.row,
        paragraph: numbers[s.block] ?? null,
        original: originals[s.block] ?? "",
        partnerId: who?.partnerId ?? null,
        delegation: who?.partnerId ? (partnerName.get(who.partnerId) ?? "") : "",
        person: who ? (personName.get(who.userId) ?? "") : "",
        status: "pending",
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
      },
    });
  }
  // Paragraph order; within a paragraph, where the proposal starts (a suggestion before a thread there).
  placed.sort((a, b) => a.block - b.block || a.offset - b.offset || rank(a.row) - rank(b.row));
  const all = placed.map((p) => p.row);

  const delegations = new Map<string, string>();
  for (const row of all) if (row.partnerId && row.delegation) delegations.set(row.partnerId, row.delegation);
  const paragraphs = [...new Set(all.flatMap((r) => (r.paragraph === null ? [] : [r.paragraph])))].sort(
    (a, b) => a - b,
  );
  const rows = all.filter(
    (r) =>
      (filter.delegation === undefined || r.partnerId === filter.delegation) &&
      (filter.paragraph === undefined || r.paragraph === filter.paragraph),
  );
  return {
    rows,
    total: all.length,
    delegations: [...delegations]
      .map(([id, label]) => ({ id, label }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
    paragraphs,
  };
}

const rank = (row: CompilationRow) => (row.kind === "suggestion" ? 0 : 1);

/** The same, for a paper id (a route handler): null when it does not exist or the actor may not see it. */
export async function compilationForPaper(
  db: Db,
  actor: Actor,
  paperId: string,
  locale: Locale,
  filter: CompilationFilter = {},
): Promise<{ paper: { id: string; title: string }; compilation: Compilation } | null> {
  const found = await findPaperForActor(db, actor, paperId);
  if (!found) return null;
  const { paper } = found;
  const compilation = await compilationOfPaper(db, actor, paper, locale, filter);
  return compilation ? { paper: { id: paper.id, title: paper.title }, compilation } : null;
}
