// Suggest mode in the editor: while on, every edit becomes a suggestion instead of a change.
// Inserted text gets the author's `suggestionInsert` mark; deleted text keeps its place under a
// `suggestionDelete` mark, except the author's own pending insertion, which is simply removed.
// An edit that changes blocks (a new, deleted, split or merged paragraph, a list item, a table
// row, a heading, a move) keeps the blocks it touched, proposed for deletion, and adds the blocks
// it makes, proposed for insertion, under one id (block attributes, lib/editor/annotations.ts),
// after trimming what stayed the same, so Enter in a paragraph proposes only the words that move.
// What cannot be recorded (formatting, notes, another user's insertion deleted) is dropped, so
// the editor never sends an update the server's guard (server/collab/guard/) would refuse.
import { Extension } from "@tiptap/core";
import { Fragment, type Mark, type Node as PmNode, type ResolvedPos, Slice } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { AddMarkStep, Mapping, RemoveMarkStep, ReplaceAroundStep, ReplaceStep } from "@tiptap/pm/transform";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import {
  BLOCK_DELETE,
  BLOCK_INSERT,
  COMMENT_ANCHOR,
  newSuggestionId,
  parseFormats,
  parseSuggestionId,
  SUGGESTABLE_FORMATS,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
  type SuggestableFormat,
} from "./annotations";

export type SuggestModeOptions = {
  userId: string;
  partnerId: string | null;
  /** Read on every transaction: whether suggest mode is on now. */
  isEnabled: () => boolean;
  /**
   * Read on every transaction: whether this page may not change the text at all (observers,
   * frozen text). Then only the user's own comment anchors are written; changes that plugins
   * make on their own (a trailing paragraph…) are dropped, as the server would refuse them.
   */
  isLocked: () => boolean;
  /** Called when an edit was dropped because suggest mode cannot record it, with the text it would have inserted. */
  onBlocked: (attempted: string) => void;
};

/** Transactions carrying this meta are left alone (own comment anchors, tracked transactions). */
export const suggestModeKey = new PluginKey("suggestMode");
const TRACKED = "tracked";

function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return Boolean(meta?.isChangeOrigin);
}

class Blocked extends Error {}

type Own = { userId: string; partnerId: string | null };

function isOwn(id: unknown, own: Own): boolean {
  const parsed = parseSuggestionId(id);
  return parsed !== null && parsed.userId === own.userId && parsed.partnerId === own.partnerId;
}

function suggestionMark(marks: readonly Mark[], name: string): Mark | undefined {
  return marks.find((m) => m.type.name === name);
}

/** The own suggestion id of this kind right before or after a position, to extend it rather than start a new one. */
function adjacentOwnId(doc: PmNode, pos: number, name: string, own: Own): string | null {
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = node ? suggestionMark(node.marks, name) : undefined;
    if (mark && isOwn(mark.attrs.id, own)) return String(mark.attrs.id);
  }
  return null;
}

/** The inline text a step inserts, or null if it inserts anything else (blocks, notes, breaks). */
function insertedText(step: ReplaceStep): PmNode[] | null {
  let content = step.slice.content;
  const { openStart, openEnd } = step.slice;
  if (openStart !== openEnd || openStart > 1) return null;
  if (openStart === 1) {
    if (content.childCount !== 1 || !content.firstChild?.isTextblock) return null;
    content = content.firstChild.content;
  }
  const nodes: PmNode[] = [];
  let ok = true;
  content.forEach((node) => {
    if (node.isText) nodes.push(node);
    else ok = false;
  });
  return ok ? nodes : null;
}

function withoutSuggestionMarks(marks: readonly Mark[]): readonly Mark[] {
  return marks.filter(
    (m) => m.type.name !== SUGGESTION_INSERT && m.type.name !== SUGGESTION_DELETE && m.type.name !== SUGGESTION_FORMAT,
  );
}

/** The id of the user's own proposed block the position is in, if any: what is typed there belongs to it. */
function enclosingOwnProposal($pos: ResolvedPos, own: Own): string | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const id = $pos.node(depth).attrs[BLOCK_INSERT];
    if (isOwn(id, own)) return String(id);
  }
  return null;
}

/**
 * One step of the user's transaction within one paragraph, re-expressed as a suggestion on
 * `out`. `forcedId`: the id of a block change this text change is part of. Returns where the
 * inserted text starts (or the deletion ends).
 */
function trackStep(
  out: Transaction,
  state: EditorState,
  step: ReplaceStep,
  own: Own,
  original: Transaction,
  forcedId?: string,
): number {
  const { schema } = state;
  const doc = out.doc;
  const { from, to } = step;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if ($from.parent !== $to.parent || !$from.parent.isTextblock) throw new Blocked();
  const inserted = insertedText(step);
  if (!inserted) throw new Blocked();
  const insertMark = schema.marks[SUGGESTION_INSERT];
  const deleteMark = schema.marks[SUGGESTION_DELETE];
  if (!insertMark || !deleteMark) throw new Blocked();

  // Deletion: from the end, so earlier positions stay valid.
  const segments: { from: number; to: number; node: PmNode }[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true; // the blocks around: a list item, a table cell, the paragraph
    if (!node.isText) throw new Blocked();
    segments.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), node });
    return false;
  });
  const proposal = enclosingOwnProposal($from, own);
  const newDeleteId =
    forcedId ??
    adjacentOwnId(doc, from, SUGGESTION_DELETE, own) ??
    adjacentOwnId(doc, to, SUGGESTION_DELETE, own) ??
    newSuggestionId(own.userId, own.partnerId);
  let end = to;
  for (const segment of segments.reverse()) {
    const insertion = suggestionMark(segment.node.marks, SUGGESTION_INSERT);
    if (insertion) {
      if (!isOwn(insertion.attrs.id, own)) throw new Blocked();
      out.delete(segment.from, segment.to);
      if (segment.to <= end) end -= segment.to - segment.from;
      continue;
    }
    if (suggestionMark(segment.node.marks, SUGGESTION_DELETE)) continue; // already proposed for deletion
    out.addMark(segment.from, segment.to, deleteMark.create({ id: newDeleteId }));
  }

  // Insertion: after the text proposed for deletion, as the author's own suggestion.
  const text = inserted.map((n) => n.text ?? "").join("");
  if (text.length > 0) {
    const at = end;
    const insertId =
      forcedId ??
      proposal ??
      adjacentOwnId(out.doc, at, SUGGESTION_INSERT, own) ??
      newSuggestionId(own.userId, own.partnerId);
    const base = inserted[0]?.marks ?? [];
    const marks = [...withoutSuggestionMarks(base), insertMark.create({ id: insertId })];
    out.insert(at, schema.text(text, marks));
    out.setSelection(TextSelection.create(out.doc, at + text.length));
    return at;
  }
  // Pure deletion: Backspace leaves the caret before the struck text, Delete after it.
  const before = state.selection;
  const backward = before.empty && before.head === to && original.steps.length === 1;
  const caret = backward ? from : end;
  out.setSelection(TextSelection.create(out.doc, Math.min(caret, out.doc.content.size)));
  return end;
}

// ── Formatting ──

const isSuggestableFormat = (name: string): name is SuggestableFormat =>
  (SUGGESTABLE_FORMATS as readonly string[]).includes(name);

/** The formatting a text node has now, among what can be proposed. */
function formatsOf(node: PmNode): SuggestableFormat[] {
  return SUGGESTABLE_FORMATS.filter((name) => node.marks.some((m) => m.type.name === name));
}

/**
 * Bold, italic, underline or strike-through set or cleared on agreed text, as a proposal: the
 * text keeps its formatting and carries the formatting proposed (`suggestionFormat`). The same
 * shortcut again takes the proposal back (the text's own formatting does not change, so the
 * editor would otherwise repeat the same step). The user's own pending insertions are formatted
 * directly.
 */
function trackFormat(out: Transaction, step: AddMarkStep | RemoveMarkStep, context: BlockContext): void {
  const name = step.mark.type.name;
  const formatMark = context.state.schema.marks[SUGGESTION_FORMAT];
  if (!isSuggestableFormat(name) || !formatMark) throw new Blocked();
  const segments: { from: number; to: number; node: PmNode; proposed: SuggestableFormat[]; id: string | null }[] = [];
  out.doc.nodesBetween(step.from, step.to, (node, pos) => {
    if (!node.isInline) return true;
    if (!node.isText) return false; // a note or a line break has no formatting of its own
    const existing = suggestionMark(node.marks, SUGGESTION_FORMAT);
    if (existing && !isOwn(existing.attrs.id, context.own)) throw new Blocked();
    const insertion = suggestionMark(node.marks, SUGGESTION_INSERT);
    if (insertion && !isOwn(insertion.attrs.id, context.own)) throw new Blocked();
    segments.push({
      from: Math.max(pos, step.from),
      to: Math.min(pos + node.nodeSize, step.to),
      node,
      proposed: existing ? (parseFormats(existing.attrs.formats) ?? []) : formatsOf(node),
      id: existing ? String(existing.attrs.id) : null,
    });
    return false;
  });
  const proposable = segments.filter(
    (x) => !suggestionMark(x.node.marks, SUGGESTION_INSERT) && !suggestionMark(x.node.marks, SUGGESTION_DELETE),
  );
  // A toggle on the proposal: setting what is already proposed everywhere, or clearing what is
  // already proposed cleared everywhere, goes back the other way.
  const add =
    step instanceof AddMarkStep
      ? !proposable.every((x) => x.proposed.includes(name))
      : proposable.every((x) => !x.proposed.includes(name));
  for (const segment of segments) {
    if (suggestionMark(segment.node.marks, SUGGESTION_DELETE)) continue; // proposed for deletion already
    if (suggestionMark(segment.node.marks, SUGGESTION_INSERT)) {
      if (step instanceof AddMarkStep) out.addMark(segment.from, segment.to, step.mark);
      else out.removeMark(segment.from, segment.to, step.mark);
      continue;
    }
    const proposed = SUGGESTABLE_FORMATS.filter((f) => (f === name ? add : segment.proposed.includes(f)));
    if (proposed.join(" ") === formatsOf(segment.node).join(" ")) {
      out.removeMark(segment.from, segment.to, formatMark);
    } else {
      const id = segment.id ?? context.id;
      out.addMark(segment.from, segment.to, formatMark.create({ id, formats: proposed.join(" ") }));
    }
  }
}

// ── Block changes ──

/** Where a stretch of the user's result lies in `out` (to place the caret): a position in `out` after `steps` steps. */
type Landmark = { from: number; to: number; at: number; steps: number };

type BlockContext = {
  out: Transaction;
  state: EditorState;
  own: Own;
  original: Transaction;
  /** One id for the whole change, so a split or a move is decided as one. */
  id: string;
  landmarks: Landmark[];
};

/** Whether a node type can carry block suggestions (lib/editor/annotations.ts). */
const suggestable = (node: PmNode) => Object.hasOwn(node.type.spec.attrs ?? {}, BLOCK_INSERT);

const withoutBlockSuggestion = (attrs: PmNode["attrs"]) => ({ ...attrs, [BLOCK_INSERT]: null, [BLOCK_DELETE]: null });

/** Same block apart from its text: its content can be compared in place rather than replaced. */
function sameBlock(a: PmNode, b: PmNode): boolean {
  if (a.type !== b.type || a.isLeaf || b.isLeaf || a.isText || b.isText) return false;
  return JSON.stringify(withoutBlockSuggestion(a.attrs)) === JSON.stringify(withoutBlockSuggestion(b.attrs));
}

/** A copy of a block the user made, proposed: the block and every block in it under `id`, its text as an insertion. */
function proposedCopy(node: PmNode, context: BlockContext): PmNode {
  const { schema } = context.state;
  if (node.isText) {
    const insertMark = schema.marks[SUGGESTION_INSERT];
    if (!insertMark) throw new Blocked();
    const marks = withoutSuggestionMarks(node.marks).filter((m) => m.type.name !== COMMENT_ANCHOR);
    return schema.text(node.text ?? "", [...marks, insertMark.create({ id: context.id })]);
  }
  if (!suggestable(node)) throw new Blocked(); // notes, line breaks: not recordable
  const children: PmNode[] = [];
  node.forEach((child) => {
    children.push(proposedCopy(child, context));
  });
  return node.type.create({ ...node.attrs, [BLOCK_INSERT]: context.id, [BLOCK_DELETE]: null }, children, node.marks);
}

/** Proposes deleting the block at `pos` (the user's own proposed block is simply removed). */
function proposeDeletion(pos: number, node: PmNode, context: BlockContext): void {
  const { out, own, id } = context;
  const proposedBy = node.attrs[BLOCK_INSERT];
  if (isOwn(proposedBy, own)) {
    out.delete(pos, pos + node.nodeSize);
    return;
  }
  if (proposedBy || node.attrs[BLOCK_DELETE] || !suggestable(node)) throw new Blocked();
  const deleteMark = context.state.schema.marks[SUGGESTION_DELETE];
  if (!deleteMark) throw new Blocked();
  // Text from the end, so earlier positions stay valid while the user's own insertions go.
  const texts: { pos: number; node: PmNode }[] = [];
  node.descendants((child, relative) => {
    if (child.isText) texts.push({ pos: pos + 1 + relative, node: child });
    else if (child.isInline) throw new Blocked();
    return true;
  });
  for (const text of texts.reverse()) {
    const insertion = suggestionMark(text.node.marks, SUGGESTION_INSERT);
    if (insertion) {
      if (!isOwn(insertion.attrs.id, own)) throw new Blocked();
      out.delete(text.pos, text.pos + text.node.nodeSize);
    } else if (!suggestionMark(text.node.marks, SUGGESTION_DELETE)) {
      out.addMark(text.pos, text.pos + text.node.nodeSize, deleteMark.create({ id }));
    }
  }
  out.setNodeAttribute(pos, BLOCK_DELETE, id);
}

/**
 * Re-expresses the replacement of the blocks `olds` (at `oldStart` in `out`) by `news` (at
 * `newStart` in the user's result): blocks equal at both ends stay, the first and last pair of
 * the same kind are compared in place, the other old blocks are proposed for deletion and the
 * other new ones proposed for insertion after them. Works from the end, so every position it
 * computed at the start is still valid when used.
 */
function replaceBlocks(
  oldStart: number,
  olds: PmNode[],
  newStart: number,
  news: PmNode[],
  context: BlockContext,
): void {
  let head = 0;
  while (head < olds.length && head < news.length && (olds[head] as PmNode).eq(news[head] as PmNode)) head++;
  let tail = 0;
  while (
    tail < olds.length - head &&
    tail < news.length - head &&
    (olds[olds.length - 1 - tail] as PmNode).eq(news[news.length - 1 - tail] as PmNode)
  )
    tail++;
  const oldMiddle = olds.slice(head, olds.length - tail);
  const newMiddle = news.slice(head, news.length - tail);
  const size = (nodes: PmNode[]) => nodes.reduce((sum, node) => sum + node.nodeSize, 0);
  let oldPos = oldStart + size(olds.slice(0, head));
  let newPos = newStart + size(news.slice(0, head));
  const first =
    oldMiddle.length > 0 && newMiddle.length > 0 && sameBlock(oldMiddle[0] as PmNode, newMiddle[0] as PmNode);
  const firstOld = first ? (oldMiddle.shift() as PmNode) : null;
  const firstNew = first ? (newMiddle.shift() as PmNode) : null;
  const last =
    oldMiddle.length > 0 &&
    newMiddle.length > 0 &&
    sameBlock(oldMiddle[oldMiddle.length - 1] as PmNode, newMiddle[newMiddle.length - 1] as PmNode);
  const lastOld = last ? (oldMiddle.pop() as PmNode) : null;
  const lastNew = last ? (newMiddle.pop() as PmNode) : null;

  const firstOldPos = oldPos;
  const firstNewPos = newPos;
  if (firstOld) oldPos += firstOld.nodeSize;
  if (firstNew) newPos += firstNew.nodeSize;
  const deletedPositions: number[] = [];
  for (const node of oldMiddle) {
    deletedPositions.push(oldPos);
    oldPos += node.nodeSize;
  }
  const insertAt = oldPos;
  const insertedNewPos = newPos;
  newPos += size(newMiddle);

  if (lastOld && lastNew) compareInPlace(oldPos, lastOld, newPos, lastNew, context);
  if (newMiddle.length > 0) {
    const copies = newMiddle.map((node) => proposedCopy(node, context));
    context.out.insert(insertAt, Fragment.from(copies));
    context.landmarks.push({
      from: insertedNewPos,
      to: insertedNewPos + size(newMiddle),
      at: insertAt,
      steps: context.out.steps.length,
    });
  }
  // From the end: each position was computed before any change to its right.
  for (let index = oldMiddle.length - 1; index >= 0; index--) {
    proposeDeletion(deletedPositions[index] as number, oldMiddle[index] as PmNode, context);
  }
  if (firstOld && firstNew) compareInPlace(firstOldPos, firstOld, firstNewPos, firstNew, context);
}

/** Two blocks of the same kind: their text compared in place, or their children compared as blocks. */
function compareInPlace(oldPos: number, old: PmNode, newPos: number, next: PmNode, context: BlockContext): void {
  if (!old.isTextblock) {
    const olds: PmNode[] = [];
    const news: PmNode[] = [];
    old.forEach((child) => {
      olds.push(child);
    });
    next.forEach((child) => {
      news.push(child);
    });
    replaceBlocks(oldPos + 1, olds, newPos + 1, news, context);
    return;
  }
  const start = old.content.findDiffStart(next.content);
  if (start === null) {
    context.landmarks.push({ from: newPos, to: newPos + next.nodeSize, at: oldPos, steps: context.out.steps.length });
    return;
  }
  const ends = old.content.findDiffEnd(next.content) ?? { a: old.content.size, b: next.content.size };
  // findDiffEnd may overlap findDiffStart when the change repeats its surroundings.
  const overlap = Math.max(0, start - Math.min(ends.a, ends.b));
  const endOld = ends.a + overlap;
  const endNew = ends.b + overlap;
  const { out, state, own, original, id } = context;
  context.landmarks.push({ from: newPos, to: newPos + 1 + start, at: oldPos, steps: out.steps.length });
  const step = new ReplaceStep(
    oldPos + 1 + start,
    oldPos + 1 + endOld,
    new Slice(next.content.cut(start, endNew), 0, 0),
  );
  const typedAt = trackStep(out, state, step, own, original, id);
  context.landmarks.push({
    from: newPos + 1 + start,
    to: newPos + 1 + endNew,
    at: typedAt,
    steps: out.steps.length,
  });
}

/**
 * A step that changes blocks, as block suggestions under `context.id`: the blocks it touched at
 * the level where it changes them, compared with what the user's step makes of them.
 */
function trackBlocks(step: ReplaceStep | ReplaceAroundStep, context: BlockContext): { newDoc: PmNode } {
  const doc = context.out.doc;
  const result = step.apply(doc);
  if (result.failed || !result.doc) throw new Blocked();
  const $from = doc.resolve(step.from);
  const $to = doc.resolve(step.to);
  const depth = Math.max(
    0,
    Math.min($from.sharedDepth(step.to), $from.depth - step.slice.openStart, $to.depth - step.slice.openEnd),
  );
  const oldStart = $from.depth > depth ? $from.before(depth + 1) : step.from;
  const oldEnd = $to.depth > depth ? $to.after(depth + 1) : step.to;
  const newEnd = step.getMap().map(oldEnd, 1);
  const olds = doc.slice(oldStart, oldEnd);
  const news = result.doc.slice(oldStart, newEnd);
  if (olds.openStart || olds.openEnd || news.openStart || news.openEnd) throw new Blocked();
  const list = (fragment: Fragment) => {
    const nodes: PmNode[] = [];
    fragment.forEach((node) => {
      nodes.push(node);
    });
    return nodes;
  };
  replaceBlocks(oldStart, list(olds.content), oldStart, list(news.content), context);
  return { newDoc: result.doc };
}

/** The caret where the user's own edit left it, carried over to the suggestion. */
function placeCaret(context: BlockContext, head: number): void {
  const { out } = context;
  for (const mark of context.landmarks) {
    if (head < mark.from || head > mark.to) continue;
    // Left of what was inserted at the same place: the caret stays where the user left it.
    const pos = out.mapping.slice(mark.steps).map(mark.at + (head - mark.from), -1);
    if (pos < 0 || pos > out.doc.content.size) continue;
    const $pos = out.doc.resolve(pos);
    if (!$pos.parent.inlineContent) continue;
    out.setSelection(TextSelection.create(out.doc, pos));
    return;
  }
}

/** The text a transaction would insert (a paste, a new paragraph's words), one line per block. */
export function attemptedText(tr: Transaction): string {
  const parts: string[] = [];
  for (const step of tr.steps) {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) continue;
    const { content } = step.slice;
    const text = content.textBetween(0, content.size, "\n");
    if (text) parts.push(text);
  }
  return parts.join("").trim();
}

/** A step inside one paragraph that only inserts or deletes text (the common case, typing). */
function isTextStep(doc: PmNode, step: ReplaceStep): boolean {
  const $from = doc.resolve(step.from);
  const $to = doc.resolve(step.to);
  return $from.parent === $to.parent && $from.parent.isTextblock && insertedText(step) !== null;
}

/** The user's transaction as a suggestion, or null when suggest mode cannot record it. */
export function toSuggestionTransaction(tr: Transaction, state: EditorState, own: Own): Transaction | null {
  const out = state.tr;
  const context: BlockContext = {
    out,
    state,
    own,
    original: tr,
    id: newSuggestionId(own.userId, own.partnerId),
    landmarks: [],
  };
  let blocksChanged = false;
  try {
    for (let i = 0; i < tr.steps.length; i++) {
      const step = tr.steps[i];
      // Back to the original document, then forward through what was tracked so far.
      const back = new Mapping(tr.mapping.maps.slice(0, i)).invert();
      const mapped = step?.map(back)?.map(out.mapping);
      if (mapped instanceof AddMarkStep || mapped instanceof RemoveMarkStep) {
        trackFormat(out, mapped, context);
        continue;
      }
      if (!(mapped instanceof ReplaceStep || mapped instanceof ReplaceAroundStep)) return null;
      if (mapped instanceof ReplaceStep && mapped.from === mapped.to && mapped.slice.size === 0) continue;
      if (mapped instanceof ReplaceStep && isTextStep(out.doc, mapped)) {
        trackStep(out, state, mapped, own, tr);
        continue;
      }
      context.landmarks = [];
      trackBlocks(mapped, context);
      blocksChanged = true;
    }
  } catch (error) {
    if (error instanceof Blocked) return null;
    throw error;
  }
  // The caret of a one-step block change (Enter, Backspace at a paragraph's start, typing over
  // paragraphs) goes where the user's edit put it; landmarks are in that step's result.
  if (blocksChanged && tr.steps.length === 1) placeCaret(context, tr.selection.head);
  if (tr.scrolledIntoView) out.scrollIntoView();
  out.setMeta(suggestModeKey, TRACKED);
  return out;
}

export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: "suggestMode",

  addOptions() {
    return { userId: "", partnerId: null, isEnabled: () => false, isLocked: () => false, onBlocked: () => {} };
  },

  dispatchTransaction({ transaction, next }) {
    const { isEnabled, onBlocked, userId, partnerId } = this.options;
    if (!isEnabled() || !transaction.docChanged || isRemote(transaction) || transaction.getMeta(suggestModeKey)) {
      next(transaction);
      return;
    }
    const tracked = toSuggestionTransaction(transaction, this.editor.state, { userId, partnerId });
    if (!tracked) {
      onBlocked(attemptedText(transaction));
      return;
    }
    next(tracked);
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin({
        key: suggestModeKey,
        // Changes other plugins append (autolinks, a trailing paragraph…) would be direct edits.
        filterTransaction: (tr) =>
          (!options.isEnabled() && !options.isLocked()) ||
          !tr.docChanged ||
          isRemote(tr) ||
          Boolean(tr.getMeta(suggestModeKey)),
      }),
    ];
  },
});
