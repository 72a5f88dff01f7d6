// The write guard of the collaboration socket: every update from a writable connection is first
// applied to a shadow copy of the document and judged by what it changed, item by item, against
// the rights the policy gave that connection. Refused updates never reach the document.
//
// What is checked (identities of Yjs items, not positions, so concurrent edits cannot fool it):
// - only the paper's fragment may change (no other shared types), no missing dependencies;
// - only nodes, attributes and marks of the document schema, no node marks;
// - comment anchors: nobody adds or removes another user's anchor on existing text (deleting
//   the text itself is an edit, allowed to editors);
// - suggestions: only chair and penholder (`paper.decideSuggestions`) change another user's
//   suggestion marks; a suggest-only connection may add text only as its own insertion, delete
//   only its own inserted text, mark existing text for deletion (or unmark it) only under its own
//   ids, and change nothing else: no blocks, no attributes, no formatting;
// - the `agreement` attribute of blocks changes only with `paper.markAgreement`.
import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import {
  anchorOwner,
  COMMENT_ANCHOR,
  parseSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
} from "@/lib/editor/annotations";
import type { WriteRights } from "../policy";

/** `quick`: judged by the typing fast path (Judge.quickCheckText) rather than the full lists. */
export type Verdict = { ok: true; quick?: boolean } | { ok: false; reason: string };

const FIELD = "default";
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;
const markNameOf = (key: string) => HASHED_MARK.exec(key)?.[1] ?? key;

type Attrs = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: Yjs shared types are invariant in their event type
type AnyType = Y.AbstractType<any>;
type CharInfo = {
  anchors: Set<string>;
  insertId: string | null;
  deleteId: string | null;
  /** The other marks, serialized, to compare formatting. */
  other: string;
};

class Refused extends Error {}
const refuse = (reason: string): never => {
  throw new Refused(reason);
};

function charInfo(attrs: Attrs, cache: Map<Attrs, CharInfo>): CharInfo {
  const cached = cache.get(attrs);
  if (cached) return cached;
  const info: CharInfo = { anchors: new Set(), insertId: null, deleteId: null, other: "" };
  const other: [string, unknown][] = [];
  for (const [key, value] of Object.entries(attrs)) {
    const name = markNameOf(key);
    const id = (value as { id?: unknown } | null)?.id;
    if (name === COMMENT_ANCHOR && typeof id === "string") info.anchors.add(id);
    else if (name === SUGGESTION_INSERT && typeof id === "string") info.insertId = id;
    else if (name === SUGGESTION_DELETE && typeof id === "string") info.deleteId = id;
    else other.push([key, value]);
  }
  other.sort(([a], [b]) => (a < b ? -1 : 1));
  info.other = JSON.stringify(other);
  cache.set(attrs, info);
  return info;
}

/** Every visible character of a text, by Yjs id, with the formatting in effect on it. */
function textChars(text: Y.XmlText): Map<string, Attrs> {
  const chars = new Map<string, Attrs>();
  let attrs: Attrs = {};
  for (let item = text._start; item; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      attrs = { ...attrs };
      if (content.value === null) delete attrs[content.key];
      else attrs[content.key] = content.value;
    } else if (content instanceof Y.ContentString) {
      for (let i = 0; i < content.str.length; i++) chars.set(`${item.id.client}:${item.id.clock + i}`, attrs);
    } else {
      refuse("embedded content in text");
    }
  }
  return chars;
}

function children(type: Y.XmlElement | Y.XmlFragment): Y.Item[] {
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
function attributesOf(element: Y.XmlElement): Map<string, unknown> {
  const attributes = new Map<string, unknown>();
  element._map.forEach((item, key) => {
    if (!item.deleted) attributes.set(key, item.content.getContent()[item.length - 1]);
  });
  return attributes;
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/** The counterpart in the live document of a type of the shadow, or null if this update created it. */
function beforeType<T extends AnyType>(doc: Y.Doc, type: T): T | null {
  const item = type._item;
  if (!item) return doc.getXmlFragment(FIELD) as unknown as T;
  if (Y.getState(doc.store, item.id.client) <= item.id.clock) return null;
  const found = Y.getItem(doc.store, item.id);
  return found instanceof Y.Item && found.content instanceof Y.ContentType ? (found.content.type as T) : null;
}

function rootOf(type: AnyType): AnyType {
  let current = type;
  while (current._item) current = current._item.parent as AnyType;
  return current;
}

class Judge {
  private readonly cache = new Map<Attrs, CharInfo>();
  /** Agreement values of blocks this update removed (a rewritten block may carry its value over). */
  private readonly removedAgreements = new Set<unknown>();
  /**
   * Anchors and suggestion ids on text this update touched or removed: another user's may move
   * with that text (a split or rewritten block, typing inside), never appear anywhere else.
   */
  private readonly presentAnchors = new Set<string>();
  private readonly presentSuggestions = new Set<string>();

  constructor(
    private readonly before: Y.Doc,
    private readonly schema: Schema,
    private readonly rights: WriteRights,
  ) {}

  /** Blocks, attributes and existing text are fixed for suggest-only and comment-only connections. */
  private get locked() {
    return this.rights.suggestOnly || this.rights.commentOnly;
  }

  private ownSuggestion(id: string | null): boolean {
    if (id === null) return false;
    const parsed = parseSuggestionId(id);
    return parsed !== null && parsed.userId === this.rights.userId && parsed.partnerId === this.rights.partnerId;
  }

  private checkAttributes(element: Y.XmlElement) {
    const spec = Object.hasOwn(this.schema.nodes, element.nodeName) ? this.schema.nodes[element.nodeName] : undefined;
    if (!spec || spec.isText || element.nodeName === this.schema.topNodeType.name)
      refuse(`unknown node ${element.nodeName}`);
    const allowed = spec?.spec.attrs ?? {};
    for (const [key, value] of attributesOf(element)) {
      if (!Object.hasOwn(allowed, key)) refuse(`unknown attribute ${key} on ${element.nodeName}`);
      if (key === "agreement" && value !== null && value !== "bracketed" && value !== "adRef") {
        refuse("invalid agreement value");
      }
    }
  }

  private checkFormats(text: Y.XmlText) {
    for (let item = text._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentFormat)) continue;
      const { key, value } = item.content;
      const name = markNameOf(key);
      const mark = Object.hasOwn(this.schema.marks, name) ? this.schema.marks[name] : undefined;
      if (!mark) refuse(`unknown mark ${key}`);
      if (value === null) continue;
      if (typeof value !== "object" || Array.isArray(value)) refuse(`invalid attributes of ${key}`);
      const allowed = mark?.spec.attrs ?? {};
      for (const attr of Object.keys(value as Attrs)) {
        if (!Object.hasOwn(allowed, attr)) refuse(`unknown attribute ${attr} of ${key}`);
      }
      const id = (value as Attrs).id;
      if (name === COMMENT_ANCHOR && anchorOwner(id) === null) refuse("invalid anchor id");
      if ((name === SUGGESTION_INSERT || name === SUGGESTION_DELETE) && parseSuggestionId(id) === null) {
        refuse("invalid suggestion id");
      }
    }
  }

  /** A node this update created, with everything in it. */
  private checkNew(type: AnyType, previousSibling: Y.XmlElement | null) {
    if (this.locked) refuse("connection may not change the structure");
    if (type instanceof Y.XmlText) {
      this.checkText(null, type);
      return;
    }
    if (!(type instanceof Y.XmlElement)) return refuse("unexpected shared type");
    this.checkAttributes(type);
    const agreement = type.getAttribute("agreement") ?? null;
    if (agreement !== null && !this.rights.markAgreement) {
      const carried =
        this.removedAgreements.has(agreement) ||
        (previousSibling !== null && (previousSibling.getAttribute("agreement") ?? null) === agreement);
      if (!carried) refuse("new block with an agreement mark");
    }
    let previous: Y.XmlElement | null = null;
    for (const item of children(type)) {
      const child = (item.content as Y.ContentType).type;
      this.checkNew(child, previous);
      if (child instanceof Y.XmlElement) previous = child;
    }
  }

  /** Phase one: what the touched parts of the document held before the update. */
  collectBefore(after: AnyType) {
    const before = beforeType(this.before, after);
    if (!before) return;
    if (before instanceof Y.XmlText) {
      this.collectText(before);
      return;
    }
    if (!(before instanceof Y.XmlElement || before instanceof Y.XmlFragment)) return;
    const afterIds = new Set(children(after as Y.XmlElement).map((item) => idKey(item.id)));
    for (const item of children(before)) {
      if (!afterIds.has(idKey(item.id))) this.collectRemoved((item.content as Y.ContentType).type);
    }
  }

  private collectText(text: Y.XmlText) {
    for (const attrs of textChars(text).values()) {
      const info = charInfo(attrs, this.cache);
      for (const anchor of info.anchors) this.presentAnchors.add(anchor);
      if (info.insertId) this.presentSuggestions.add(info.insertId);
      if (info.deleteId) this.presentSuggestions.add(info.deleteId);
    }
  }

  private collectRemoved(type: AnyType) {
    if (type instanceof Y.XmlText) {
      this.collectText(type);
      return;
    }
    if (!(type instanceof Y.XmlElement)) return;
    const agreement = type.getAttribute("agreement");
    if (agreement) this.removedAgreements.add(agreement);
    for (const item of children(type)) this.collectRemoved((item.content as Y.ContentType).type);
  }

  /** A block (or the fragment) whose children or attributes changed. */
  checkContainer(after: Y.XmlElement | Y.XmlFragment) {
    const before = beforeType(this.before, after);
    if (!before) return; // created by this update: checked with its parent
    if (after instanceof Y.XmlElement) {
      this.checkAttributes(after);
      const was = attributesOf(before as Y.XmlElement);
      const now = attributesOf(after);
      for (const key of new Set([...was.keys(), ...now.keys()])) {
        const same = JSON.stringify(was.get(key) ?? null) === JSON.stringify(now.get(key) ?? null);
        if (same) continue;
        if (this.locked) refuse("connection may not change attributes");
        if (key === "agreement" && !this.rights.markAgreement) refuse("agreement mark changed without the right");
      }
    }
    const beforeChildren = children(before);
    const afterChildren = children(after);
    const afterIds = new Set(afterChildren.map((item) => idKey(item.id)));
    const beforeIds = new Set(beforeChildren.map((item) => idKey(item.id)));
    const removed = beforeChildren.filter((item) => !afterIds.has(idKey(item.id)));
    const added = afterChildren.filter((item) => !beforeIds.has(idKey(item.id)));
    if (this.locked && (removed.length > 0 || added.length > 0)) {
      refuse("connection may not change the structure");
    }
    for (const item of removed) this.collectRemoved((item.content as Y.ContentType).type);
    let previous: Y.XmlElement | null = null;
    for (const item of afterChildren) {
      const child = (item.content as Y.ContentType).type;
      if (!beforeIds.has(idKey(item.id))) this.checkNew(child, previous);
      if (child instanceof Y.XmlElement) previous = child;
    }
  }

  /**
   * The rule for a character this update inserted, with the formatting it carries; both paths
   * judge by it. Another user's anchor or suggestion may only move with text that held it:
   * without `moved` (the fast path, which does not list what the update removed) such a
   * character returns false, and the full judgement decides.
   */
  private insertedChar(a: CharInfo, moved: { anchors: Set<string>; suggestions: Set<string> } | null): boolean {
    const { suggestOnly, commentOnly, decideSuggestions, userId } = this.rights;
    if (commentOnly) refuse("comment-only connection inserted text");
    if (suggestOnly && (!this.ownSuggestion(a.insertId) || a.deleteId !== null)) {
      refuse("suggest-only connection inserted text that is not its own suggestion");
    }
    for (const anchor of a.anchors) {
      if (anchorOwner(anchor) === userId) continue;
      if (!moved) return false;
      if (!moved.anchors.has(anchor)) refuse("another user's comment anchor created");
    }
    if (!decideSuggestions) {
      for (const id of [a.insertId, a.deleteId]) {
        if (id === null || this.ownSuggestion(id)) continue;
        if (!moved) return false;
        if (!moved.suggestions.has(id)) refuse("another user's suggestion created");
      }
    }
    return true;
  }

  /** The rule for a character this update deleted (`b`: its formatting before); both paths judge by it. */
  private deletedChar(b: CharInfo) {
    if (this.rights.commentOnly) refuse("comment-only connection deleted text");
    if (this.rights.suggestOnly && !this.ownSuggestion(b.insertId)) {
      refuse("suggest-only connection deleted text instead of suggesting its deletion");
    }
  }

  /** The rule for a character whose formatting changed from `b` to `a` (only the full judgement sees these). */
  private reformattedChar(a: CharInfo, b: CharInfo) {
    const { suggestOnly, commentOnly, decideSuggestions, userId } = this.rights;
    for (const anchor of new Set([...a.anchors, ...b.anchors])) {
      if (anchorOwner(anchor) !== userId && a.anchors.has(anchor) !== b.anchors.has(anchor)) {
        refuse("another user's comment anchor changed");
      }
    }
    if (commentOnly && (a.insertId !== b.insertId || a.deleteId !== b.deleteId || a.other !== b.other)) {
      refuse("comment-only connection changed the text");
    }
    if (a.insertId !== b.insertId) {
      if (suggestOnly) refuse("suggest-only connection changed an insertion mark");
      if (!decideSuggestions && !(this.ownOrNull(a.insertId) && this.ownOrNull(b.insertId))) {
        refuse("another user's suggestion changed");
      }
    }
    if (a.deleteId !== b.deleteId) {
      const own = this.ownOrNull(a.deleteId) && this.ownOrNull(b.deleteId);
      if (!own && !decideSuggestions) refuse("another user's suggestion changed");
      if (suggestOnly && b.insertId !== null) refuse("suggest-only connection marked an insertion for deletion");
    }
    // Formatting of the author's own pending insertion is theirs to change (autolinks, …).
    if (suggestOnly && a.other !== b.other && !(this.ownSuggestion(b.insertId) && a.insertId === b.insertId)) {
      refuse("suggest-only connection changed formatting");
    }
  }

  /** The full judgement of a text whose characters or formatting changed (before: null for a new text). */
  checkText(before: Y.XmlText | null, after: Y.XmlText) {
    this.checkFormats(after);
    const was = before ? textChars(before) : new Map<string, Attrs>();
    const now = textChars(after);
    const moved = { anchors: this.presentAnchors, suggestions: this.presentSuggestions };
    for (const [key, attrs] of now) {
      const a = charInfo(attrs, this.cache);
      const previous = was.get(key);
      if (previous === undefined) this.insertedChar(a, moved);
      else if (previous !== attrs) this.reformattedChar(a, charInfo(previous, this.cache));
    }
    for (const [key, attrs] of was) if (!now.has(key)) this.deletedChar(charInfo(attrs, this.cache));
  }

  /**
   * The common case judged without listing every character: a text whose formatting items this
   * update neither added nor removed, so every character already there keeps its formatting and
   * only the characters it added or removed are judged, by the same rules as the full judgement.
   * True: judged, allowed. False: the full judgement is needed (new formatting, or new text
   * carrying another user's anchor or suggestion). Throws Refused like checkText.
   */
  quickCheckText(after: Y.XmlText, changes: UpdateChanges): boolean {
    const before = beforeType(this.before, after);
    if (!before) return false;
    this.checkFormats(after);
    let attrs: Attrs = {};
    for (let item = after._start; item; item = item.right) {
      const content = item.content;
      if (content instanceof Y.ContentFormat) {
        if (changes.added(item) || (item.deleted && changes.deleted(item, 0, 1))) return false;
        if (item.deleted) continue;
        attrs = { ...attrs };
        if (content.value === null) delete attrs[content.key];
        else attrs[content.key] = content.value;
        continue;
      }
      if (!(content instanceof Y.ContentString)) {
        if (!item.deleted) refuse("embedded content in text");
        continue;
      }
      // Characters from `firstNew` on were added by this update (Yjs merges an author's
      // consecutive characters into one item, old and new).
      const firstNew = Math.max(0, Math.min(item.length, changes.stateBefore(item.id.client) - item.id.clock));
      if (item.deleted) {
        if (firstNew > 0 && changes.deleted(item, 0, firstNew)) this.deletedChar(charInfo(attrs, this.cache));
        continue;
      }
      if (firstNew === item.length) continue;
      if (!this.insertedChar(charInfo(attrs, this.cache), null)) return false;
    }
    return true;
  }

  private ownOrNull(id: string | null) {
    return id === null || this.ownSuggestion(id);
  }
}

/**
 * A shadow copy per live document, kept in step with it. A refused update leaves the shadow
 * ahead of the document: it is dropped and rebuilt on the next check.
 */
const shadows = new WeakMap<Y.Doc, { shadow: Y.Doc; off: () => void }>();

function shadowOf(doc: Y.Doc): Y.Doc {
  const existing = shadows.get(doc);
  if (existing) return existing.shadow;
  const shadow = new Y.Doc({ gc: false });
  Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc));
  const follow = (update: Uint8Array) => Y.applyUpdate(shadow, update);
  doc.on("update", follow);
  const off = () => doc.off("update", follow);
  doc.on("destroy", () => dropShadow(doc));
  shadows.set(doc, { shadow, off });
  return shadow;
}

export function dropShadow(doc: Y.Doc): void {
  const existing = shadows.get(doc);
  if (!existing) return;
  existing.off();
  existing.shadow.destroy();
  shadows.delete(doc);
}

/**
 * Judges an update from a connection with these rights against the live document. On success
 * the shadow already holds the update (applying it to the document after is a no-op for it); on
 * refusal the shadow is dropped. Synchronous: nothing else runs between the judgement and
 * whatever the caller does next in the same tick.
 */
export function judgeUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  rights: WriteRights,
  schema: Schema,
  { thorough = false }: { thorough?: boolean } = {},
): Verdict {
  const shadow = shadowOf(doc);
  const fragment = shadow.getXmlFragment(FIELD);
  const rootsBefore = new Set(shadow.share.keys());
  // Every transaction the update causes (Yjs runs a second one to clean up formatting).
  const touched = new Set<AnyType>();
  const deleteSets: Y.Transaction["deleteSet"][] = [];
  const capture = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) touched.add(type);
    deleteSets.push(transaction.deleteSet);
  };
  shadow.on("afterTransaction", capture);
  try {
    Y.applyUpdate(shadow, update);
  } catch {
    dropShadow(doc);
    return { ok: false, reason: "malformed update" };
  } finally {
    shadow.off("afterTransaction", capture);
  }
  try {
    if (shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null) refuse("missing dependencies");
    for (const key of shadow.share.keys()) {
      if (!rootsBefore.has(key) && key !== FIELD) refuse(`write to shared type ${key}`);
    }
    const changed = [...touched];
    for (const type of changed) if (rootOf(type) !== fragment) refuse("write outside the paper's text");
    // Typing: only texts changed, and their formatting did not. Judged without the full lists.
    if (!thorough && changed.every((type) => type instanceof Y.XmlText)) {
      const judge = new Judge(doc, schema, rights);
      const changes = updateChanges(doc, deleteSets);
      if (changed.every((text) => judge.quickCheckText(text as Y.XmlText, changes))) return { ok: true, quick: true };
    }
    const judge = new Judge(doc, schema, rights);
    const texts: Y.XmlText[] = [];
    for (const type of changed) judge.collectBefore(type);
    for (const type of changed) {
      if (type instanceof Y.XmlText) texts.push(type);
      else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) judge.checkContainer(type);
      else refuse("unexpected shared type");
    }
    // Containers first: removed blocks are known before texts are judged.
    for (const text of texts) {
      const before = beforeType(doc, text);
      if (before) judge.checkText(before, text);
    }
    return { ok: true };
  } catch (error) {
    dropShadow(doc);
    if (error instanceof Refused) return { ok: false, reason: error.message };
    return { ok: false, reason: "update could not be judged" };
  }
}

/** What an update added and deleted, told apart from what the live document already had. */
type UpdateChanges = {
  stateBefore(client: number): number;
  added(item: Y.Item): boolean;
  /** Whether the update deleted any of the item's characters `from` (inclusive) to `to`. */
  deleted(item: Y.Item, from: number, to: number): boolean;
};

function updateChanges(doc: Y.Doc, deleteSets: Y.Transaction["deleteSet"][]): UpdateChanges {
  const states = new Map<number, number>();
  const stateBefore = (client: number) => {
    let state = states.get(client);
    if (state === undefined) {
      state = Y.getState(doc.store, client);
      states.set(client, state);
    }
    return state;
  };
  return {
    stateBefore,
    added: (item) => item.id.clock + item.length > stateBefore(item.id.client),
    deleted(item, from, to) {
      const start = item.id.clock + from;
      const end = item.id.clock + to;
      for (const set of deleteSets) {
        for (const range of set.clients.get(item.id.client) ?? []) {
          if (range.clock < end && range.clock + range.len > start) return true;
        }
      }
      return false;
    },
  };
}
