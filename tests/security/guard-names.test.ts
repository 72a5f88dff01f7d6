// Issue 15, finding 9, replayed against a real collaboration server: names every JavaScript
// object inherits (`constructor`, `toString`, `__proto__`…) are not the schema's. A block
// attribute, node or mark so named used to pass the guard (`name in spec`) and then break the
// paragraph for every reader; now the update is refused, the connection closed, and the live
// text and the stored one stay as they were.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useCollabHarness } from "../collab/harness";
import { fragmentText } from "../collab/helpers";

const harness = useCollabHarness();
const INHERITED = ["constructor", "toString", "hasOwnProperty", "valueOf"];

const firstBlock = (doc: Y.Doc) => doc.getXmlFragment("default").get(0) as Y.XmlElement;
const textOf = (doc: Y.Doc) => firstBlock(doc).get(0) as Y.XmlText;

describe("an update naming what every object inherits", () => {
  it("is refused as an attribute, a node or a mark, and the paper stays readable", async () => {
    const { paper } = await harness.paper("draft");
    const reader = await harness.syncedClient("penholder", paper.id);
    const live = harness.liveDoc(paper.id);
    if (!live) throw new Error("paper not loaded");
    const before = JSON.stringify(live.getXmlFragment("default").toJSON());
    const storedBefore = (await harness.storedUpdates(paper.id)).length;

    const attempts: ((doc: Y.Doc, name: string) => void)[] = [
      (doc, name) => firstBlock(doc).setAttribute(name, "x"),
      (doc, name) => doc.getXmlFragment("default").insert(0, [new Y.XmlElement(name)]),
      (doc, name) => textOf(doc).format(0, 3, { [name]: {} }),
      (doc, name) => textOf(doc).format(0, 3, { link: { href: "https://example.org", [name]: 1 } }),
    ];
    for (const name of INHERITED) {
      for (const attempt of attempts) {
        const chair = await harness.syncedClient("chair", paper.id);
        attempt(chair.doc, name);
        await chair.settled();
        expect(chair.refused(), name).toBe(true);
        expect(JSON.stringify(live.getXmlFragment("default").toJSON())).toBe(before);
      }
    }
    expect((await harness.storedUpdates(paper.id)).length).toBe(storedBefore);
    // Everyone else still reads and edits the paper.
    expect(fragmentText(reader.doc)).toBe(fragmentText(live));
  });
});
