// mammoth's output (always well-formed, escaped HTML) read into a small tree, for the DOCX
// import (docx.ts) to map onto the paper schema.
export type HtmlElement = { tag: string; attrs: Record<string, string>; children: HtmlNode[] };
export type HtmlNode = HtmlElement | { text: string };

const voidTags = new Set(["br", "img", "hr"]);

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] ?? "";
  });
}

/** Parses mammoth's output (always well-formed, escaped HTML) into a tree. */
export function parseSimpleHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { tag: "root", attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const pattern = /<(\/?)([a-zA-Z0-9]+)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
  for (const m of html.matchAll(pattern)) {
    const top = stack[stack.length - 1] as HtmlElement;
    if (m[5] !== undefined) {
      top.children.push({ text: decodeEntities(m[5]) });
      continue;
    }
    const tag = (m[2] as string).toLowerCase();
    if (m[1]) {
      const index = stack.map((n) => n.tag).lastIndexOf(tag);
      if (index > 0) stack.length = index;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? "").matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g))
      attrs[(a[1] as string).toLowerCase()] = decodeEntities(a[2] ?? "");
    const node = { tag, attrs, children: [] as HtmlNode[] };
    top.children.push(node);
    if (!voidTags.has(tag) && !m[4]) stack.push(node);
  }
  return root.children;
}

export const isElement = (n: HtmlNode): n is HtmlElement => "tag" in n;

export function plainText(nodes: HtmlNode[]): string {
  return nodes.map((n) => (isElement(n) ? plainText(n.children) : n.text)).join("");
}
