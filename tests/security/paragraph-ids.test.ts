// Paragraph ids (`pid`, lib/paragraph-ids.ts) against a real collaboration server: the write
// guard checks their strict shape on every block, and only a connection that may edit changes
// one; a suggest-only or comment-only connection may not touch an existing block's id. Refused
// updates close the connection and change neither the live text nor the stored one.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { isParagraphId, newParagraphId } from "@/lib/paragraph-ids";
import { useCollabHarness } from "../collab/harness";
import { waitFor } from "../collab/helpers";

const harness = useCollabHarness();

const fragment = (doc: Y.Doc) => doc.getXmlFragment("default");
const firstBlock = (doc: Y.Doc) => fragment(doc).get(0) as Y.XmlElement;
const snapshot = (doc: Y.Doc) => JSON.stringify(fragment(doc).toJSON());

describe("paragraph ids on the collaboration socket", () => {
  it("are given to every top-level paragraph and heading when a paper is created", async () => {
    const { paper } = await harness.paper("draft");
    const reader = await harness.syncedClient("penholder", paper.id);
    const blocks = fragment(reader.doc).toArray() as Y.XmlElement[];
    const ids = blocks
      .filter((b) => b.nodeName === "paragraph" || b.nodeName === "heading")
      .map((b) => b.getAttribute("pid"));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(isParagraphId(id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refuses any id of another shape, on an existing block or a new one", async () => {
    const { paper } = await harness.paper("draft");
    await harness.syncedClient("penholder", paper.id);
    const live = harness.liveDoc(paper.id);
    if (!live) throw new Error("paper not loaded");
    const before = snapshot(live);
    const storedBefore = (await harness.storedUpdates(paper.id)).length;
    const forged: unknown[] = [
      "",
      "short",
      "ABCDEFGHIJ",
      "abcdefghijk",
      "abc-defghi",
      "<img src=x>",
      1234567890,
      {},
      ["abcdefghij"],
    ];
    for (const value of forged) {
      for (const attempt of [
        (doc: Y.Doc) => firstBlock(doc).setAttribute("pid", value as string),
        (doc: Y.Doc) => {
          const block = new Y.XmlElement("paragraph");
          block.setAttribute("pid", value as string);
          block.insert(0, [new Y.XmlText("forged")]);
          fragment(doc).insert(0, [block]);
        },
      ]) {
        const chair = await harness.syncedClient("chair", paper.id);
        attempt(chair.doc);
        await chair.settled();
        expect(chair.refused(), JSON.stringify(value)).toBe(true);
        expect(snapshot(live)).toBe(before);
      }
    }
    expect((await harness.storedUpdates(paper.id)).length).toBe(storedBefore);
  });

  it("lets an editor give a block a well-formed id, new or existing", async () => {
    const { paper } = await harness.paper("draft");
    const chair = await harness.syncedClient("chair", paper.id);
    const id = newParagraphId();
    firstBlock(chair.doc).setAttribute("pid", id);
    const block = new Y.XmlElement("paragraph");
    const other = newParagraphId();
    block.setAttribute("pid", other);
    block.insert(0, [new Y.XmlText("A new paragraph.")]);
    fragment(chair.doc).push([block]);
    await chair.settled();
    expect(chair.refused()).toBe(false);
    const live = harness.liveDoc(paper.id);
    await waitFor(() => live !== undefined && firstBlock(live).getAttribute("pid") === id, 5_000, "id stored");
    const last = live?.getXmlFragment("default").get(live.getXmlFragment("default").length - 1) as Y.XmlElement;
    expect(last.getAttribute("pid")).toBe(other);
  });

  it("refuses a suggest-only delegate or a comment-only observer changing an existing block's id", async () => {
    const { paper } = await harness.paper("consultation");
    await harness.syncedClient("penholder", paper.id);
    const live = harness.liveDoc(paper.id);
    if (!live) throw new Error("paper not loaded");
    const before = snapshot(live);
    for (const role of ["delegate", "observer"] as const) {
      for (const value of [newParagraphId(), null]) {
        const client = await harness.syncedClient(role, paper.id);
        if (value === null) firstBlock(client.doc).removeAttribute("pid");
        else firstBlock(client.doc).setAttribute("pid", value);
        await client.settled();
        expect(client.refused(), `${role} ${value}`).toBe(true);
        expect(snapshot(live)).toBe(before);
      }
    }
  });
});
