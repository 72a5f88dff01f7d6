// Tracked changes and comments of a Word file, for the DOCX import (docx.ts). mammoth reads the
// text but drops deleted text (w:del), comment ranges and comments; so before mammoth reads
// word/document.xml, this module rewrites it: each tracked change (w:ins / w:moveTo, w:del /
// w:moveFrom, their w:delText made readable) and each comment range is unwrapped and marked with
// a sentinel run, a private-use character pair mammoth carries into its HTML as text. docx.ts
// turns the sentinels back into suggestion and comment-anchor marks. Deleted paragraph marks are
// kept as paragraphs (the schema's suggestions are inline), formatting changes keep the new
// formatting. comments.xml and commentsExtended.xml give each comment's author, date, text,
// parent (replies) and done state. Every count is capped (limits.ts), and a part that cannot be
// read refuses the whole file.
import { invalidInput } from "../../errors";
import {
  IMPORT_MAX_COMMENT_CHARS,
  IMPORT_MAX_COMMENTS,
  IMPORT_MAX_SUGGESTIONS,
  IMPORT_MAX_THREADS,
  IMPORT_MAX_WORD_AUTHOR,
} from "./limits";
import {
  attributeByLocalName,
  attributes,
  decodeXmlText,
  localName,
  scanXml,
  wordPrefix,
  type XmlTag,
} from "./word-xml";

export const SENTINEL_OPEN = "\uE000";
export const SENTINEL_CLOSE = "\uE001";
/** I/i: insertion starts/ends, D/d: deletion, C/c: comment range, P: a comment on a point (its paragraph). */
export const SENTINEL = /\uE000([IiDdCcP])(\d{1,7})\uE001/g;

export type WordChange = { kind: "insert" | "delete"; author: string; date: string | null };

export type MarkedDocument = {
  /** The rewritten document.xml, or null when it holds no tracked change and no comment. */
  xml: string | null;
  /** Tracked changes by sentinel number (one per w:ins / w:del, or per run of them by one author). */
  changes: WordChange[];
  /** Word comment ids by sentinel number. */
  commentIds: string[];
};

/** The same element under another name, attributes kept. */
const retag = (tag: XmlTag, name: string) =>
  tag.kind === "close" ? `</${name}>` : `<${name}${tag.rawAttributes}${tag.kind === "empty" ? "/" : ""}>`;

const cleanAuthor = (name: string | undefined) =>
  (name ?? "").replace(/\s+/g, " ").trim().slice(0, IMPORT_MAX_WORD_AUTHOR);

/**
 * Rewrites document.xml so that mammoth keeps the tracked changes and comment ranges, as
 * sentinel runs; refuses a part it cannot read, or more changes than IMPORT_MAX_SUGGESTIONS.
 */
export function markDocument(source: string, part = "word/document.xml"): MarkedDocument {
  // Sentinel characters already in the text (or written as references) are not ours: dropped.
  const xml = source.replace(/[\uE000\uE001]|&#(?:x0*[eE]00[01]|0*5734[45]);/g, "");
  const w = wordPrefix(xml, part);
  const names = {
    p: `${w}:p`,
    r: `${w}:r`,
    t: `${w}:t`,
    ins: `${w}:ins`,
    del: `${w}:del`,
    moveTo: `${w}:moveTo`,
    moveFrom: `${w}:moveFrom`,
    delText: `${w}:delText`,
    delInstrText: `${w}:delInstrText`,
    rangeStart: `${w}:commentRangeStart`,
    rangeEnd: `${w}:commentRangeEnd`,
    reference: `${w}:commentReference`,
  };
  const changes: WordChange[] = [];
  const commentIds: string[] = [];
  const commentNumber = new Map<string, number>();
  const started = new Set<string>();
  const numberOf = (id: string) => {
    let n = commentNumber.get(id);
    if (n === undefined) {
      n = commentIds.length;
      // More ranges than comments can be read: not a document anyone wrote.
      if (n >= IMPORT_MAX_COMMENTS) throw invalidInput("too many comment ranges", "exports.import.tooManyComments");
      commentIds.push(id);
      commentNumber.set(id, n);
    }
    return n;
  };
  const out: string[] = [];
  let copied = 0;
  let touched = xml.length !== source.length;
  const sentinel = (code: string, n: number) =>
    `<${names.r}><${names.t} xml:space="preserve">${SENTINEL_OPEN}${code}${n}${SENTINEL_CLOSE}</${names.t}></${names.r}>`;

  let propertyDepth = 0;
  let paragraphDepth = 0;
  let runDepth = 0;
  /** Open change wrappers, innermost last. */
  const open: { n: number; kind: WordChange["kind"]; wrapper: string }[] = [];
  let lastClosed: { n: number; kind: WordChange["kind"]; author: string } | null = null;
  /** Sentinels waiting for the next paragraph (a range starting between paragraphs). */
  let pendingStarts = "";
  /** Where the last paragraph ended in `out`, for a range ending between paragraphs. */
  let lastParagraphEnd = -1;
  /** Comments referenced inside the current run without a range: anchored on their paragraph. */
  let pointsInRun: number[] = [];

  const replace = (start: number, end: number, text: string) => {
    out.push(xml.slice(copied, start), text);
    copied = end;
    touched = true;
  };

  scanXml(xml, part, (tag) => {
    const { name, kind } = tag;
    const local = localName(name);
    if (kind === "open" && (local.endsWith("Pr") || local.endsWith("PrChange"))) {
      propertyDepth++;
      return;
    }
    if (kind === "close" && (local.endsWith("Pr") || local.endsWith("PrChange"))) {
      propertyDepth = Math.max(0, propertyDepth - 1);
      return;
    }
    if (propertyDepth > 0) {
      // A deleted paragraph mark: mammoth would merge the paragraph into the next one, as if the
      // deletion were accepted. Kept as it was (the schema's suggestions are inline).
      if (name === names.del && kind === "empty") replace(tag.start, tag.end, "");
      return;
    }
    switch (name) {
      case names.p:
        if (kind === "open") {
          paragraphDepth++;
          lastClosed = null;
          if (pendingStarts) {
            replace(tag.end, tag.end, pendingStarts);
            pendingStarts = "";
          }
        } else if (kind === "close") {
          paragraphDepth = Math.max(0, paragraphDepth - 1);
          lastClosed = null;
          out.push(xml.slice(copied, tag.start));
          copied = tag.start;
          lastParagraphEnd = out.length;
        }
        return;
      case names.r:
        if (kind === "open") {
          runDepth++;
          if (open.length === 0) lastClosed = null;
        } else if (kind === "close") {
          runDepth = Math.max(0, runDepth - 1);
          if (pointsInRun.length && runDepth === 0) {
            replace(tag.end, tag.end, pointsInRun.map((n) => sentinel("P", n)).join(""));
            pointsInRun = [];
          }
        }
        return;
      case names.ins:
      case names.moveTo:
      case names.del:
      case names.moveFrom: {
        const changeKind = name === names.ins || name === names.moveTo ? "insert" : "delete";
        if (kind === "empty") {
          replace(tag.start, tag.end, "");
          return;
        }
        if (kind === "open") {
          const attrs = attributes(tag);
          const author = cleanAuthor(attributeByLocalName(attrs, "author"));
          let n: number;
          if (lastClosed && lastClosed.kind === changeKind && lastClosed.author === author) n = lastClosed.n;
          else {
            n = changes.length;
            if (n >= IMPORT_MAX_SUGGESTIONS)
              throw invalidInput("too many tracked changes", "exports.import.tooManySuggestions");
            changes.push({ kind: changeKind, author, date: attributeByLocalName(attrs, "date") ?? null });
          }
          open.push({ n, kind: changeKind, wrapper: name });
          replace(tag.start, tag.end, paragraphDepth > 0 ? sentinel(changeKind === "insert" ? "I" : "D", n) : "");
          return;
        }
        const at = open.map((o) => o.wrapper).lastIndexOf(name);
        if (at < 0) throw invalidInput(`unbalanced ${name}`, "exports.import.unreadablePart");
        const [closed] = open.splice(at, 1);
        if (!closed) return;
        replace(tag.start, tag.end, paragraphDepth > 0 ? sentinel(closed.kind === "insert" ? "i" : "d", closed.n) : "");
        lastClosed = { n: closed.n, kind: closed.kind, author: changes[closed.n]?.author ?? "" };
        return;
      }
      case names.delText:
        // Deleted text: readable as text, marked by the enclosing deletion's sentinels.
        replace(tag.start, tag.end, retag(tag, names.t));
        return;
      case names.delInstrText:
        replace(tag.start, tag.end, retag(tag, `${w}:instrText`));
        return;
      case names.rangeStart:
      case names.rangeEnd: {
        const id = attributeByLocalName(attributes(tag), "id");
        if (id === undefined) return;
        const start = name === names.rangeStart;
        if (start) started.add(id);
        else if (!started.has(id)) return;
        const code = sentinel(start ? "C" : "c", numberOf(id));
        if (paragraphDepth > 0) replace(tag.start, tag.end, code);
        else if (start) {
          pendingStarts += code;
          replace(tag.start, tag.end, "");
        } else {
          if (lastParagraphEnd >= 0) out[lastParagraphEnd - 1] += code;
          replace(tag.start, tag.end, "");
        }
        return;
      }
      case names.reference: {
        const id = attributeByLocalName(attributes(tag), "id");
        if (id !== undefined && !started.has(id) && paragraphDepth > 0) {
          pointsInRun.push(numberOf(id));
          touched = true;
        }
        return;
      }
    }
  });
  if (open.length > 0) throw invalidInput("unclosed tracked change", "exports.import.unreadablePart");
  if (!touched) return { xml: null, changes, commentIds };
  out.push(xml.slice(copied));
  return { xml: out.join(""), changes, commentIds };
}

export type WordComment = {
  id: string;
  author: string;
  date: string | null;
  text: string;
  /** The paragraph id of its last paragraph, which commentsExtended.xml names. */
  paraId: string | null;
};

/** The comments of comments.xml, in order; refuses more than IMPORT_MAX_COMMENTS. */
export function readComments(xml: string, part = "word/comments.xml"): WordComment[] {
  const w = wordPrefix(xml, part);
  const comments: WordComment[] = [];
  let current: (WordComment & { paragraphs: string[]; length: number }) | null = null;
  let textStart = -1;
  /** Text added to the comment's last paragraph; beyond the cap (plus one, to know it was cut) dropped. */
  const append = (text: string) => {
    if (!current || current.length > IMPORT_MAX_COMMENT_CHARS) return;
    if (current.paragraphs.length === 0) current.paragraphs.push("");
    const kept = text.slice(0, IMPORT_MAX_COMMENT_CHARS + 1 - current.length);
    current.paragraphs[current.paragraphs.length - 1] += kept;
    current.length += kept.length;
  };
  scanXml(xml, part, (tag) => {
    switch (tag.name) {
      case `${w}:comment`:
        if (tag.kind === "close") {
          if (current) {
            current.text = current.paragraphs
              .join("\n")
              .trim()
              .slice(0, IMPORT_MAX_COMMENT_CHARS + 1);
            const { paragraphs: _, length: __, ...comment } = current;
            comments.push(comment);
          }
          current = null;
          return;
        }
        if (comments.length >= IMPORT_MAX_COMMENTS)
          throw invalidInput("too many comments", "exports.import.tooManyComments");
        {
          const attrs = attributes(tag);
          const comment = {
            id: attributeByLocalName(attrs, "id") ?? "",
            author: cleanAuthor(attributeByLocalName(attrs, "author")),
            date: attributeByLocalName(attrs, "date") ?? null,
            text: "",
            paraId: null,
          };
          if (tag.kind === "empty") comments.push(comment);
          else current = { ...comment, paragraphs: [], length: 0 };
        }
        return;
      case `${w}:p`:
        if (current && tag.kind !== "close") {
          if (current.paragraphs.length > 0) current.length += 1;
          current.paragraphs.push("");
          current.paraId = attributeByLocalName(attributes(tag), "paraId") ?? current.paraId;
        }
        return;
      case `${w}:t`:
        if (tag.kind === "open") textStart = tag.end;
        else if (tag.kind === "close" && textStart >= 0) {
          append(decodeXmlText(xml.slice(textStart, tag.start)));
          textStart = -1;
        }
        return;
      case `${w}:tab`:
        append("\t");
        return;
      case `${w}:br`:
      case `${w}:cr`:
        append("\n");
        return;
    }
  });
  return comments;
}

/** commentsExtended.xml: each comment paragraph's parent paragraph (replies) and done state. */
export function readCommentsExtended(
  xml: string,
  part = "word/commentsExtended.xml",
): Map<string, { parent: string | null; done: boolean }> {
  const out = new Map<string, { parent: string | null; done: boolean }>();
  scanXml(xml, part, (tag) => {
    if (tag.kind === "close" || localName(tag.name) !== "commentEx") return;
    const attrs = attributes(tag);
    const paraId = attributeByLocalName(attrs, "paraId");
    if (!paraId || out.size >= IMPORT_MAX_COMMENTS) return;
    out.set(paraId, {
      parent: attributeByLocalName(attrs, "paraIdParent") ?? null,
      done: attributeByLocalName(attrs, "done") === "1",
    });
  });
  return out;
}

export type WordThread = { root: WordComment; replies: WordComment[]; done: boolean };

/**
 * Comments gathered into threads: a reply (commentsExtended's paraIdParent) goes under the first
 * comment of its chain; replies to replies are flattened. Refuses more than IMPORT_MAX_THREADS.
 */
export function threadComments(
  comments: WordComment[],
  extended: Map<string, { parent: string | null; done: boolean }>,
): WordThread[] {
  // A comment id given twice: the first one counts (ids name the ranges in the document).
  const ids = new Set<string>();
  const unique = comments.filter((c) => !ids.has(c.id) && Boolean(ids.add(c.id)));
  const byParaId = new Map<string, WordComment>();
  for (const c of unique) if (c.paraId && !byParaId.has(c.paraId)) byParaId.set(c.paraId, c);
  const rootOf = (comment: WordComment): WordComment => {
    let at = comment;
    const seen = new Set<WordComment>();
    for (;;) {
      seen.add(at);
      const parentId = at.paraId ? extended.get(at.paraId)?.parent : null;
      const parent = parentId ? byParaId.get(parentId) : undefined;
      if (!parent || seen.has(parent)) return at;
      at = parent;
    }
  };
  const threads = new Map<WordComment, WordThread>();
  for (const comment of unique) {
    const root = rootOf(comment);
    let thread = threads.get(root);
    if (!thread) {
      if (threads.size >= IMPORT_MAX_THREADS)
        throw invalidInput("too many comment threads", "exports.import.tooManyComments");
      thread = { root, replies: [], done: root.paraId ? (extended.get(root.paraId)?.done ?? false) : false };
      threads.set(root, thread);
    }
    if (root !== comment) thread.replies.push(comment);
  }
  return [...threads.values()];
}
