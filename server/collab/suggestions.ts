// Suggestions as the server sees them in a paper's Yjs document: listing them, and accepting or
// rejecting them directly on the Yjs text (no editor needed). Used by the suggestions domain
// function, which stores the resulting update before any client sees it.
import * as Y from "yjs";
import { parseSuggestionId, SUGGESTION_DELETE, SUGGESTION_INSERT, type SuggestionKind } from "@/lib/editor/annotations";
import { YDOC_FIELD } from "./paper-state";

export type SuggestionSummary = {
  id: string;
  kind: SuggestionKind;
  userId: string;
  partnerId: string | null;
  text: string;
};

function* texts(type: Y.XmlFragment | Y.XmlElement): Generator<Y.XmlText> {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) yield child;
    else if (child instanceof Y.XmlElement) yield* texts(child);
  }
}

type Run = { index: number; length: number; text: string; kind: SuggestionKind; id: string };

function suggestionRuns(text: Y.XmlText): Run[] {
  const runs: Run[] = [];
  let index = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, { id?: unknown }> }[]) {
    const content = typeof op.insert === "string" ? op.insert : "";
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    const insertId = op.attributes?.[SUGGESTION_INSERT]?.id;
    const deleteId = op.attributes?.[SUGGESTION_DELETE]?.id;
    if (typeof insertId === "string") runs.push({ index, length, text: content, kind: "insert", id: insertId });
    else if (typeof deleteId === "string") runs.push({ index, length, text: content, kind: "delete", id: deleteId });
    index += length;
  }
  return runs;
}

/** Every suggestion in the document, in document order, its text joined across runs. */
export function listSuggestions(doc: Y.Doc): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  for (const text of texts(doc.getXmlFragment(YDOC_FIELD))) {
    for (const run of suggestionRuns(text)) {
      const existing = byId.get(run.id);
      if (existing) {
        existing.text += run.text;
        continue;
      }
      const parsed = parseSuggestionId(run.id);
      if (!parsed) continue;
      byId.set(run.id, {
        id: run.id,
        kind: run.kind,
        userId: parsed.userId,
        partnerId: parsed.partnerId,
        text: run.text,
      });
    }
  }
  return [...byId.values()];
}

export type Decision = "accept" | "reject";

/**
 * Accepts or rejects the selected suggestions in one transaction: an accepted insertion keeps
 * its text and loses the mark, a rejected one is removed; an accepted deletion removes its text,
 * a rejected one keeps it and loses the mark. Returns the ids decided.
 */
export function decideInDoc(doc: Y.Doc, select: (id: string) => boolean, decision: Decision): string[] {
  const decided = new Set<string>();
  doc.transact(() => {
    for (const text of [...texts(doc.getXmlFragment(YDOC_FIELD))]) {
      // From the end, so earlier indexes stay valid while text is removed.
      for (const run of suggestionRuns(text).reverse()) {
        if (!select(run.id)) continue;
        decided.add(run.id);
        const removeText = (run.kind === "insert") === (decision === "reject");
        if (removeText) text.delete(run.index, run.length);
        else
          text.format(run.index, run.length, { [run.kind === "insert" ? SUGGESTION_INSERT : SUGGESTION_DELETE]: null });
      }
    }
  });
  return [...decided];
}
