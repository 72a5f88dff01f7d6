// Stable paragraph identity (issue 19): each top-level paragraph and heading carries a `pid`
// attribute, a short random string kept through edits, so that a language version's paragraph
// is aligned with its original's by id rather than by position. Ids are invisible: they are not
// part of a text's canonical form (server/canonical.ts), so two texts of the same wording hash
// the same whatever their ids. Shared by the server (papers are created with ids) and the editor
// (lib/editor/paragraph-ids.ts gives new blocks theirs).
import type { DocNode } from "./document";

/** The block attribute holding a paragraph's id. */
export const PARAGRAPH_ID = "pid";

/** Block types that carry an id (at the top level of the document). */
export const paragraphIdBlockTypes = ["paragraph", "heading"] as const;

const PID_LENGTH = 10;
const PID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const pidPattern = /^[a-z0-9]{10}$/;

/** Whether a value has the strict shape of a paragraph id (the write guard refuses any other). */
export function isParagraphId(value: unknown): value is string {
  return typeof value === "string" && pidPattern.test(value);
}

/** A fresh random id (36^10 ≈ 3.7·10^15 values: collisions within one text are negligible, and repaired anyway). */
export function newParagraphId(): string {
  const bytes = new Uint8Array(PID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let id = "";
  // 252 = 7 × 36: bytes above it are redrawn so every character is equally likely.
  for (let i = 0; i < PID_LENGTH; i++) {
    let byte = bytes[i] as number;
    while (byte >= 252) byte = globalThis.crypto.getRandomValues(new Uint8Array(1))[0] as number;
    id += PID_ALPHABET[byte % 36];
  }
  return id;
}

export function carriesParagraphId(type: string): boolean {
  return (paragraphIdBlockTypes as readonly string[]).includes(type);
}

/** A stored block's id, or null (older texts, nested or other blocks). */
export function paragraphIdOf(node: DocNode): string | null {
  const value = node.attrs?.[PARAGRAPH_ID];
  return isParagraphId(value) ? value : null;
}

/**
 * The document with an id on every top-level paragraph and heading: a block without a valid id,
 * or with one an earlier block already has, gets a fresh one; the others keep theirs. Used when
 * a paper is created or imported (server/domain/papers.ts `preparePaper`) and by the seed.
 */
export function assignParagraphIds(doc: DocNode): DocNode {
  const seen = new Set<string>();
  const content = (doc.content ?? []).map((node) => {
    if (!carriesParagraphId(node.type)) return node;
    let id = paragraphIdOf(node);
    if (id === null || seen.has(id)) {
      do id = newParagraphId();
      while (seen.has(id));
    }
    seen.add(id);
    return node.attrs?.[PARAGRAPH_ID] === id ? node : { ...node, attrs: { ...node.attrs, [PARAGRAPH_ID]: id } };
  });
  return doc.content ? { ...doc, content } : doc;
}
