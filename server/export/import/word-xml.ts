// A minimal reader of the WordprocessingML parts the DOCX import reads itself (document.xml for
// tracked changes and comment ranges, comments.xml, commentsExtended.xml). Linear in the part's
// length whatever it holds: tags are found with indexOf and one pass over each tag's own
// characters, attributes with one non-backtracking pattern, and no entity is ever expanded
// beyond XML's five and numeric references. A part with a DTD (<!DOCTYPE, <!ENTITY: Word never
// writes one; it is how "billion laughs" files start) or that ends inside a tag is refused.
import { invalidInput } from "../../errors";

export type XmlTag = {
  kind: "open" | "close" | "empty";
  /** The qualified name, e.g. `w:ins`. */
  name: string;
  /** Index of `<` and of the character after `>`. */
  start: number;
  end: number;
  /** The raw attribute text (read with `attributes()` only when needed). */
  rawAttributes: string;
};

export const unreadablePart = (part: string) =>
  invalidInput(`unreadable part ${part}`, "exports.import.unreadablePart");

/** Calls `onTag` for every element tag of `xml`, in order; text, comments and PIs are skipped. */
export function scanXml(xml: string, part: string, onTag: (tag: XmlTag) => void): void {
  let at = 0;
  const length = xml.length;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw unreadablePart(part);
        at = end + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw unreadablePart(part);
        at = end + 3;
        continue;
      }
      // <!DOCTYPE, <!ENTITY…: refused, never interpreted.
      throw unreadablePart(part);
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw unreadablePart(part);
      at = end + 2;
      continue;
    }
    let i = lt + 1;
    let quote = 0;
    for (; i < length; i++) {
      const c = xml.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62 /* > */) break;
      else if (c === 60 /* < */) throw unreadablePart(part);
    }
    if (i >= length) throw unreadablePart(part);
    const closing = next === 47; /* / */
    const empty = !closing && xml.charCodeAt(i - 1) === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < i) {
      const c = xml.charCodeAt(nameEnd);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
      nameEnd++;
    }
    if (nameEnd === nameStart) throw unreadablePart(part);
    onTag({
      kind: closing ? "close" : empty ? "empty" : "open",
      name: xml.slice(nameStart, nameEnd),
      start: lt,
      end: i + 1,
      rawAttributes: xml.slice(nameEnd, empty ? i - 1 : i),
    });
    at = i + 1;
  }
}

/** XML's five entities and numeric references; anything else is left as written. */
export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity.startsWith("#")) {
      const code = entity[1] === "x" ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[entity] ?? whole;
  });
}

/** The tag's attributes by qualified name, values decoded. */
export function attributes(tag: XmlTag): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.rawAttributes.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] as string, decodeXmlText(m[2] ?? m[3] ?? ""));
  }
  return out;
}

/** The value of the attribute whose local name is `local` (`w:id`, `w15:paraId`…), whatever its prefix. */
export function attributeByLocalName(attrs: Map<string, string>, local: string): string | undefined {
  for (const [name, value] of attrs) {
    const colon = name.indexOf(":");
    if ((colon < 0 ? name : name.slice(colon + 1)) === local) return value;
  }
  return undefined;
}

export const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

const WORD_NAMESPACES = [
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/** The prefix the part binds to WordprocessingML's namespace (Word: `w`), read from its root element. */
export function wordPrefix(xml: string, part: string): string {
  let prefix = "w";
  try {
    scanXml(xml.slice(0, 64 * 1024), part, (tag) => {
      for (const [name, value] of attributes(tag)) {
        if (name.startsWith("xmlns:") && WORD_NAMESPACES.includes(value)) prefix = name.slice(6);
      }
      throw stopScan;
    });
  } catch {
    // Stopped at the root, or the head cut inside a tag: the whole part is scanned later anyway.
  }
  return prefix;
}
const stopScan = new Error("stop");
