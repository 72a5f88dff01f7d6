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

/** Paragraph-level negotiation marks, stored as the `agreement` attribute of a block. */
export type AgreementMark = "bracketed" | "adRef";

export function agreementOf(node: DocNode): AgreementMark | null {
  const value = node.attrs?.agreement;
  return value === "bracketed" || value === "adRef" ? value : null;
}

/** True when any block is still [bracketed] (not agreed): such a text cannot go to a round. */
export function hasBracketedText(doc: DocNode): boolean {
  if (agreementOf(doc) === "bracketed") return true;
  return (doc.content ?? []).some(hasBracketedText);
}
