// The ledger of agreement: where each paragraph and heading of a text stands in the negotiation.
// Read from the blocks' negotiation attributes (lib/editor/extensions.ts), so the ledger of a
// revision is recorded in, and hashed with, its frozen text. Every view, chart and export reads
// it through this one function.
import { agreementPartnersOf, agreementStatusOf, agreementUntilOf, type DocNode, docToPlainText } from "./document";
import { isProposedBlock } from "./editor/annotations";
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
    entries.push({
      index,
      number: numbers[index],
      kind,
      ...blockLedgerStatus(node),
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
