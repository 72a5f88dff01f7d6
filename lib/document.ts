// The stored form of a paper's text: ProseMirror (Tiptap) JSON.
export type DocMark = { type: string; attrs?: Record<string, unknown> };
export type DocNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
};

export function emptyDoc(): DocNode {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

const blockTypes = new Set(["paragraph", "heading", "listItem", "blockquote", "tableRow", "tableCell", "tableHeader"]);

/** Plain text, one line per block, for listings, search and previews. */
export function docToPlainText(doc: DocNode): string {
  const lines: string[] = [];
  let current = "";
  const walk = (node: DocNode) => {
    if (node.type === "text") {
      current += node.text ?? "";
      return;
    }
    if (node.type === "hardBreak") {
      current += "\n";
      return;
    }
    for (const child of node.content ?? []) walk(child);
    if (blockTypes.has(node.type) && current.length > 0) {
      lines.push(current);
      current = "";
    }
  };
  walk(doc);
  if (current) lines.push(current);
  return lines.join("\n");
}

export function isDocNode(value: unknown): value is DocNode {
  return typeof value === "object" && value !== null && typeof (value as DocNode).type === "string";
}

/** Paragraph-level negotiation marks as printed in the text ([bracketed], "(ad ref.)"). */
export type AgreementMark = "bracketed" | "adRef";

/** The negotiation status a block may carry in its `agreement` attribute (null: pending). */
export type AgreementStatus = "agreed" | AgreementMark;

/** Most delegations one block's ledger entry names (brackets held, ad ref. to confirm). */
export const AGREEMENT_PARTNERS_MAX = 50;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isAgreementStatus(value: unknown): value is AgreementStatus {
  return value === "agreed" || value === "bracketed" || value === "adRef";
}

/** Partner ids as stored in `agreementPartners`: distinct lowercase uuids, at most 50. */
export function isAgreementPartners(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= AGREEMENT_PARTNERS_MAX &&
    value.every((id) => typeof id === "string" && uuidPattern.test(id)) &&
    new Set(value).size === value.length
  );
}

/** A real calendar date written YYYY-MM-DD, as stored in `agreementUntil`. */
export function isAgreementUntil(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The mark printed in the text; "agreed" prints nothing, so readers of the text see null. */
export function agreementOf(node: DocNode): AgreementMark | null {
  const value = node.attrs?.agreement;
  return value === "bracketed" || value === "adRef" ? value : null;
}

/** The block's negotiation status, "agreed" included; null when pending. */
export function agreementStatusOf(node: DocNode): AgreementStatus | null {
  const value = node.attrs?.agreement;
  return isAgreementStatus(value) ? value : null;
}

/** The delegations named on the block (valid stored values only). */
export function agreementPartnersOf(node: DocNode): string[] {
  const value = node.attrs?.agreementPartners;
  return isAgreementPartners(value) ? [...value] : [];
}

/** The ad referendum date of the block, or null. */
export function agreementUntilOf(node: DocNode): string | null {
  const value = node.attrs?.agreementUntil;
  return isAgreementUntil(value) ? value : null;
}

/** True when any block is still [bracketed] (not agreed): such a text cannot go to a round. */
export function hasBracketedText(doc: DocNode): boolean {
  if (agreementOf(doc) === "bracketed") return true;
  return (doc.content ?? []).some(hasBracketedText);
}
