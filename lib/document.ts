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
