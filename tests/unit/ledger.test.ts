// The ledger of agreement read from the blocks' negotiation attributes: status, delegations and
// ad referendum date per paragraph and heading, the counts, and that the ledger is part of the
// hash that identifies a revision.
import { describe, expect, it } from "vitest";
import {
  agreementOf,
  agreementStatusOf,
  type DocNode,
  hasBracketedText,
  isAgreementPartners,
  isAgreementUntil,
} from "@/lib/document";
import { newSuggestionId } from "@/lib/editor/annotations";
import { ledgerSummary, paragraphLedger } from "@/lib/ledger";
import { contentHash } from "@/server/canonical";

const SPAIN = "33333333-3333-4333-8333-333333333333";
const MOROCCO = "44444444-4444-4444-8444-444444444444";

const block = (type: "paragraph" | "heading", text: string, attrs: Record<string, unknown> = {}): DocNode => ({
  type,
  attrs: type === "heading" ? { level: 2, ...attrs } : attrs,
  content: text ? [{ type: "text", text }] : [],
});

const doc: DocNode = {
  type: "doc",
  content: [
    block("heading", "Preamble", { agreement: "agreed" }),
    block("paragraph", "Recalling the Rabat Process.", { agreement: "agreed", agreementPartners: [SPAIN] }),
    block("paragraph", "Welcoming cooperation.", {
      agreement: "adRef",
      agreementPartners: [SPAIN, MOROCCO],
      agreementUntil: "2026-12-12",
    }),
    block("paragraph", "Decides to meet yearly.", { agreement: "bracketed", agreementPartners: [MOROCCO] }),
    block("paragraph", "Invites the secretariat.", { agreementPartners: [SPAIN], agreementUntil: "2026-12-12" }),
    block("paragraph", ""),
    block("paragraph", "Forged values.", { agreement: "adRef", agreementPartners: ["x"], agreementUntil: "soon" }),
  ],
};

describe("paragraphLedger", () => {
  it("reads status, delegations and date from the blocks, numbering paragraphs only", () => {
    const ledger = paragraphLedger(doc);
    expect(ledger.map((e) => [e.index, e.number, e.kind, e.status, e.partners, e.until])).toEqual([
      [0, undefined, "heading", "agreed", [], null],
      // Agreed: no delegation to wait for, whatever the block still carries.
      [1, 1, "paragraph", "agreed", [], null],
      [2, 2, "paragraph", "adRef", [SPAIN, MOROCCO], "2026-12-12"],
      [3, 3, "paragraph", "bracketed", [MOROCCO], null],
      // No status: pending, and the stray details are not shown.
      [4, 4, "paragraph", "pending", [], null],
      // Invalid stored values are ignored rather than trusted.
      [6, 5, "paragraph", "adRef", [], null],
    ]);
    expect(ledger[2]?.text).toBe("Welcoming cooperation.");
  });

  it("counts entries by status", () => {
    expect(ledgerSummary(paragraphLedger(doc))).toEqual({ agreed: 2, adRef: 2, bracketed: 1, pending: 1 });
    expect(ledgerSummary([])).toEqual({ agreed: 0, adRef: 0, bracketed: 0, pending: 0 });
  });

  it("keeps the printed marks as before: agreed prints nothing and is not bracketed text", () => {
    const agreed = block("paragraph", "a", { agreement: "agreed" });
    expect(agreementOf(agreed)).toBeNull();
    expect(agreementStatusOf(agreed)).toBe("agreed");
    expect(hasBracketedText({ type: "doc", content: [agreed] })).toBe(false);
    expect(hasBracketedText(doc)).toBe(true);
  });

  it("accepts only distinct uuids (at most 50) and real dates", () => {
    expect(isAgreementPartners([SPAIN, MOROCCO])).toBe(true);
    expect(isAgreementPartners([SPAIN, SPAIN])).toBe(false);
    expect(isAgreementPartners(SPAIN)).toBe(false);
    expect(
      isAgreementPartners(Array.from({ length: 51 }, (_, i) => SPAIN.replace(/^.{2}/, String(i).padStart(2, "0")))),
    ).toBe(false);
    expect(isAgreementUntil("2028-02-29")).toBe(true);
    expect(isAgreementUntil("2027-02-29")).toBe(false);
    expect(isAgreementUntil("2026-12-1")).toBe(false);
  });
});

describe("the ledger in the revision hash", () => {
  it("changes the hash when a status, a delegation or a date changes", () => {
    const withAttrs = (attrs: Record<string, unknown>) =>
      contentHash({ type: "doc", content: [block("paragraph", "Text.", attrs)] }).hash;
    const hashes = [
      withAttrs({}),
      withAttrs({ agreement: "agreed" }),
      withAttrs({ agreement: "adRef", agreementPartners: [SPAIN] }),
      withAttrs({ agreement: "adRef", agreementPartners: [MOROCCO] }),
      withAttrs({ agreement: "adRef", agreementPartners: [MOROCCO], agreementUntil: "2026-12-12" }),
      withAttrs({ agreement: "adRef", agreementPartners: [MOROCCO], agreementUntil: "2026-12-13" }),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
    // Absent and null are one and the same pending paragraph.
    expect(withAttrs({ agreement: null, agreementPartners: null, agreementUntil: null })).toBe(hashes[0]);
  });
});

describe("the alternatives of a bracketed paragraph", () => {
  const USER = "11111111-1111-4111-8111-111111111111";
  const text = (value: string, marks?: DocNode["marks"]): DocNode => ({
    type: "text",
    text: value,
    ...(marks ? { marks } : {}),
  });
  const paragraph = (content: DocNode[], attrs?: Record<string, unknown>): DocNode => ({
    type: "paragraph",
    attrs,
    content,
  });

  it("lists its open suggestions, inline and block, each by its delegation, beside the agreed wording", () => {
    const spanish = newSuggestionId(USER, SPAIN);
    const moroccan = newSuggestionId(USER, MOROCCO);
    const replacement = newSuggestionId(USER, null);
    const doc: DocNode = {
      type: "doc",
      content: [
        paragraph([text("Unrelated.")], { agreement: "agreed" }),
        paragraph(
          [
            text("States shall "),
            text("promote", [{ type: "suggestionDelete", attrs: { id: spanish } }]),
            text("encourage", [{ type: "suggestionInsert", attrs: { id: spanish } }]),
            text(" circular migration"),
            text(" and return", [{ type: "suggestionInsert", attrs: { id: moroccan } }]),
            text("."),
          ],
          { agreement: "bracketed", agreementPartners: [SPAIN, MOROCCO], suggestedDeletion: replacement },
        ),
        paragraph(
          [text("Member States may promote mobility.", [{ type: "suggestionInsert", attrs: { id: replacement } }])],
          {
            suggestedInsertion: replacement,
          },
        ),
        paragraph([text("Next.")]),
      ],
    };
    const ledger = paragraphLedger(doc);
    expect(ledger.map((e) => e.number)).toEqual([1, 2, 3]);
    const bracketed = ledger[1];
    expect(bracketed?.text).toBe("States shall promote circular migration.");
    expect(bracketed?.partners).toEqual([SPAIN, MOROCCO]);
    expect(bracketed?.alternatives).toEqual([
      { partnerId: SPAIN, text: "States shall encourage circular migration." },
      { partnerId: MOROCCO, text: "States shall promote circular migration and return." },
      { partnerId: null, text: "Member States may promote mobility." },
    ]);
    expect(ledger[2]?.alternatives).toEqual([]);
  });
});
