// The write guard of the collaboration socket: every update from a writable connection is first
// applied to a shadow copy of the document and judged by what it changed, item by item, against
// the rights the policy gave that connection. Refused updates never reach the document. The cost
// follows the size of the change (and of the paragraphs it touches), never the document's.
//
// What is checked (identities of Yjs items, not positions, so concurrent edits cannot fool it):
// - only the paper's fragment may change (no other shared types), no missing dependencies;
// - only nodes, attributes and marks of the document schema, no node marks;
// - comment anchors: nobody adds or removes another user's anchor on existing text (deleting
//   the text itself is an edit, allowed to editors);
// - suggestions: only chair and penholder (`paper.decideSuggestions`) change another user's
//   suggestion marks and block suggestions; a suggest-only connection may add text only as its
//   own insertion, delete only its own inserted text, mark existing text for deletion or propose
//   its formatting (or take either back) only under its own ids, add blocks only as its own
//   proposed blocks (every block inside carrying the proposal), remove only those, mark existing
//   blocks for deletion only under its own ids, and change nothing else: no other attributes,
//   no formatting of agreed text;
// - the ledger attributes of blocks (`agreement`, `agreementPartners`, `agreementUntil`) change
//   only with `paper.markAgreement`, and only to valid values.
import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { WriteRights } from "../../policy";
import { Judge } from "./judge";
import { type AppliedTransaction, UpdateChange } from "./update-change";
import { type AnyType, FIELD, Refused, refuse, rootOf } from "./yjs-reading";

export type Verdict = { ok: true } | { ok: false; reason: string };
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
export function judgeUpdate(doc: Y.Doc, update: Uint8Array, rights: WriteRights, schema: Schema): Verdict {
  const shadow = shadowOf(doc);
  const fragment = shadow.getXmlFragment(FIELD);
  const rootsBefore = new Set(shadow.share.keys());
  // Every transaction the update causes (Yjs runs a second one to clean up formatting).
  const changed = new Set<AnyType>();
  const transactions: AppliedTransaction[] = [];
  const capture = (transaction: Y.Transaction) => {
    for (const type of transaction.changed.keys()) changed.add(type);
    transactions.push(transaction);
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
    for (const type of changed) if (rootOf(type) !== fragment) refuse("write outside the paper's text");
    new Judge(doc, schema, rights, new UpdateChange(doc, shadow, transactions)).judge([...changed]);
    return { ok: true };
  } catch (error) {
    dropShadow(doc);
    if (error instanceof Refused) return { ok: false, reason: error.message };
    return { ok: false, reason: "update could not be judged" };
  }
}
