// Reading a Yjs document as the write guard needs it: the characters of a text as runs with the
// formatting in effect on each, a block's children and attributes, and the counterpart in the
// live document of a type the update touched.
import * as Y from "yjs";
import { COMMENT_ANCHOR, SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from "@/lib/editor/annotations";

export const FIELD = "default";
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;
export const markNameOf = (key: string) => HASHED_MARK.exec(key)?.[1] ?? key;

export type Attrs = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: Yjs shared types are invariant in their event type
export type AnyType = Y.AbstractType<any>;
export type CharInfo = {
  anchors: Set<string>;
  insertId: string | null;
  deleteId: string | null;
  /** A format suggestion: its id, and the whole of it serialized, to compare. */
  formatId: string | null;
  format: string;
  /** The other marks, serialized, to compare formatting. */
  other: string;
};

export class Refused extends Error {}
export const refuse = (reason: string): never => {
  throw new Refused(reason);
};

export function charInfo(attrs: Attrs, cache: Map<Attrs, CharInfo>): CharInfo {
  const cached = cache.get(attrs);
  if (cached) return cached;
  const info: CharInfo = { anchors: new Set(), insertId: null, deleteId: null, formatId: null, format: "", other: "" };
  const other: [string, unknown][] = [];
  for (const [key, value] of Object.entries(attrs)) {
    const name = markNameOf(key);
    const id = (value as { id?: unknown } | null)?.id;
    if (name === COMMENT_ANCHOR && typeof id === "string") info.anchors.add(id);
    else if (name === SUGGESTION_INSERT && typeof id === "string") info.insertId = id;
    else if (name === SUGGESTION_DELETE && typeof id === "string") info.deleteId = id;
    else if (name === SUGGESTION_FORMAT && typeof id === "string") {
      info.formatId = id;
      info.format = JSON.stringify(value);
    } else other.push([key, value]);
  }
  other.sort(([a], [b]) => (a < b ? -1 : 1));
  info.other = JSON.stringify(other);
  cache.set(attrs, info);
  return info;
}

/** Consecutive characters of one author in a text (clocks `clock` to `clock + len - 1`), all with one formatting. */
export type Run = { client: number; clock: number; len: number; attrs: Attrs };

/**
 * The visible characters of a text as runs with the formatting in effect on each: one entry per
 * Yjs item, however many characters it holds. `onFormat` sees each visible formatting item.
 */
export function textRuns(text: Y.XmlText, onFormat?: (item: Y.Item) => void): Run[] {
  const runs: Run[] = [];
  let attrs: Attrs = {};
  for (let item = text._start; item; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      onFormat?.(item);
      attrs = { ...attrs };
      if (content.value === null) delete attrs[content.key];
      else attrs[content.key] = content.value;
    } else if (content instanceof Y.ContentString) {
      runs.push({ client: item.id.client, clock: item.id.clock, len: item.length, attrs });
    } else {
      refuse("embedded content in text");
    }
  }
  return runs;
}

/**
 * Lays `runs` over `other` by Yjs id: `visit` is called for each stretch of a run with the run
 * of `other` holding the same characters, or with null for a stretch `other` does not hold.
 * O(n log n) in the number of runs, whatever their length.
 */
export function overlay(runs: Run[], other: Run[], visit: (run: Run, same: Run | null) => void): void {
  const byClient = new Map<number, Run[]>();
  for (const run of other) {
    const list = byClient.get(run.client);
    if (list) list.push(run);
    else byClient.set(run.client, [run]);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.clock - b.clock);
  for (const run of runs) {
    const end = run.clock + run.len;
    let clock = run.clock;
    const list = byClient.get(run.client) ?? [];
    // The first run of `other` that ends after `clock`.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const candidate = list[middle] as Run;
      if (candidate.clock + candidate.len <= clock) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < list.length && clock < end; i++) {
      const same = list[i] as Run;
      if (same.clock >= end) break;
      if (same.clock > clock) visit(run, null);
      visit(run, same);
      clock = Math.min(end, same.clock + same.len);
    }
    if (clock < end) visit(run, null);
  }
}

export function children(type: Y.XmlElement | Y.XmlFragment): Y.Item[] {
  const found: Y.Item[] = [];
  for (let item = type._start; item; item = item.right) {
    if (item.deleted) continue;
    if (!(item.content instanceof Y.ContentType)) refuse("non-node content in a block");
    found.push(item);
  }
  return found;
}

/**
 * A block's attributes as Yjs stores them. `getAttributes()` builds a plain object, which
 * silently drops a key such as `__proto__`: every stored key must be seen to be judged.
 */
export function attributesOf(element: Y.XmlElement): Map<string, unknown> {
  const attributes = new Map<string, unknown>();
  element._map.forEach((item, key) => {
    if (!item.deleted) attributes.set(key, item.content.getContent()[item.length - 1]);
  });
  return attributes;
}

export const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/** The counterpart in the live document of a type of the shadow, or null if this update created it. */
export function beforeType<T extends AnyType>(doc: Y.Doc, type: T): T | null {
  const item = type._item;
  if (!item) return doc.getXmlFragment(FIELD) as unknown as T;
  if (Y.getState(doc.store, item.id.client) <= item.id.clock) return null;
  const found = Y.getItem(doc.store, item.id);
  return found instanceof Y.Item && found.content instanceof Y.ContentType ? (found.content.type as T) : null;
}

export function rootOf(type: AnyType): AnyType {
  let current = type;
  while (current._item) current = current._item.parent as AnyType;
  return current;
}
