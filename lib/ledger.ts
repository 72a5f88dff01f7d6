// The ledger of agreement: where each paragraph and heading of a text stands in the negotiation.
// Read from the blocks' negotiation attributes (lib/editor/extensions.ts), so the ledger of a
// revision is recorded in, and hashed with, its frozen text. Every view, chart and export reads
// it through this one function.
import { agreementPartnersOf, agreementStatusOf, agreementUntilOf, type DocNode, docToPlainText } from "./document";
import {
  agreedContent,
  BLOCK_DELETE,
  BLOCK_INSERT,
  isProposedBlock,
  parseSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
} from "./editor/annotations";
import { fill } from "./i18n/fill";
import { paragraphNumbers } from "./numbering";

export const ledgerStatuses = ["agreed", "adRef", "bracketed", "pending"] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];

export type LedgerEntry = {
  /** Index of the block among the document's top-level blocks. */
  index: number;
  /** UN paragraph number; undefined for headings. */
  number: number | undefined;
  kind: "paragraph" | "heading";
  status: LedgerStatus;
  /** Delegations (partner ids): holding the brackets, or to confirm an ad referendum agreement. */
  partners: string[];
  /** Ad referendum: the date (YYYY-MM-DD) by which the delegations are to confirm; else null. */
  until: string | null;
  /** Bracketed: the alternative wordings on the table, each by the delegation proposing it. */
  alternatives: { partnerId: string | null; text: string }[];
  /** The block's text, for lists and charts. */
  text: string;
};

export type LedgerAlternative = LedgerEntry["alternatives"][number];

/** The block's text as it would read with one inline suggestion accepted and every other left out. */
function textWithSuggestion(node: DocNode, id: string): string {
  const keep = (child: DocNode): DocNode | null => {
    if (child.type !== "text") return { ...child, content: child.content?.flatMap((c) => keep(c) ?? []) };
    const marks = child.marks ?? [];
    const inserted = marks.find((m) => m.type === SUGGESTION_INSERT)?.attrs?.id;
    const deleted = marks.find((m) => m.type === SUGGESTION_DELETE)?.attrs?.id;
    if (inserted !== undefined && inserted !== id) return null;
    if (deleted === id) return null;
    return child;
  };
  return docToPlainText(keep(node) ?? { type: "doc" });
}

/** The open inline suggestions (insertions and deletions) of a block, by id, in reading order. */
function inlineSuggestionIds(node: DocNode): string[] {
  const ids: string[] = [];
  const walk = (child: DocNode) => {
    for (const mark of child.marks ?? []) {
      const id = mark.attrs?.id;
      if ((mark.type === SUGGESTION_INSERT || mark.type === SUGGESTION_DELETE) && typeof id === "string") ids.push(id);
    }
    for (const grandchild of child.content ?? []) walk(grandchild);
  };
  walk(node);
  return [...new Set(ids)];
}

/**
 * The alternatives on the table for the block at `index`: each open inline suggestion in it (the
 * paragraph as it would read), and each block proposed right before or after it, or proposed
 * in its place (a block suggestion deleting it), with the proposed blocks' text.
 */
function alternativesAround(blocks: DocNode[], index: number): LedgerAlternative[] {
  const node = blocks[index] as DocNode;
  const alternatives: LedgerAlternative[] = [];
  const seen = new Set<string>();
  const add = (id: string, text: string) => {
    const parsed = parseSuggestionId(id);
    if (!parsed || seen.has(id) || !text.trim()) return;
    seen.add(id);
    alternatives.push({ partnerId: parsed.partnerId, text });
  };
  for (const id of inlineSuggestionIds(node)) add(id, textWithSuggestion(node, id));
  // Proposed blocks next to it (a contiguous run either side), grouped by their suggestion id.
  const proposed = new Map<string, string[]>();
  const collect = (i: number) => {
    const block = blocks[i] as DocNode;
    const id = block.attrs?.[BLOCK_INSERT];
    if (typeof id !== "string") return;
    proposed.set(id, [...(proposed.get(id) ?? []), docToPlainText(block)]);
  };
  for (let i = index - 1; i >= 0 && isProposedBlock(blocks[i] as DocNode); i--) collect(i);
  for (let i = index + 1; i < blocks.length && isProposedBlock(blocks[i] as DocNode); i++) collect(i);
  const replacing = node.attrs?.[BLOCK_DELETE];
  const ordered = [...proposed.keys()].sort((a, b) => Number(b === replacing) - Number(a === replacing));
  for (const id of ordered) add(id, (proposed.get(id) ?? []).join("\n"));
  return alternatives;
}

/**
 * The ledger of a text: one entry per top-level paragraph with text and per heading. The text is
 * the agreed wording (pending insertions left out); a bracketed block lists its alternatives.
 */
export function paragraphLedger(doc: DocNode): LedgerEntry[] {
  const numbers = paragraphNumbers(doc);
  const blocks = doc.content ?? [];
  const entries: LedgerEntry[] = [];
  blocks.forEach((node, index) => {
    if (isProposedBlock(node)) return;
    const kind = node.type === "heading" ? "heading" : node.type === "paragraph" ? "paragraph" : null;
    if (!kind) return;
    const text = docToPlainText(agreedContent(node));
    if (!text.trim()) return;
    const status = blockLedgerStatus(node);
    entries.push({
      index,
      number: numbers[index],
      kind,
      ...status,
      alternatives: status.status === "bracketed" ? alternativesAround(blocks, index) : [],
      text,
    });
  });
  return entries;
}

/** How many entries stand at each status. */
export function ledgerSummary(entries: readonly LedgerEntry[]): Record<LedgerStatus, number> {
  const summary: Record<LedgerStatus, number> = { agreed: 0, adRef: 0, bracketed: 0, pending: 0 };
  for (const entry of entries) summary[entry.status] += 1;
  return summary;
}

/** The strings of the ledger labels (lib/i18n/messages/ledger.ts), in the reader's language. */
export type LedgerLabelStrings = {
  status: Record<LedgerStatus, string>;
  adRefUntil: string;
  withPartners: string;
};

/** "12 Dec" in the reader's language; the date is a calendar day, so read as UTC. */
export function ledgerDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * The short status label shown beside a paragraph, in words: "Agreed", "Ad ref. until 12 Dec
 * (Spain)", "Bracketed (Morocco)". Unknown partner ids are left out rather than shown raw.
 */
export function ledgerLabel(
  entry: Pick<LedgerEntry, "status" | "partners" | "until">,
  labels: LedgerLabelStrings,
  partnerNames: Readonly<Record<string, string>>,
  locale: string,
): string {
  const base =
    entry.status === "adRef" && entry.until
      ? fill(labels.adRefUntil, { date: ledgerDay(entry.until, locale) })
      : labels.status[entry.status];
  const names = entry.partners.map((id) => partnerNames[id]).filter((name): name is string => Boolean(name));
  return names.length > 0 ? fill(labels.withPartners, { label: base, partners: names.join(", ") }) : base;
}

/**
 * The status of one block on its own (the editor's and the read-only view's margins). Partners
 * hold brackets or confirm an ad ref.: an agreed or pending block names none.
 */
export function blockLedgerStatus(node: DocNode): Pick<LedgerEntry, "status" | "partners" | "until"> {
  const status = agreementStatusOf(node) ?? "pending";
  return {
    status,
    partners: status === "bracketed" || status === "adRef" ? agreementPartnersOf(node) : [],
    until: status === "adRef" ? agreementUntilOf(node) : null,
  };
}
