// The write guard's reference: the same rules (BlockRules, CharacterRules) applied the slow,
// obvious way, by listing every child of every touched container and every character of every
// touched text before and after the update. The guard (server/collab/guard/judge.ts) reads only
// what the update changed; tests/unit/guard.test.ts checks both reach the same verdict.
import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import { BlockRules, blockSuggestionIds } from "@/server/collab/guard/block-rules";
import { CharacterRules, type MovedMarks } from "@/server/collab/guard/character-rules";
import {
  type AnyType,
  type Attrs,
  beforeType,
  type CharInfo,
  charInfo,
  children,
  FIELD,
  idKey,
  Refused,
  refuse,
  rootOf,
} from "@/server/collab/guard/yjs-reading";
import type { WriteRights } from "@/server/policy";

/** Every visible character of a text, by Yjs id, with the formatting in effect on it. */
function textChars(text: Y.XmlText, onFormat?: (item: Y.Item) => void): Map<string, Attrs> {
  const chars = new Map<string, Attrs>();
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
      for (let i = 0; i < content.str.length; i++) chars.set(`${item.id.client}:${item.id.clock + i}`, attrs);
    } else {
      refuse("embedded content in text");
    }
  }
  return chars;
}

class ReferenceJudge {
  private readonly cache = new Map<Attrs, CharInfo>();
  private readonly moved: MovedMarks = { anchors: new Set(), suggestions: new Set() };
  private readonly blocks: BlockRules;
  private readonly characters: CharacterRules;

  constructor(
    private readonly before: Y.Doc,
    schema: Schema,
    rights: WriteRights,
  ) {
    this.blocks = new BlockRules(schema, rights);
    this.characters = new CharacterRules(rights);
  }

  judge(changed: AnyType[]) {
    for (const type of changed) this.collectBefore(type);
    const texts: Y.XmlText[] = [];
    for (const type of changed) {
      if (type instanceof Y.XmlText) texts.push(type);
      else if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) this.checkContainer(type);
      else refuse("unexpected shared type");
    }
    for (const text of texts) {
      const before = beforeType(this.before, text);
      if (before) this.checkText(before, text);
    }
  }

  private collectBefore(after: AnyType) {
    const before = beforeType(this.before, after);
    if (!before) return;
    if (before instanceof Y.XmlText) return this.collectRemoved(before);
    const afterIds = new Set(children(after as Y.XmlElement).map((item) => idKey(item.id)));
    for (const item of children(before as Y.XmlElement)) {
      if (!afterIds.has(idKey(item.id))) this.collectRemoved((item.content as Y.ContentType).type);
    }
  }

  private collectRemoved(type: AnyType) {
    if (type instanceof Y.XmlText) {
      for (const attrs of textChars(type).values()) {
        const info = charInfo(attrs, this.cache);
        for (const anchor of info.anchors) this.moved.anchors.add(anchor);
        if (info.insertId) this.moved.suggestions.add(info.insertId);
        if (info.deleteId) this.moved.suggestions.add(info.deleteId);
        if (info.formatId) this.moved.suggestions.add(info.formatId);
      }
      return;
    }
    if (!(type instanceof Y.XmlElement)) return;
    this.blocks.removedBlock(type);
    for (const id of blockSuggestionIds(type)) this.moved.suggestions.add(id);
    for (const item of children(type)) this.collectRemoved((item.content as Y.ContentType).type);
  }

  private checkContainer(after: Y.XmlElement | Y.XmlFragment) {
    const before = beforeType(this.before, after);
    if (!before) return;
    if (after instanceof Y.XmlElement) this.blocks.attributesChanged(before as Y.XmlElement, after);
    const beforeChildren = children(before);
    const beforeIds = new Set(beforeChildren.map((item) => idKey(item.id)));
    const afterChildren = children(after);
    const afterIds = new Set(afterChildren.map((item) => idKey(item.id)));
    for (const item of beforeChildren) {
      if (afterIds.has(idKey(item.id))) continue;
      const removed = (item.content as Y.ContentType).type;
      this.blocks.removedChild(removed);
      if (removed instanceof Y.XmlText) {
        for (const attrs of textChars(removed).values()) this.characters.deleted(charInfo(attrs, this.cache));
      }
    }
    let previous: Y.XmlElement | null = null;
    for (const item of afterChildren) {
      const child = (item.content as Y.ContentType).type;
      if (!beforeIds.has(idKey(item.id))) this.checkNew(child, previous);
      if (child instanceof Y.XmlElement) previous = child;
    }
  }

  private checkNew(type: AnyType, previousSibling: Y.XmlElement | null) {
    if (this.blocks.structureFixed) refuse("connection may not change the structure");
    if (type instanceof Y.XmlText) return this.checkText(null, type);
    if (!(type instanceof Y.XmlElement)) return refuse("unexpected shared type");
    this.blocks.newBlock(type, previousSibling, this.moved);
    let previous: Y.XmlElement | null = null;
    for (const item of children(type)) {
      const child = (item.content as Y.ContentType).type;
      this.checkNew(child, previous);
      if (child instanceof Y.XmlElement) previous = child;
    }
  }

  private checkText(before: Y.XmlText | null, after: Y.XmlText) {
    // Every visible formatting item, old ones included.
    const now = textChars(after, (item) => this.blocks.checkFormat(item));
    const was = before ? textChars(before) : new Map<string, Attrs>();
    for (const [key, attrs] of now) {
      const a = charInfo(attrs, this.cache);
      const previous = was.get(key);
      if (previous === undefined) this.characters.inserted(a, this.moved);
      else this.characters.reformatted(a, charInfo(previous, this.cache));
    }
    for (const [key, attrs] of was) if (!now.has(key)) this.characters.deleted(charInfo(attrs, this.cache));
  }
}

/** The reference verdict on `update` against `live` (which it leaves unchanged): true when allowed. */
export function referenceVerdict(live: Y.Doc, update: Uint8Array, rights: WriteRights, schema: Schema): boolean {
  const after = new Y.Doc({ gc: false });
  Y.applyUpdate(after, Y.encodeStateAsUpdate(live));
  // Typed before the update: a root read only after it would be a new object, not the changed one.
  const fragment = after.getXmlFragment(FIELD);
  const rootsBefore = new Set(after.share.keys());
  const changed = new Set<AnyType>();
  const capture = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) changed.add(type);
  };
  after.on("afterTransaction", capture);
  try {
    Y.applyUpdate(after, update);
  } catch {
    return false;
  }
  after.off("afterTransaction", capture);
  try {
    if (after.store.pendingStructs !== null || after.store.pendingDs !== null) return false;
    for (const key of after.share.keys()) if (!rootsBefore.has(key) && key !== FIELD) return false;
    for (const type of changed) if (rootOf(type) !== fragment) return false;
    new ReferenceJudge(live, schema, rights).judge([...changed]);
    return true;
  } catch (error) {
    if (error instanceof Refused) return false;
    throw error;
  }
}
