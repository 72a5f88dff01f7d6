// Block suggestions and proposed formatting through the real collaboration server, policy and
// database (issue 16): a delegate in consultation proposes a paragraph, the deletion of another
// and bold for agreed words; a hostile delegate's raw updates that would add a block outside a
// proposal, or remove another state's proposal, are refused and nothing is stored; the penholder
// decides through the domain function, and the agreed text follows only the decision.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { auditEvents } from "@/db/schema";
import { BLOCK_DELETE, BLOCK_INSERT, newSuggestionId } from "@/lib/editor/annotations";
import { compactPaper } from "@/server/collab/compaction";
import { loadPaperState, paperDoc } from "@/server/collab/paper-state";
import { listSuggestions } from "@/server/collab/suggestions";
import { decideSuggestions } from "@/server/domain/suggestions";
import { reloadPaper } from "../helpers/factories";
import { useCollabHarness } from "./harness";
import { textOf, waitFor } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000, storeDebounceMs: 200 });

const suggestionId = (role: "chair" | "delegate") =>
  newSuggestionId(harness.world.actors[role].id, harness.world.partnerOf[role]);
const live = (paperId: string) => harness.liveDoc(paperId) as Y.Doc;
const liveJson = (paperId: string) => JSON.stringify(live(paperId).getXmlFragment("default").toJSON());
const block = (doc: Y.Doc, index: number) => doc.getXmlFragment("default").get(index) as Y.XmlElement;

/** A paragraph proposed under `id`: the block and its words. */
function proposedParagraph(words: string, id: string, blockId = id): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.setAttribute(BLOCK_INSERT, blockId);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, words, { suggestionInsert: { id } });
  return paragraph;
}

describe("block suggestions on the collaboration socket", () => {
  it("stores a delegate's proposed paragraph, paragraph deletion and bold, out of the agreed text until decided", async () => {
    const { paper } = await harness.paper("consultation");
    const delegate = await harness.syncedClient("delegate", paper.id);
    const added = suggestionId("delegate");
    const removed = suggestionId("delegate");
    const bold = suggestionId("delegate");
    const removedWords = textOf(delegate.doc, 2).toString();
    delegate.doc.transact(() => {
      delegate.doc.getXmlFragment("default").insert(1, [proposedParagraph("A proposed paragraph.", added)]);
    });
    delegate.doc.transact(() => {
      const target = block(delegate.doc, 3);
      target.setAttribute(BLOCK_DELETE, removed);
      const text = target.get(0) as Y.XmlText;
      text.format(0, text.length, { suggestionDelete: { id: removed } });
    });
    textOf(delegate.doc, 2).format(0, 9, { suggestionFormat: { id: bold, formats: "bold" } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    expect(listSuggestions(live(paper.id)).map((s) => [s.id, s.change])).toEqual([
      [added, "insertBlock"],
      [bold, "format"],
      [removed, "deleteBlock"],
    ]);
    await compactPaper(harness.db(), paper.id);
    const pending = await reloadPaper(harness.db(), paper.id);
    expect(pending.contentText).not.toContain("A proposed paragraph.");
    expect(pending.contentText).toContain(removedWords);

    await decideSuggestions(harness.db(), harness.world.actors.penholder, {
      paperId: paper.id,
      decision: "accept",
      scope: { kind: "all" },
    });
    await waitFor(() => delegate.text().includes("A proposed paragraph.") && !delegate.text().includes(removedWords));
    expect(listSuggestions(live(paper.id))).toEqual([]);
    expect(JSON.stringify(block(live(paper.id), 1).getAttributes())).not.toContain(BLOCK_INSERT);
    await compactPaper(harness.db(), paper.id);
    const decided = await reloadPaper(harness.db(), paper.id);
    expect(decided.contentText).toContain("A proposed paragraph.");
    expect(decided.contentText).not.toContain(removedWords);
    expect(JSON.stringify(decided.contentJson)).toContain('"bold"');
    const audit = await harness
      .db()
      .select({ action: auditEvents.action, targetId: auditEvents.targetId })
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.targetType, "suggestion")));
    expect(audit.map((a) => a.targetId).sort()).toEqual([added, bold, removed].sort());
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(["suggestion.accepted"]));
  });

  it("refuses a delegate's raw updates that add a block outside a proposal or remove another state's", async () => {
    const { paper } = await harness.paper("consultation");
    const chair = await harness.syncedClient("chair", paper.id);
    const chairs = suggestionId("chair");
    chair.doc.transact(() => {
      chair.doc.getXmlFragment("default").insert(1, [proposedParagraph("The chair proposes.", chairs)]);
    });
    await chair.settled();
    expect(chair.refused()).toBe(false);
    const before = liveJson(paper.id);
    const attempts: [string, (doc: Y.Doc) => void][] = [
      [
        "a paragraph with no proposal",
        (doc) => {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText("Slipped in.")]);
          doc.getXmlFragment("default").insert(0, [paragraph]);
        },
      ],
      [
        "a paragraph in the chair's name",
        (doc) => doc.getXmlFragment("default").insert(0, [proposedParagraph("Forged.", chairs)]),
      ],
      [
        "a proposed block holding agreed words",
        (doc) => {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.setAttribute(BLOCK_INSERT, suggestionId("delegate"));
          paragraph.insert(0, [new Y.XmlText("Agreed at once.")]);
          doc.getXmlFragment("default").insert(0, [paragraph]);
        },
      ],
      ["the chair's proposal removed", (doc) => doc.getXmlFragment("default").delete(1, 1)],
      ["an agreed paragraph removed", (doc) => doc.getXmlFragment("default").delete(0, 1)],
      ["agreed words made bold", (doc) => textOf(doc, 0).format(0, 4, { bold: {} })],
    ];
    for (const [what, attack] of attempts) {
      const delegate = await harness.syncedClient("delegate", paper.id);
      delegate.doc.transact(() => attack(delegate.doc));
      await delegate.settled();
      expect(delegate.refused(), what).toBe(true);
      expect(liveJson(paper.id), what).toBe(before);
    }
    // Nothing of it was stored either.
    const stored = paperDoc(await loadPaperState(harness.db(), paper.id));
    expect(JSON.stringify(stored.getXmlFragment("default").toJSON())).toBe(before);
  });
});
