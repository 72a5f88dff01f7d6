// Where a paper's shared Yjs document lives in the database, and the one place it is read.
//
// - papers.ydoc_state: the compacted Yjs state, given to every paper when it is created
//   (`createPaper`) and NOT NULL since migration 0005, so loading never converts JSON again.
// - paper_updates: every update a client sent, committed BEFORE the server acknowledges it
//   (update-log.ts), folded into ydoc_state by compaction (compaction.ts).
//
// The collaboration server, exports of the live draft, freezing a revision and deciding
// suggestions all read the state through `readPaperState` (inside their own transaction, under
// the lock they need) or `loadPaperState` (its own transaction, FOR SHARE).
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Db, Tx } from "@/db/client";
import { papers, paperUpdates } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import { documentExtensions } from "@/lib/editor/extensions";

/** The Tiptap Collaboration extension's default field. */
export const YDOC_FIELD = "default";

let cachedSchema: Schema | undefined;
export function documentSchema(): Schema {
  cachedSchema ??= getSchema(documentExtensions());
  return cachedSchema;
}

/** The Yjs state for a ProseMirror JSON document (used once per paper, when it is created). */
export function ydocStateFromContent(content: DocNode): Uint8Array {
  const doc = prosemirrorJSONToYDoc(documentSchema(), content, YDOC_FIELD);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The live document as ProseMirror JSON, suggestions and comment anchors included. */
export function liveContentFromYDoc(doc: Y.Doc): DocNode {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YDOC_FIELD), documentSchema());
  return node.toJSON() as DocNode;
}

/**
 * Readable snapshot of a Yjs document, parsed through the schema so unknown nodes/marks are
 * dropped: the agreed text, i.e. without pending suggestions and comment anchors, so that
 * revisions, hashes and exports contain only text everyone may rely on.
 */
export function contentFromYDoc(doc: Y.Doc): DocNode {
  return agreedContent(liveContentFromYDoc(doc));
}

/**
 * The agreed text as the collaboration log will give it back: the state read through the schema
 * into Yjs and out again (default attributes filled in, unknown ones dropped). Stored as a new
 * paper's first snapshot, so the snapshot, the live text and a revision frozen before any edit
 * all have the same canonical form and hash.
 */
export function contentFromState(state: Uint8Array): DocNode {
  const doc = paperDoc([state]);
  try {
    return contentFromYDoc(doc);
  } finally {
    doc.destroy();
  }
}

/** A Y.Doc holding these updates (`readPaperState`'s), in order. The caller destroys it. */
export function paperDoc(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

export class PaperNotFoundError extends Error {}

/** postgres.js hands out Buffers; Yjs and comparisons want plain Uint8Arrays. */
export const toBytes = (value: Uint8Array) => (value instanceof Buffer ? new Uint8Array(value) : value);

/** What a paper's shared document is made of: its compacted state, then every pending update in order. */
export type PaperState = {
  updates: Uint8Array[];
  /** The seq of the last pending update read (0: none), so compaction deletes exactly those. */
  lastSeq: number;
};

/**
 * Reads a paper's stored state inside the caller's transaction, which holds the paper row
 * (FOR SHARE at least, so that a concurrent compaction cannot slip between the two reads).
 */
export async function readPaperState(tx: Tx, paper: { id: string; ydocState: Uint8Array }): Promise<PaperState> {
  const pending = await tx
    .select({ seq: paperUpdates.seq, update: paperUpdates.update })
    .from(paperUpdates)
    .where(eq(paperUpdates.paperId, paper.id))
    .orderBy(asc(paperUpdates.seq));
  return {
    updates: [toBytes(paper.ydocState), ...pending.map((p) => toBytes(p.update))],
    lastSeq: pending[pending.length - 1]?.seq ?? 0,
  };
}

/**
 * A paper's stored state in a transaction of its own, holding FOR SHARE on the paper row, which
 * excludes a concurrent compaction (FOR UPDATE). Throws PaperNotFoundError for an unknown paper.
 */
export async function loadPaperState(db: Db, paperId: string): Promise<Uint8Array[]> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: papers.id, ydocState: papers.ydocState })
      .from(papers)
      .where(eq(papers.id, paperId))
      .for("share");
    if (!row) throw new PaperNotFoundError(paperId);
    return (await readPaperState(tx, row)).updates;
  });
}
