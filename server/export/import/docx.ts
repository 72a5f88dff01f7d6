// Reading a Word file into the paper schema. mammoth reads the DOCX into simple, well-formed
// HTML (headings, paragraphs, lists, tables, bold/italic/underline/strike, links, notes); this
// module maps that HTML to the paper schema. Anything that is not a readable DOCX within the
// limits is refused with a clear message. An Accord export comes back as its text: cover block
// dropped, paragraph numbers (which the app computes) stripped, [brackets] and "(ad ref.)"
// restored as paragraph marks. Pure (no database): it runs on the export thread
// (server/export/thread.ts); server/domain/import-docx.ts makes the paper.
// Tracked changes and Word comments come in too (word-annotations.ts marks them in document.xml
// before mammoth reads it): suggestion marks and comment anchors in the importer's name (the
// same ids the editor makes), the Word authors kept for the comments' bodies and the audit log.
import { Node as PmNode } from "@tiptap/pm/model";
import { strToU8, Unzip, UnzipInflate, unzipSync, type Zippable, zipSync } from "fflate";
import mammoth from "mammoth";
import type { DocMark, DocNode } from "@/lib/document";
import {
  BLOCK_DELETE,
  BLOCK_INSERT,
  COMMENT_ANCHOR,
  newAnchorId,
  newSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
} from "@/lib/editor/annotations";
import { translator } from "@/lib/i18n/translate";
import { documentSchema } from "../../collab/paper-state";
import { AppError, invalidInput } from "../../errors";
import { markerPattern } from "../marker";
import { safeHref } from "../render/model";
import { type HtmlElement, type HtmlNode, isElement, parseSimpleHtml, plainText } from "./html-tree";
import type { ImportedDocx, ImportedThread, ImportVoice } from "./imported";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ENTRIES, IMPORT_MAX_UNCOMPRESSED } from "./limits";
import {
  markDocument,
  readComments,
  readCommentsExtended,
  SENTINEL,
  SENTINEL_OPEN,
  threadComments,
  type WordChange,
} from "./word-annotations";

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

/**
 * The tracked changes and comment ranges open at this point of the text, read from the sentinels
 * (word-annotations.ts) in document order.
 */
type Annotations = {
  voice: ImportVoice;
  changes: WordChange[];
  /** Suggestion ids by change number, made when the change first holds text. */
  suggestionIds: (string | undefined)[];
  /** Anchor ids by comment sentinel number: a thread's first comment only (replies have none). */
  anchorIds: (string | null)[];
  openChanges: number[];
  openComments: number[];
  /** Comments on a point of the current paragraph: anchored on the whole paragraph. */
  points: string[];
};

type Ctx = { notes: Map<string, string>; annotations: Annotations | null };

/** The suggestion and anchor marks of text at the current point; null: inserted, then deleted (no text). */
function annotationMarks(a: Annotations): DocMark[] | null {
  const kinds = a.openChanges.map((n) => a.changes[n]?.kind);
  if (kinds.includes("insert") && kinds.includes("delete")) return null;
  const marks: DocMark[] = [];
  const n = a.openChanges[a.openChanges.length - 1];
  const change = n === undefined ? undefined : a.changes[n];
  if (n !== undefined && change) {
    a.suggestionIds[n] ??= newSuggestionId(a.voice.userId, a.voice.partnerId);
    marks.push({
      type: change.kind === "insert" ? SUGGESTION_INSERT : SUGGESTION_DELETE,
      attrs: { id: a.suggestionIds[n] },
    });
  }
  for (const c of a.openComments) {
    const id = a.anchorIds[c];
    if (id && !marks.some((m) => m.attrs?.id === id)) marks.push({ type: COMMENT_ANCHOR, attrs: { id } });
  }
  return marks;
}

/** Text with its marks and those of the changes and comments open there; sentinels update what is open. */
function annotatedText(text: string, marks: DocMark[], ctx: Ctx, out: DocNode[]) {
  const a = ctx.annotations;
  const push = (piece: string) => {
    if (!piece) return;
    const extra = a ? annotationMarks(a) : [];
    if (extra === null) return;
    const all = [...marks, ...extra];
    out.push({ type: "text", text: piece, ...(all.length ? { marks: all } : {}) });
  };
  if (!a || !text.includes(SENTINEL_OPEN)) {
    push(text);
    return;
  }
  let at = 0;
  for (const m of text.matchAll(SENTINEL)) {
    push(text.slice(at, m.index));
    at = (m.index ?? 0) + m[0].length;
    const n = Number(m[2]);
    const without = (list: number[]) => {
      const i = list.lastIndexOf(n);
      if (i >= 0) list.splice(i, 1);
    };
    switch (m[1]) {
      case "I":
      case "D":
        if (a.changes[n]) a.openChanges.push(n);
        break;
      case "i":
      case "d":
        without(a.openChanges);
        break;
      case "C":
        a.openComments.push(n);
        break;
      case "c":
        without(a.openComments);
        break;
      case "P": {
        const id = a.anchorIds[n];
        if (id) a.points.push(id);
        break;
      }
    }
  }
  push(text.slice(at));
}

/** A paragraph's inline content, with the comments made on a point of it anchored on all of it. */
function paragraphContent(nodes: HtmlNode[], ctx: Ctx): DocNode[] {
  const content = inlineContent(nodes, [], ctx);
  // A tracked change never outlives its paragraph (w:ins / w:del sit inside one), even if
  // mammoth left its end out (a text box, say): the next paragraph starts with none open.
  if (ctx.annotations) ctx.annotations.openChanges.length = 0;
  const points = ctx.annotations?.points ?? [];
  if (points.length === 0) return content;
  const anchors = points.splice(0).map((id) => ({ type: COMMENT_ANCHOR, attrs: { id } }));
  return content.map((node) =>
    node.type === "text"
      ? {
          ...node,
          marks: [
            ...(node.marks ?? []),
            ...anchors.filter((m) => !node.marks?.some((n) => n.attrs?.id === m.attrs.id)),
          ],
        }
      : node,
  );
}

function inlineContent(nodes: HtmlNode[], marks: DocMark[], ctx: Ctx): DocNode[] {
  const out: DocNode[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      const text = node.text.replace(/[\r\n]+/g, " ");
      if (text) annotatedText(text, marks, ctx, out);
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
    const content = paragraphContent(loose, ctx);
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
      const content = paragraphContent(node.children, ctx);
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
        { type: "heading", attrs: { level: headingLevel[node.tag] }, content: paragraphContent(node.children, ctx) },
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
      return [{ type: "paragraph", content: paragraphContent(node.children, ctx) }];
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

/** The parts the import reads itself, besides what mammoth reads. */
const DOCUMENT = "word/document.xml";
const COMMENTS = "word/comments.xml";
const COMMENTS_EXTENDED = "word/commentsExtended.xml";
const CORE = "docProps/core.xml";
const keptParts = new Set([CORE, DOCUMENT, COMMENTS, COMMENTS_EXTENDED]);

/**
 * Inflates every entry the package's local headers hold, counting the bytes actually produced
 * (declared sizes can lie) and stopping at the limits: a small file that inflates to gigabytes,
 * or holds thousands of parts, is refused before the reader sees it. Keeps the parts the import
 * reads itself (core properties, the document and its comments).
 */
function inflateWithinLimits(bytes: Uint8Array): { names: Set<string>; parts: Map<string, Uint8Array> } {
  const names = new Set<string>();
  const chunks = new Map<string, Uint8Array[]>();
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
      if (keptParts.has(file.name)) {
        const list = chunks.get(file.name) ?? [];
        list.push(chunk);
        chunks.set(file.name, list);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Pushed in slices so that a refusal stops the work early.
  for (let at = 0; at < bytes.length && !refusal; at += 64 * 1024) {
    unzip.push(bytes.subarray(at, at + 64 * 1024), at + 64 * 1024 >= bytes.length);
  }
  if (refusal) throw refusal;
  const parts = new Map([...chunks].map(([name, list]) => [name, new Uint8Array(Buffer.concat(list))]));
  return { names, parts };
}

type CheckedPackage = { accordExport: boolean; parts: Map<string, Uint8Array> };

/** A readable DOCX within the limits, or a clear refusal. */
function checkPackage(bytes: Uint8Array): CheckedPackage {
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
  if (!contents.names.has(DOCUMENT)) throw invalidInput("no word/document.xml", "exports.import.notDocx");
  const core = contents.parts.get(CORE);
  return {
    accordExport: core ? markerPattern.test(new TextDecoder().decode(core)) : false,
    parts: contents.parts,
  };
}

/** A part's text; bytes that are not UTF-8 make it unreadable (Word writes UTF-8). */
function partText(parts: Map<string, Uint8Array>, name: string): string | null {
  const bytes = parts.get(name);
  if (!bytes) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidInput(`${name} is not UTF-8`, "exports.import.unreadablePart");
  }
}

/**
 * The tracked changes and comments of the package: document.xml rewritten with sentinels (a new
 * package for mammoth when anything was marked), the Word comments gathered into threads, and
 * the state that turns the sentinels into marks in the importer's name.
 */
function readAnnotations(bytes: Uint8Array, parts: Map<string, Uint8Array>, voice: ImportVoice) {
  const documentXml = partText(parts, DOCUMENT) ?? "";
  const marked = markDocument(documentXml, DOCUMENT);
  const commentsXml = partText(parts, COMMENTS);
  const extendedXml = partText(parts, COMMENTS_EXTENDED);
  const comments = commentsXml ? readComments(commentsXml, COMMENTS) : [];
  const threads = threadComments(
    comments,
    extendedXml ? readCommentsExtended(extendedXml, COMMENTS_EXTENDED) : new Map(),
  );
  const anchorOfRoot = new Map(threads.map((t) => [t.root.id, newAnchorId(voice.userId)]));
  const annotations: Annotations = {
    voice,
    changes: marked.changes,
    suggestionIds: [],
    anchorIds: marked.commentIds.map((id) => anchorOfRoot.get(id) ?? null),
    openChanges: [],
    openComments: [],
    points: [],
  };
  let packageBytes = bytes;
  if (marked.xml !== null) {
    const files = unzipSync(bytes);
    files[DOCUMENT] = strToU8(marked.xml);
    const zippable: Zippable = {};
    for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 0 }];
    packageBytes = zipSync(zippable);
  }
  return { packageBytes, annotations, threads, anchorOfRoot };
}

/** Suggestion ids and, per anchor, the text it covers, in the final document. */
function annotationsIn(doc: DocNode): { suggestionIds: Set<string>; quotes: Map<string, string> } {
  const suggestionIds = new Set<string>();
  const quotes = new Map<string, string[]>();
  const walk = (node: DocNode, block: number[]) => {
    if (node.type === "text") {
      for (const mark of node.marks ?? []) {
        const id = String(mark.attrs?.id ?? "");
        if (mark.type === SUGGESTION_INSERT || mark.type === SUGGESTION_DELETE) suggestionIds.add(id);
        if (mark.type === COMMENT_ANCHOR) {
          const parts = quotes.get(id) ?? [];
          // A new paragraph starts a new piece, joined with a space.
          const key = block.join(".");
          const last = parts[parts.length - 1];
          if (last !== undefined && lastBlock.get(id) === key) parts[parts.length - 1] = last + (node.text ?? "");
          else parts.push(node.text ?? "");
          lastBlock.set(id, key);
          quotes.set(id, parts);
        }
      }
      return;
    }
    for (const [i, child] of (node.content ?? []).entries()) walk(child, child.type === "text" ? block : [...block, i]);
  };
  const lastBlock = new Map<string, string>();
  walk(doc, []);
  return {
    suggestionIds,
    quotes: new Map([...quotes].map(([id, parts]) => [id, parts.join(" ").replace(/\s+/g, " ").trim()])),
  };
}

/**
 * Reads DOCX bytes into the paper schema's JSON (validated against the schema), with the file's
 * tracked changes as suggestions and its comments as threads, in the name of `voice`.
 */
export async function readDocx(bytes: Uint8Array, voice: ImportVoice): Promise<ImportedDocx> {
  const { accordExport, parts } = checkPackage(bytes);
  const { packageBytes, annotations, threads, anchorOfRoot } = readAnnotations(bytes, parts, voice);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(packageBytes) },
      {
        styleMap: [
          "u => u",
          "strike => s",
          "p[style-name='Numbered Paragraph'] => p.accord-numbered:fresh",
          "p[style-name='Accord Cover End'] => p.accord-cover-end:fresh",
          // The ledger's margin notes of an exported file: not part of the text.
          "p[style-name='Accord Ledger'] => !",
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
  let content = blocks(body, { notes, annotations });
  if (accordExport) {
    const markers = [translator("en")("exports.cover.adRef"), translator("fr")("exports.cover.adRef")];
    content = fromAccordExport(content, markers);
  }
  content = stripClasses(content);
  if (!content.some((n) => JSON.stringify(n).includes('"text"')))
    throw invalidInput("empty document", "exports.import.empty");
  const doc: DocNode = { type: "doc", content };
  try {
    // Read through the schema: marks in the schema's order, then checked.
    const node = PmNode.fromJSON(documentSchema(), doc);
    node.check();
    doc.content = (node.toJSON() as DocNode).content ?? [];
  } catch {
    // Keep only what the schema accepts, block by block, rather than refuse the whole file.
    doc.content = content.flatMap((block) => {
      try {
        const node = PmNode.fromJSON(documentSchema(), { type: "doc", content: [block] });
        node.check();
        return (node.toJSON() as DocNode).content ?? [];
      } catch {
        return [];
      }
    });
    if (!doc.content.length) throw invalidInput("nothing valid", "exports.import.empty");
  }
  proposeWholeBlocks(doc);
  const found = annotationsIn(doc);
  const imported: ImportedThread[] = threads.map((thread) => {
    const anchorId = anchorOfRoot.get(thread.root.id) as string;
    const quote = found.quotes.get(anchorId);
    return {
      anchorId,
      anchored: quote !== undefined,
      quote: quote ?? "",
      resolved: thread.done,
      comments: [thread.root, ...thread.replies].map((c) => ({ author: c.author, date: c.date, text: c.text })),
    };
  });
  const usedChanges = annotations.changes.filter((_, n) => {
    const id = annotations.suggestionIds[n];
    return id !== undefined && found.suggestionIds.has(id);
  });
  const wordAuthors = [
    ...new Set([
      ...usedChanges.map((c) => c.author),
      ...threads.flatMap((t) => [t.root, ...t.replies].map((c) => c.author)),
    ]),
  ]
    .filter(Boolean)
    .slice(0, 50);
  return { doc, suggestions: found.suggestionIds.size, threads: imported, wordAuthors };
}

/**
 * A paragraph or heading whose whole text one tracked change inserted (or deleted) was added (or
 * deleted) as a paragraph in Word: it becomes a block suggestion under that change's id, so that
 * deciding it adds or removes the paragraph itself, not only its words.
 */
function proposeWholeBlocks(node: DocNode): void {
  for (const child of node.content ?? []) {
    if (child.type === "paragraph" || child.type === "heading") {
      const texts = (child.content ?? []).filter((c) => c.type === "text");
      if (texts.length === 0 || texts.length !== (child.content ?? []).length) continue;
      for (const [mark, attribute] of [
        [SUGGESTION_INSERT, BLOCK_INSERT],
        [SUGGESTION_DELETE, BLOCK_DELETE],
      ] as const) {
        const ids = new Set(texts.map((t) => t.marks?.find((m) => m.type === mark)?.attrs?.id));
        const [id] = ids;
        if (ids.size === 1 && typeof id === "string") child.attrs = { ...child.attrs, [attribute]: id };
      }
    } else {
      proposeWholeBlocks(child);
    }
  }
}

/** Nobody's: for a reading that keeps only the document (its suggestions and anchors name no account). */
const NO_VOICE: ImportVoice = { userId: "00000000-0000-0000-0000-000000000000", partnerId: null };

/** The document alone, as `readDocx` reads it. */
export async function docxToDoc(bytes: Uint8Array, voice: ImportVoice = NO_VOICE): Promise<DocNode> {
  return (await readDocx(bytes, voice)).doc;
}
