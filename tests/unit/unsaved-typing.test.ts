// The editor's record of typing the server has not confirmed (lib/editor/unsaved-typing.ts): it
// keeps this page's own insertions, line by line, ignores what arrives from the server, and
// empties once everything is confirmed.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { UnsavedTyping } from "@/lib/editor/unsaved-typing";

function paperWith(...paragraphs: string[]) {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  for (const words of paragraphs) {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(fragment.length, [paragraph]);
    text.insert(0, words);
  }
  return { doc, fragment, text: (n: number) => (fragment.get(n) as Y.XmlElement).get(0) as Y.XmlText };
}

describe("what this page typed and the server has not confirmed", () => {
  it("keeps typed words, one line per paragraph, with formatting dropped", () => {
    const { fragment, text } = paperWith("Remittances reduce poverty.", "Costs must fall.");
    const typing = new UnsavedTyping(fragment);
    text(0).insert(text(0).length, " France adds");
    text(0).insert(text(0).length, ": costs", { bold: true });
    text(1).insert(0, "Transfer ");
    text(0).delete(0, 4); // deletions are not typing
    expect(typing.text()).toBe("France adds: costs\nTransfer");
    typing.destroy();
  });

  it("keeps the text of a paragraph added whole", () => {
    const { doc, fragment } = paperWith("First.");
    const typing = new UnsavedTyping(fragment);
    doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, "A diaspora bond, proposed offline.");
      fragment.insert(1, [paragraph]);
    });
    expect(typing.text()).toBe("A diaspora bond, proposed offline.");
  });

  it("ignores what the server sends, and forgets once everything is confirmed", () => {
    const { doc, fragment, text } = paperWith("Shared text.");
    const typing = new UnsavedTyping(fragment);
    // Another delegate's words, arriving as an update from the server.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const otherText = (other.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    otherText.insert(0, "Morocco: ");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), "server");
    expect(typing.text()).toBe("");

    text(0).insert(text(0).length, " Mine.");
    expect(typing.text()).toBe("Mine.");
    typing.confirmed();
    expect(typing.text()).toBe("");
    text(0).insert(0, "Again ");
    expect(typing.text()).toBe("Again");
  });
});
