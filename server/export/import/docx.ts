// Reading a Word file into the paper schema. mammoth reads the DOCX into simple, well-formed
// HTML (headings, paragraphs, lists, tables, bold/italic/underline/strike, links, notes); this
// module maps that HTML to the paper schema. Anything that is not a readable DOCX within the
// limits is refused with a clear message. An Accord export comes back as its text: cover block
// dropped, paragraph numbers (which the app computes) stripped, [brackets] and "(ad ref.)"
// restored as paragraph marks. Pure (no database): it runs on the export thread
// (server/export/thread.ts); server/domain/import-docx.ts makes the paper.
import { Node as PmNode } from "@tiptap/pm/model";
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import mammoth from "mammoth";
import type { DocMark, DocNode } from "@/lib/document";
import { translator } from "@/lib/i18n/translate";
import { documentSchema } from "../../collab/paper-state";
import { AppError, invalidInput } from "../../errors";
import { markerPattern } from "../marker";
import { safeHref } from "../render/model";
import { type HtmlElement, type HtmlNode, isElement, parseSimpleHtml, plainText } from "./html-tree";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ENTRIES, IMPORT_MAX_UNCOMPRESSED } from "./limits";

const inlineMarks: Record<string, DocMark> = {
  strong: { type: "bold" },
  b: { type: "bold" },
  em: { type: "italic" },
  i: { type: "italic" },
  u: { type: "underline" },
  s: { type: "strike" },
  del: { type: "strike" },
  strike: { type: "strike" },
  code: { type: "code" },
};

type Ctx = { notes: Map<string, string> };

function inlineContent(nodes: HtmlNode[], marks: DocMark[], ctx: Ctx): DocNode[] {
  const out: DocNode[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      const text = node.text.replace(/[\r\n]+/g, " ");
      if (text) out.push({ type: "text", text, ...(marks.length ? { marks: [...marks] } : {}) });
      continue;
    }
    if (node.tag === "br") {
      out.push({ type: "hardBreak" });
      continue;
    }
    if (node.tag === "img") continue;
    // A note reference: <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>
    const noteLink = node.tag === "a" ? node : node.tag === "sup" ? node.children.find(isElement) : undefined;
    const noteId =
      noteLink && isElement(noteLink) ? /^#((?:foot|end)note-\d+)$/.exec(noteLink.attrs.href ?? "")?.[1] : undefined;
    if (noteId) {
      out.push({ type: "footnote", attrs: { content: ctx.notes.get(noteId) ?? "" } });
      continue;
    }
    if (node.tag === "a") {
      const href = safeHref(node.attrs.href);
      out.push(...inlineContent(node.children, href ? [...marks, { type: "link", attrs: { href } }] : marks, ctx));
      continue;
    }
    const mark = inlineMarks[node.tag];
    out.push(
      ...inlineContent(node.children, mark && !marks.some((m) => m.type === mark.type) ? [...marks, mark] : marks, ctx),
    );
  }
  // Merge neighbouring text with the same marks (mammoth splits runs).
  const merged: DocNode[] = [];
  for (const node of out) {
    const last = merged[merged.length - 1];
    if (
      last?.type === "text" &&
      node.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      last.text = (last.text ?? "") + (node.text ?? "");
    } else merged.push(node);
  }
  return merged;
}

const headingLevel: Record<string, number> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };

function blocks(nodes: HtmlNode[], ctx: Ctx): DocNode[] {
  const out: DocNode[] = [];
  let loose: HtmlNode[] = [];
  const flush = () => {
    const content = inlineContent(loose, [], ctx);
    if (content.some((c) => c.type !== "text" || (c.text ?? "").trim())) out.push({ type: "paragraph", content });
    loose = [];
  };
  for (const node of nodes) {
    if (!isElement(node) || !isBlockTag(node.tag)) {
      loose.push(node);
      continue;
    }
    flush();
    const b = block(node, ctx);
    if (b) out.push(...b);
  }
  flush();
  return out;
}

const isBlockTag = (tag: string) =>
  [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "blockquote",
    "div",
    "pre",
    "hr",
  ].includes(tag);

function block(node: HtmlElement, ctx: Ctx): DocNode[] | null {
  switch (node.tag) {
    case "p": {
      const content = inlineContent(node.children, [], ctx);
      const attrs = node.attrs.class ? { class: node.attrs.class } : undefined;
      return [{ type: "paragraph", ...(attrs ? { attrs: attrs as Record<string, unknown> } : {}), content }];
    }
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      return [
        { type: "heading", attrs: { level: headingLevel[node.tag] }, content: inlineContent(node.children, [], ctx) },
      ];
    case "ul":
    case "ol": {
      const items = node.children.filter(isElement).filter((c) => c.tag === "li");
      if (items.length === 0) return null;
      return [
        {
          type: node.tag === "ul" ? "bulletList" : "orderedList",
          ...(node.tag === "ol" ? { attrs: { start: 1 } } : {}),
          content: items.map((li) => {
            const inner = blocks(li.children, ctx);
            // A list item starts with a paragraph in the schema.
            if (inner[0]?.type !== "paragraph") inner.unshift({ type: "paragraph" });
            return { type: "listItem", content: inner };
          }),
        },
      ];
    }
    case "table": {
      const rows: DocNode[] = [];
      const walk = (n: HtmlElement) => {
        for (const c of n.children.filter(isElement)) {
          if (c.tag === "tr") {
            const cells = c.children.filter(isElement).filter((x) => x.tag === "td" || x.tag === "th");
            if (cells.length === 0) continue;
            rows.push({
              type: "tableRow",
              content: cells.map((cell) => {
                const inner = blocks(cell.children, ctx).map((b) => (b.type === "table" ? { type: "paragraph" } : b));
                const colspan = Number(cell.attrs.colspan ?? 1) || 1;
                const rowspan = Number(cell.attrs.rowspan ?? 1) || 1;
                return {
                  type: cell.tag === "th" ? "tableHeader" : "tableCell",
                  attrs: { colspan, rowspan },
                  content: inner.length ? inner : [{ type: "paragraph" }],
                };
              }),
            });
          } else walk(c);
        }
      };
      walk(node);
      return rows.length ? [{ type: "table", content: rows }] : null;
    }
    case "blockquote": {
      const inner = blocks(node.children, ctx);
      return inner.length ? [{ type: "blockquote", content: inner }] : null;
    }
    case "pre":
      return [{ type: "paragraph", content: inlineContent(node.children, [], ctx) }];
    case "hr":
      return [{ type: "horizontalRule" }];
    default:
      return blocks(node.children, ctx);
  }
}

/** Pulls mammoth's note lists (<li id="footnote-1">) out of the tree and returns their texts. */
function extractNotes(nodes: HtmlNode[]): { body: HtmlNode[]; notes: Map<string, string> } {
  const notes = new Map<string, string>();
  const body = nodes.filter((n) => {
    if (!isElement(n) || n.tag !== "ol") return true;
    const items = n.children.filter(isElement);
    const allNotes = items.length > 0 && items.every((li) => /^(foot|end)note-\d+$/.test(li.attrs.id ?? ""));
    if (!allNotes) return true;
    for (const li of items) {
      const text = plainText(li.children)
        .replace(/\s*↑\s*$/, "")
        .trim();
      notes.set(li.attrs.id as string, text);
    }
    return false;
  });
  return { body, notes };
}

/** An Accord export read back: its own text only, with the app's marks restored. */
function fromAccordExport(doc: DocNode[], adRefMarkers: string[]): DocNode[] {
  const endOfCover = doc.findIndex((n) => n.type === "paragraph" && n.attrs?.class === "accord-cover-end");
  const text = endOfCover >= 0 ? doc.slice(endOfCover + 1) : doc;
  return text.map((node) => {
    if (node.type !== "paragraph" && node.type !== "heading") return node;
    const content = [...(node.content ?? [])];
    const first = content[0];
    if (node.attrs?.class === "accord-numbered" && first?.type === "text") {
      const stripped = (first.text ?? "").replace(/^\d+\.\s*/, "");
      if (stripped) content[0] = { ...first, text: stripped };
      else content.shift();
    }
    let agreement: "bracketed" | "adRef" | null = null;
    const head = content[0];
    const tail = content[content.length - 1];
    if (head?.type === "text" && tail?.type === "text" && head.text?.startsWith("[") && tail.text?.endsWith("]")) {
      agreement = "bracketed";
      if (head === tail) {
        const inner = (head.text ?? "").slice(1, -1);
        content.splice(0, 1, ...(inner ? [{ ...head, text: inner }] : []));
      } else {
        const h = (head.text ?? "").slice(1);
        const t = (tail.text ?? "").slice(0, -1);
        content[content.length - 1] = { ...tail, text: t };
        content[0] = { ...head, text: h };
        if (!t) content.pop();
        if (!h) content.shift();
      }
    } else if (tail?.type === "text") {
      const marker = adRefMarkers.find((m) => tail.text?.endsWith(` ${m}`) || tail.text === m);
      if (marker) {
        agreement = "adRef";
        const t = (tail.text ?? "").slice(0, -marker.length).replace(/\s+$/, "");
        if (t) content[content.length - 1] = { ...tail, text: t };
        else content.pop();
      }
    }
    const attrs = { ...(node.attrs ?? {}) };
    delete attrs.class;
    if (agreement) attrs.agreement = agreement;
    return { ...node, ...(Object.keys(attrs).length ? { attrs } : { attrs: undefined }), content };
  });
}

function stripClasses(nodes: DocNode[]): DocNode[] {
  return nodes.map((n) => {
    const { attrs, content, ...rest } = n;
    const clean = attrs
      ? Object.fromEntries(Object.entries(attrs).filter(([k, v]) => k !== "class" && v !== undefined))
      : undefined;
    return {
      ...rest,
      ...(clean && Object.keys(clean).length ? { attrs: clean } : {}),
      ...(content ? { content: stripClasses(content) } : {}),
    };
  });
}

/**
 * Inflates every entry the package's local headers hold, counting the bytes actually produced
 * (declared sizes can lie) and stopping at the limits: a small file that inflates to gigabytes,
 * or holds thousands of parts, is refused before the reader sees it. Keeps docProps/core.xml.
 */
function inflateWithinLimits(bytes: Uint8Array): { names: Set<string>; core: Uint8Array | undefined } {
  const names = new Set<string>();
  const coreChunks: Uint8Array[] = [];
  let inflated = 0;
  let refusal: Error | undefined;
  const unzip = new Unzip((file) => {
    if (refusal) return;
    names.add(file.name);
    if (names.size > IMPORT_MAX_ENTRIES) {
      refusal = invalidInput("docx has too many parts", "exports.import.tooManyParts");
      return;
    }
    file.ondata = (error, chunk) => {
      if (refusal) return;
      if (error) {
        refusal = invalidInput("unreadable zip", "exports.import.notDocx");
        return;
      }
      inflated += chunk.length;
      if (inflated > IMPORT_MAX_UNCOMPRESSED) {
        refusal = invalidInput("docx inflates too much", "exports.import.tooLarge");
        file.terminate();
        return;
      }
      if (file.name === "docProps/core.xml") coreChunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Pushed in slices so that a refusal stops the work early.
  for (let at = 0; at < bytes.length && !refusal; at += 64 * 1024) {
    unzip.push(bytes.subarray(at, at + 64 * 1024), at + 64 * 1024 >= bytes.length);
  }
  if (refusal) throw refusal;
  const core = coreChunks.length ? new Uint8Array(Buffer.concat(coreChunks)) : undefined;
  return { names, core };
}

/** A readable DOCX within the limits, or a clear refusal. */
function checkPackage(bytes: Uint8Array): { accordExport: boolean } {
  if (bytes.length > IMPORT_MAX_BYTES) throw invalidInput("docx too large", "exports.import.tooLarge");
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw invalidInput("not a zip", "exports.import.notDocx");
  // The central directory (what the reader follows) may list entries the local headers do not
  // show, e.g. many entries overlapping one compressed stream: count and size those too.
  let declared = 0;
  let listed = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        listed += 1;
        declared += f.originalSize;
        return false;
      },
    });
  } catch {
    throw invalidInput("unreadable zip", "exports.import.notDocx");
  }
  if (listed > IMPORT_MAX_ENTRIES) throw invalidInput("docx has too many parts", "exports.import.tooManyParts");
  if (declared > IMPORT_MAX_UNCOMPRESSED) throw invalidInput("docx inflates too much", "exports.import.tooLarge");
  let contents: ReturnType<typeof inflateWithinLimits>;
  try {
    contents = inflateWithinLimits(bytes);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidInput("unreadable zip", "exports.import.notDocx");
  }
  if (!contents.names.has("word/document.xml")) throw invalidInput("no word/document.xml", "exports.import.notDocx");
  return { accordExport: contents.core ? markerPattern.test(new TextDecoder().decode(contents.core)) : false };
}

/** Converts DOCX bytes to the paper schema's JSON (validated against the schema). */
export async function docxToDoc(bytes: Uint8Array): Promise<DocNode> {
  const { accordExport } = checkPackage(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: [
          "u => u",
          "strike => s",
          "p[style-name='Numbered Paragraph'] => p.accord-numbered:fresh",
          "p[style-name='Accord Cover End'] => p.accord-cover-end:fresh",
          "p[style-name='Block Quote'] => blockquote > p:fresh",
        ],
        // Images are not part of the paper schema: never inline them as data URIs.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        externalFileAccess: false,
        // Kept so the (empty) end-of-cover paragraph of an Accord export is seen.
        ignoreEmptyParagraphs: false,
      },
    );
    html = result.value;
  } catch {
    throw invalidInput("mammoth could not read the file", "exports.import.notDocx");
  }
  const { body, notes } = extractNotes(parseSimpleHtml(html));
  let content = blocks(body, { notes });
  if (accordExport) {
    const markers = [translator("en")("exports.cover.adRef"), translator("fr")("exports.cover.adRef")];
    content = fromAccordExport(content, markers);
  }
  content = stripClasses(content);
  if (!content.some((n) => JSON.stringify(n).includes('"text"')))
    throw invalidInput("empty document", "exports.import.empty");
  const doc: DocNode = { type: "doc", content };
  try {
    PmNode.fromJSON(documentSchema(), doc).check();
  } catch {
    // Keep only what the schema accepts, block by block, rather than refuse the whole file.
    doc.content = content.filter((block) => {
      try {
        PmNode.fromJSON(documentSchema(), { type: "doc", content: [block] }).check();
        return true;
      } catch {
        return false;
      }
    });
    if (!doc.content.length) throw invalidInput("nothing valid", "exports.import.empty");
  }
  return doc;
}
