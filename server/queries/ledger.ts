// The progress of a text through the ledger of agreement: paragraphs by status in each frozen
// revision and in the live text, the live ledger itself, and the dialogue's delegations by name.
// The caller has checked that the actor may see the paper (paperForPage).
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dialoguePartners, papers, partners, revisions } from "@/db/schema";
import { partnerLabel } from "@/lib/countries";
import type { DocNode } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import type { Locale } from "@/lib/i18n/locales";
import { type LedgerEntry, type LedgerStatus, ledgerSummary, paragraphLedger } from "@/lib/ledger";
import { liveContentFromYDoc, loadPaperState, paperDoc } from "../collab/paper-state";

export type ProgressRow = {
  /** The revision's number; null for the live text. */
  revision: number | null;
  counts: Record<LedgerStatus, number>;
};

export type LedgerProgress = {
  rows: ProgressRow[];
  /** The live text's ledger (agreed wording; alternatives only for those who see suggestions). */
  current: LedgerEntry[];
  /** The dialogue's delegations: partner id to name in the reader's language. */
  partnerNames: Record<string, string>;
};

/**
 * `withSuggestions`: the caller may see pending suggestions (the policy's `paper.viewComments`),
 * so the live ledger is read from the live document and a bracketed paragraph lists the
 * alternatives proposed around it; otherwise from the agreed snapshot, without them.
 */
export async function ledgerProgress(
  db: Db,
  paper: { id: string; dialogueId: string },
  locale: Locale,
  { withSuggestions }: { withSuggestions: boolean },
): Promise<LedgerProgress> {
  const [frozen, [live], partnerNames] = await Promise.all([
    db
      .select({ number: revisions.number, contentJson: revisions.contentJson })
      .from(revisions)
      .where(eq(revisions.paperId, paper.id))
      .orderBy(asc(revisions.number)),
    db.select({ contentJson: papers.contentJson }).from(papers).where(eq(papers.id, paper.id)),
    dialoguePartnerNames(db, paper.dialogueId, locale),
  ]);
  const current = withSuggestions
    ? paragraphLedger(await liveContent(db, paper.id))
    : paragraphLedger(agreedContent((live?.contentJson ?? { type: "doc" }) as DocNode));
  return {
    rows: [
      ...frozen.map((r) => ({ revision: r.number, counts: ledgerSummary(paragraphLedger(r.contentJson as DocNode)) })),
      { revision: null, counts: ledgerSummary(current) },
    ],
    current,
    partnerNames,
  };
}

/**
 * The dialogue's partners, id to name in the reader's language, as the ledger's margin names
 * them. Who takes part in a dialogue is not confidential to anyone who may read its papers.
 */
export async function dialoguePartnerNames(
  db: Db,
  dialogueId: string,
  locale: Locale,
): Promise<Record<string, string>> {
  const rows = await db
    .select({ id: partners.id, name: partners.name, iso3: partners.iso3 })
    .from(dialoguePartners)
    .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
    .where(eq(dialoguePartners.dialogueId, dialogueId));
  return Object.fromEntries(rows.map((r) => [r.id, partnerLabel(r, locale)]));
}

async function liveContent(db: Db, paperId: string): Promise<DocNode> {
  const doc = paperDoc(await loadPaperState(db, paperId));
  try {
    return liveContentFromYDoc(doc);
  } finally {
    doc.destroy();
  }
}
