// The judgement of one update, in proportion to what it changed: the blocks it added or removed
// (UpdateChange lists them from the update itself, never by listing a container's children), the
// attributes of the blocks it touched, and in each text it touched, its runs of characters laid
// over what the text held before by Yjs id: one comparison per run, never one per character.
// Blocks and formatting are judged by block-rules.ts, characters by character-rules.ts.
import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { WriteRights } from "../../policy";
import { BlockRules, blockSuggestionIds } from "./block-rules";
import { CharacterRules, type MovedMarks } from "./character-rules";
import type { UpdateChange } from "./update-change";
import {
  type AnyType,
  type Attrs,
  beforeType,
  type CharInfo,
  charInfo,
  children,
  overlay,
  type Run,
  refuse,
  textRuns,
} from "./yjs-reading";

export class Judge {
  private readonly infos = new Map<Attrs, CharInfo>();
  /**
   * Anchors and suggestion ids on text this update touched or removed: another user's may move
   * with that text (a split or rewritten block, typing inside), never appear anywhere else.
   */
  private readonly moved: MovedMarks = { anchors: new Set(), suggestions: new Set() };
  private readonly runsBefore = new Map<Y.XmlText, Run[]>();
  private readonly blocks: BlockRules;
  private readonly characters: CharacterRules;

  constructor(
    private readonly before: Y.Doc,
    schema: Schema,
    rights: WriteRights,
    private readonly change: UpdateChange,
  ) {
    this.blocks = new BlockRules(schema, rights);
    this.characters = new CharacterRules(rights);
  }

  /** Judges the types the update changed (Yjs's `transaction.changed`). Throws Refused. */
  judge(changed: AnyType[]): void {
    // First what the touched parts held, so moved anchors and carried agreements are known.
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

  private info(run: Run): CharInfo {
    return charInfo(run.attrs, this.infos);
  }

  private runsOf(before: Y.XmlText): Run[] {
    let runs = this.runsBefore.get(before);
    if (!runs) {
      runs = textRuns(before);
      this.runsBefore.set(before, runs);
    }
    return runs;
  }

  private collectBefore(after: AnyType) {
    const before = beforeType(this.before, after);
    if (before instanceof Y.XmlText) this.collectText(before);
    else if (before) for (const removed of this.change.removed(after)) this.collectRemoved(removed);
  }

  private collectText(before: Y.XmlText) {
    for (const run of this.runsOf(before)) {
      const info = this.info(run);
      for (const anchor of info.anchors) this.moved.anchors.add(anchor);
      if (info.insertId) this.moved.suggestions.add(info.insertId);
      if (info.deleteId) this.moved.suggestions.add(info.deleteId);
      if (info.formatId) this.moved.suggestions.add(info.formatId);
    }
  }

  private collectRemoved(type: AnyType) {
    if (type instanceof Y.XmlText) {
      this.collectText(type);
      return;
    }
    if (!(type instanceof Y.XmlElement)) return;
    this.blocks.removedBlock(type);
    for (const id of blockSuggestionIds(type)) this.moved.suggestions.add(id);
    for (const item of children(type)) this.collectRemoved((item.content as Y.ContentType).type);
  }

  /** A block (or the fragment) whose children or attributes changed. */
  private checkContainer(after: Y.XmlElement | Y.XmlFragment) {
    const before = beforeType(this.before, after);
    if (!before) return; // created by this update: judged with its parent
    if (after instanceof Y.XmlElement) this.blocks.attributesChanged(before as Y.XmlElement, after);
    for (const removed of this.change.removed(after)) {
      this.blocks.removedChild(removed);
      // A removed text takes its characters with it: each is judged as deleted.
      if (removed instanceof Y.XmlText) for (const run of this.runsOf(removed)) this.characters.deleted(this.info(run));
    }
    for (const item of this.change.added(after)) {
      if (!(item.content instanceof Y.ContentType)) refuse("non-node content in a block");
      this.checkNew((item.content as Y.ContentType).type, this.change.blockBeforeItem(item));
    }
  }

  /** A node this update created, with everything in it. */
  private checkNew(type: AnyType, previousSibling: Y.XmlElement | null) {
    if (this.blocks.structureFixed) refuse("connection may not change the structure");
    if (type instanceof Y.XmlText) {
      this.checkText(null, type);
      return;
    }
    if (!(type instanceof Y.XmlElement)) return refuse("unexpected shared type");
    this.blocks.newBlock(type, previousSibling, this.moved);
    let previous: Y.XmlElement | null = null;
    for (const item of children(type)) {
      const child = (item.content as Y.ContentType).type;
      this.checkNew(child, previous);
      if (child instanceof Y.XmlElement) previous = child;
    }
  }

  /** A text whose characters or formatting changed (before: null for a new text). */
  private checkText(before: Y.XmlText | null, after: Y.XmlText) {
    const now = textRuns(after, (item) => {
      if (this.change.isNew(item)) this.blocks.checkFormat(item);
    });
    const was = before ? this.runsOf(before) : [];
    overlay(now, was, (run, same) => {
      const a = this.info(run);
      if (same === null) this.characters.inserted(a, this.moved);
      else this.characters.reformatted(a, this.info(same));
    });
    overlay(was, now, (run, same) => {
      if (same === null) this.characters.deleted(this.info(run));
    });
  }
}
