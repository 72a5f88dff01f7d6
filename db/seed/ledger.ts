// Where each demo text stands in the ledger of agreement, as far as its stage implies: a text
// still in consultation has agreed, ad referendum, bracketed and pending paragraphs; one put to
// the states is agreed but for one ad referendum paragraph; an agreed or submitted one is agreed
// throughout. Recorded in the blocks' attributes, as the chair's ledger control records them.
import type { DocNode } from "@/lib/document";

export type SeedStage = "draft" | "consultation" | "approval" | "agreed" | "submitted";

/** A calendar day (YYYY-MM-DD) some days after `now`: an ad referendum agreement's deadline. */
const dayAfter = (now: Date, days: number) =>
  new Date(now.getTime() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * `states`: the dialogue's state partners' ids, in the order the dialogue lists them; the first
 * ones are those holding brackets or confirming ad referendum.
 */
export function withSeedLedger(doc: DocNode, stage: SeedStage, states: string[], now: Date): DocNode {
  const blocks = doc.content ?? [];
  // The ledger speaks of paragraphs and headings (lib/ledger.ts); lists and tables carry no status.
  const inLedger = blocks.flatMap((block, index) =>
    block.type === "paragraph" || block.type === "heading" ? [index] : [],
  );
  const last = inLedger.length - 1;
  const [first, second] = states;
  /** The status of the `nth` block of the ledger. */
  const statusOf = (nth: number): Record<string, unknown> => {
    if (stage === "agreed" || stage === "submitted") return { agreement: "agreed" };
    if (stage === "approval") {
      return nth === last && first
        ? { agreement: "adRef", agreementPartners: [first], agreementUntil: dayAfter(now, 10) }
        : { agreement: "agreed" };
    }
    if (stage === "consultation") {
      if (nth < 4) return { agreement: "agreed" };
      if (nth === 5 && second)
        return { agreement: "adRef", agreementPartners: [second], agreementUntil: dayAfter(now, 7) };
      if (nth === last && first && second) return { agreement: "bracketed", agreementPartners: [first, second] };
    }
    return {};
  };
  return {
    ...doc,
    content: blocks.map((block, index) => {
      const nth = inLedger.indexOf(index);
      const status = nth >= 0 ? statusOf(nth) : {};
      return Object.keys(status).length > 0 ? { ...block, attrs: { ...block.attrs, ...status } } : block;
    }),
  };
}
