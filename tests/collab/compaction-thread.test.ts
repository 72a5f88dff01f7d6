// Compaction folds a paper on a thread of its own: the collaboration server's event loop is not
// held while a long paper is folded (issue 15, finding 1). The thread's fold is the same as the
// in-thread one, and a paper compacted through it reads back as typed.
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { compactionThreadState, foldOffThread, stopCompactionThread } from "@/server/collab/compaction-thread";
import { foldPaper } from "@/server/collab/fold";
import { appendParagraph } from "./helpers";

afterAll(() => stopCompactionThread());

function paperWithEdits(paragraphs: number): Uint8Array[] {
  const doc = new Y.Doc();
  for (let i = 0; i < paragraphs; i++)
    appendParagraph(doc, `Paragraph ${i}: the partners commit to mobility partnerships.`);
  const state = Y.encodeStateAsUpdate(doc);
  const updates = [state];
  for (let i = 0; i < 5; i++) {
    const before = Y.encodeStateVector(doc);
    appendParagraph(doc, `Added ${i}.`);
    updates.push(Y.encodeStateAsUpdate(doc, before));
  }
  return updates;
}

describe("the compaction thread", () => {
  it("folds on a worker thread, to the same state and snapshot as the fold in this thread", async () => {
    const updates = paperWithEdits(2_000);
    const here = foldPaper(updates, null);
    const there = await foldOffThread(updates, null);
    expect(compactionThreadState()).toBe("running");
    expect(there.content).toEqual(here.content);
    expect(there.content?.text).toContain("Added 4.");
    const folded = new Y.Doc();
    Y.applyUpdate(folded, there.state);
    expect(Y.encodeStateVector(folded)).toEqual(Y.encodeStateVector(docOf(updates)));
  });

  it("reports an unchanged text as such, so the snapshot is not rewritten", async () => {
    const updates = paperWithEdits(10);
    const first = await foldOffThread(updates, null);
    const again = await foldOffThread([first.state], first.content?.json ?? null);
    expect(again.content).toBeNull();
  });
});

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}
