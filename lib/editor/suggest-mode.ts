// Suggest mode in the editor: while on, an edit inside one paragraph becomes a suggestion instead
// of a change. Inserted text gets the author's `suggestionInsert` mark; deleted text keeps its
// place under a `suggestionDelete` mark, except the author's own pending insertion, which is
// simply removed. Anything else (new paragraphs, formatting, notes, deleting another user's
// insertion) is not possible in this mode and is dropped, so the editor never sends an update the
// server's guard (server/collab/guard.ts) would refuse.
//
// Only inline edits are tracked, on purpose: Yjs does not carry ProseMirror node marks, so a
// suggested paragraph or heading change could not be shown to the others.
import { Extension } from "@tiptap/core";
import type { Mark, Node as PmNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { Mapping, ReplaceAroundStep, ReplaceStep } from "@tiptap/pm/transform";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { newSuggestionId, parseSuggestionId, SUGGESTION_DELETE, SUGGESTION_INSERT } from "./annotations";

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
  return marks.filter((m) => m.type.name !== SUGGESTION_INSERT && m.type.name !== SUGGESTION_DELETE);
}

/** One step of the user's transaction, re-expressed as a suggestion on `out`. */
function trackStep(out: Transaction, state: EditorState, step: ReplaceStep, own: Own, original: Transaction) {
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
    if (node.isTextblock) return true;
    if (!node.isText) throw new Blocked();
    segments.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), node });
    return false;
  });
  const deleteId = adjacentOwnId(doc, from, SUGGESTION_DELETE, own) ?? adjacentOwnId(doc, to, SUGGESTION_DELETE, own);
  const newDeleteId = deleteId ?? newSuggestionId(own.userId, own.partnerId);
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
    const insertId = adjacentOwnId(out.doc, at, SUGGESTION_INSERT, own) ?? newSuggestionId(own.userId, own.partnerId);
    const base = inserted[0]?.marks ?? [];
    const marks = [...withoutSuggestionMarks(base), insertMark.create({ id: insertId })];
    out.insert(at, schema.text(text, marks));
    out.setSelection(TextSelection.create(out.doc, at + text.length));
    return;
  }
  // Pure deletion: Backspace leaves the caret before the struck text, Delete after it.
  const before = state.selection;
  const backward = before.empty && before.head === to && original.steps.length === 1;
  const caret = backward ? from : end;
  out.setSelection(TextSelection.create(out.doc, Math.min(caret, out.doc.content.size)));
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

/** The user's transaction as a suggestion, or null when suggest mode cannot record it. */
export function toSuggestionTransaction(tr: Transaction, state: EditorState, own: Own): Transaction | null {
  const out = state.tr;
  try {
    for (let i = 0; i < tr.steps.length; i++) {
      const step = tr.steps[i];
      if (!(step instanceof ReplaceStep)) return null;
      // Back to the original document, then forward through what was tracked so far.
      const back = new Mapping(tr.mapping.maps.slice(0, i)).invert();
      const mapped = step.map(back)?.map(out.mapping);
      if (!(mapped instanceof ReplaceStep)) return null;
      if (mapped.from === mapped.to && mapped.slice.size === 0) continue;
      trackStep(out, state, mapped, own, tr);
    }
  } catch (error) {
    if (error instanceof Blocked) return null;
    throw error;
  }
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
