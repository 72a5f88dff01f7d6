// The judgement of one update, type by type: blocks and their attributes, formatting items, and
// the characters of each text, by the rules of character-rules.ts.
import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import {
  anchorOwner,
  COMMENT_ANCHOR,
  parseSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
} from "@/lib/editor/annotations";
import type { WriteRights } from "../../policy";
import { CharacterRules } from "./character-rules";
import {
  type AnyType,
  type Attrs,
  attributesOf,
  beforeType,
  type CharInfo,
  charInfo,
  children,
  idKey,
  markNameOf,
  refuse,
  textChars,
} from "./yjs-reading";

/** What an update added and deleted, told apart from what the live document already had. */
export type UpdateChanges = {
  stateBefore(client: number): number;
  added(item: Y.Item): boolean;
  /** Whether the update deleted any of the item's characters `from` (inclusive) to `to`. */
  deleted(item: Y.Item, from: number, to: number): boolean;
};

export class Judge {
  private readonly cache = new Map<Attrs, CharInfo>();
  /** Agreement values of blocks this update removed (a rewritten block may carry its value over). */
  private readonly removedAgreements = new Set<unknown>();
  /**
   * Anchors and suggestion ids on text this update touched or removed: another user's may move
   * with that text (a split or rewritten block, typing inside), never appear anywhere else.
   */
  private readonly presentAnchors = new Set<string>();
  private readonly presentSuggestions = new Set<string>();

  private readonly characters: CharacterRules;

  constructor(
    private readonly before: Y.Doc,
    private readonly schema: Schema,
    private readonly rights: WriteRights,
  ) {
    this.characters = new CharacterRules(rights);
  }

  /** Blocks, attributes and existing text are fixed for suggest-only and comment-only connections. */
  private get locked() {
    return this.rights.suggestOnly || this.rights.commentOnly;
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

  /** The full judgement of a text whose characters or formatting changed (before: null for a new text). */
  checkText(before: Y.XmlText | null, after: Y.XmlText) {
    this.checkFormats(after);
    const was = before ? textChars(before) : new Map<string, Attrs>();
    const now = textChars(after);
    const moved = { anchors: this.presentAnchors, suggestions: this.presentSuggestions };
    for (const [key, attrs] of now) {
      const a = charInfo(attrs, this.cache);
      const previous = was.get(key);
      if (previous === undefined) this.characters.inserted(a, moved);
      else if (previous !== attrs) this.characters.reformatted(a, charInfo(previous, this.cache));
    }
    for (const [key, attrs] of was) if (!now.has(key)) this.characters.deleted(charInfo(attrs, this.cache));
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
        if (firstNew > 0 && changes.deleted(item, 0, firstNew)) this.characters.deleted(charInfo(attrs, this.cache));
        continue;
      }
      if (firstNew === item.length) continue;
      if (!this.characters.inserted(charInfo(attrs, this.cache), null)) return false;
    }
    return true;
  }
}
