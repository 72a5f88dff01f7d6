// The ledger of agreement: where each paragraph and heading of a text stands in the negotiation.
// Read from the blocks' negotiation attributes (lib/editor/extensions.ts), so the ledger of a
// revision is recorded in, and hashed with, its frozen text. Every view, chart and export reads
// it through this one function.
import { agreementPartnersOf, agreementStatusOf, agreementUntilOf, type DocNode, docToPlainText } from "./document";
import { isProposedBlock } from "./editor/annotations";
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

/** The ledger of a text: one entry per top-level paragraph with text and per heading. */
export function paragraphLedger(doc: DocNode): LedgerEntry[] {
  const numbers = paragraphNumbers(doc);
  const entries: LedgerEntry[] = [];
  (doc.content ?? []).forEach((node, index) => {
    if (isProposedBlock(node)) return;
    const kind = node.type === "heading" ? "heading" : node.type === "paragraph" ? "paragraph" : null;
    if (!kind) return;
    const text = docToPlainText(node);
    if (!text.trim()) return;
    const status = agreementStatusOf(node) ?? "pending";
    entries.push({
      index,
      number: numbers[index],
      kind,
      status,
      // Partners hold brackets or confirm an ad ref.; an agreed or pending block names none.
      partners: status === "bracketed" || status === "adRef" ? agreementPartnersOf(node) : [],
      until: status === "adRef" ? agreementUntilOf(node) : null,
      alternatives: [],
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
