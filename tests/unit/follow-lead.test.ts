// "Follow the chair" in the editor: the live note names the leader's place as the document
// numbers its paragraphs (headings, lists and empty paragraphs are not numbered), and presence
// carries a state's code only in the shape of one.
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import type { DocNode } from "@/lib/document";
import { placeInText } from "@/lib/editor/follow-lead";
import { isPresenceUser } from "@/lib/editor/presence";
import { paragraphNumbers } from "@/lib/numbering";
import { documentSchema } from "@/server/collab/paper-state";

const schema = documentSchema();
const text = (value: string) => (value ? [{ type: "text", text: value }] : []);
const blocks: DocNode[] = [
  { type: "heading", attrs: { level: 1 }, content: text("Declaration") },
  { type: "paragraph", content: text("Recalling the Rabat Process,") },
  { type: "heading", attrs: { level: 2 }, content: text("Commitments") },
  { type: "paragraph", content: text("") },
  { type: "paragraph", content: text("Decide to cooperate,") },
  {
    type: "bulletList",
    content: [{ type: "listItem", content: [{ type: "paragraph", content: text("on return") }] }],
  },
  { type: "paragraph", content: text("Agree to meet again.") },
];
const state = EditorState.create({ schema, doc: schema.nodeFromJSON({ type: "doc", content: blocks }) });

describe("where the leader is", () => {
  it("counts only numbered paragraphs, as the document's numbering does", () => {
    expect(placeInText(state, 0)).toEqual({ after: 0 });
    expect(placeInText(state, 1)).toEqual({ paragraph: 1 });
    expect(placeInText(state, 2)).toEqual({ after: 1 });
    expect(placeInText(state, 3)).toEqual({ after: 1 });
    expect(placeInText(state, 4)).toEqual({ paragraph: 2 });
    expect(placeInText(state, 5)).toEqual({ after: 2 });
    expect(placeInText(state, 6)).toEqual({ paragraph: 3 });
    expect(placeInText(state, 7)).toBeNull();
    expect(placeInText(state, -1)).toBeNull();
    // The same numbers as every view and export.
    const numbers = paragraphNumbers(state.doc.toJSON() as DocNode);
    for (let place = 0; place < blocks.length; place++) {
      const where = placeInText(state, place);
      expect(where && "paragraph" in where ? where.paragraph : undefined).toBe(numbers[place]);
    }
  });
});

describe("presence", () => {
  const user = { id: "u", name: "Claire Dubois", partner: "France", color: "#1d4ed8" };
  it("takes a state's code or null, nothing else", () => {
    expect(isPresenceUser({ ...user, iso3: "FRA" })).toBe(true);
    expect(isPresenceUser({ ...user, iso3: null })).toBe(true);
    for (const iso3 of [undefined, "fra", "FRANCE", "<b>", 250]) {
      expect(isPresenceUser({ ...user, iso3 })).toBe(false);
    }
  });
});
