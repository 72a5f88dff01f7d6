// Block changes in suggest mode, as the editor sends them: the editor's own commands (Enter,
// Backspace at a paragraph's start, a pasted paragraph, a list item, a heading, a table row, a
// move) turned into a suggestion by lib/editor/suggest-mode.ts, sent through y-tiptap's binding,
// judged by the server's guard as a suggest-only delegate's, then accepted or rejected on the
// server's copy by the function the chair's decision uses (server/collab/suggestions.ts). The
// agreed text must not change until the decision; accepting gives what the delegate made,
// rejecting gives back the agreed text.
import { joinBackward, joinForward, setBlockType, splitBlock, toggleMark } from "@tiptap/pm/commands";
import type { Node as PmNode } from "@tiptap/pm/model";
import { sinkListItem, splitListItem, wrapInList } from "@tiptap/pm/schema-list";
import { type EditorState, NodeSelection, TextSelection, type Transaction } from "@tiptap/pm/state";
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow } from "@tiptap/pm/tables";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { agreedContent } from "@/lib/editor/annotations";
import { decideInDoc, listSuggestions } from "@/server/collab/suggestions";
import { DELEGATE, schema, serverDoc, suggestingEditor } from "./suggesting-editor";

type Json = Record<string, unknown>;
const p = (text: string): Json => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
const ul = (...items: string[]): Json => ({
  type: "bulletList",
  content: items.map((text) => ({ type: "listItem", content: [p(text)] })),
});
const table = (...rows: string[][]): Json => ({
  type: "table",
  content: rows.map((cells) => ({
    type: "tableRow",
    content: cells.map((text) => ({ type: "tableCell", content: [p(text)] })),
  })),
});

/** The server's copy and a delegate's editor, in step, holding `blocks`. */
const paper = (...blocks: Json[]) => suggestingEditor(blocks);

/** A document as a line per block: "p:text", "h:text", lists and tables flattened with their path. */
function outline(doc: PmNode | Json): string[] {
  const node = "toJSON" in doc && typeof doc.toJSON === "function" ? (doc.toJSON() as Json) : (doc as Json);
  const lines: string[] = [];
  const visit = (n: Json, path: string) => {
    const content = (n.content as Json[] | undefined) ?? [];
    const name = String(n.type);
    if (name === "paragraph" || name === "heading") {
      lines.push(`${path}${name === "heading" ? "h" : "p"}:${content.map((c) => c.text ?? "").join("")}`);
      return;
    }
    for (const child of content) visit(child, name === "doc" ? "" : `${path}${name}>`);
  };
  visit(node, "");
  return lines;
}

/** The server's copy decided one way, on a copy, as outline. */
function decided(server: Y.Doc, decision: "accept" | "reject"): string[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  expect(decideInDoc(copy, () => true, decision).length).toBeGreaterThan(0);
  const doc = serverDoc(copy);
  expect(() => doc.check()).not.toThrow();
  return outline(doc);
}

const textPos = (doc: PmNode, needle: string, offset = 0): number => {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text?.includes(needle)) found = pos + (node.text?.indexOf(needle) ?? 0) + offset;
    return true;
  });
  if (found < 0) throw new Error(`no "${needle}"`);
  return found;
};
const caretAt =
  (needle: string, offset = 0) =>
  (doc: PmNode) =>
    TextSelection.create(doc, textPos(doc, needle, offset));

/** Checks the three outcomes: pending (agreed text unchanged), accepted, rejected. */
function expectOutcomes(server: Y.Doc, agreed: string[], accepted: string[]) {
  expect(outline(agreedContent(serverDoc(server).toJSON() as { type: string }))).toEqual(agreed);
  expect(decided(server, "accept")).toEqual(accepted);
  expect(decided(server, "reject")).toEqual(agreed);
  expect(new Set(listSuggestions(server).map((s) => s.userId))).toEqual(new Set([DELEGATE]));
}

describe("block changes in suggest mode, judged by the server and decided by the chair", () => {
  it("Enter in the middle of a paragraph proposes a split, the caret at the start of the new paragraph", () => {
    const paperOf = paper(p("Member States recognise migrants."), p("Second."));
    expect(paperOf.edit(caretAt(" migrants"), splitBlock)).toEqual({ ok: true });
    expect(paperOf.doc().textBetween(paperOf.caret(), paperOf.caret() + 9)).toBe(" migrants");
    expect(listSuggestions(paperOf.server).map((s) => s.change)).toEqual(["split"]);
    expectOutcomes(
      paperOf.server,
      ["p:Member States recognise migrants.", "p:Second."],
      ["p:Member States recognise", "p: migrants.", "p:Second."],
    );
  });

  it("Enter at the end proposes an empty paragraph; typing there belongs to the same proposal", () => {
    const paperOf = paper(p("First."), p("Second."));
    expect(paperOf.edit(caretAt("First.", 6), splitBlock)).toEqual({ ok: true });
    const caret = paperOf.caret();
    expect(
      paperOf.edit(
        (doc) => TextSelection.create(doc, caret),
        (state, dispatch) => {
          dispatch(state.tr.insertText("New words."));
          return true;
        },
      ),
    ).toEqual({ ok: true });
    const suggestions = listSuggestions(paperOf.server);
    expect(suggestions.map((s) => [s.change, s.text])).toEqual([["insertBlock", "New words."]]);
    expectOutcomes(paperOf.server, ["p:First.", "p:Second."], ["p:First.", "p:New words.", "p:Second."]);
  });

  it("Backspace at the start of a paragraph proposes joining it to the one before", () => {
    const paperOf = paper(p("First part"), p(" and second part."));
    expect(paperOf.edit(caretAt(" and second"), joinBackward)).toEqual({ ok: true });
    expect(paperOf.caret()).toBe(textPos(paperOf.doc(), "First part", 10));
    expect(listSuggestions(paperOf.server).map((s) => s.change)).toEqual(["merge"]);
    expectOutcomes(paperOf.server, ["p:First part", "p: and second part."], ["p:First part and second part."]);
  });

  it("Delete at the end of a paragraph proposes joining the next one", () => {
    const paperOf = paper(p("One"), p("Two"));
    expect(paperOf.edit(caretAt("One", 3), joinForward)).toEqual({ ok: true });
    expectOutcomes(paperOf.server, ["p:One", "p:Two"], ["p:OneTwo"]);
  });

  it("typing over a selection across paragraphs proposes one change", () => {
    const paperOf = paper(p("Keep this. Drop this"), p("and this. Keep that."), p("Last."));
    const replace = (state: EditorState, dispatch: (tr: Transaction) => void) => {
      dispatch(state.tr.insertText("Added."));
      return true;
    };
    const select = (doc: PmNode) => TextSelection.create(doc, textPos(doc, "Drop"), textPos(doc, " Keep that"));
    expect(paperOf.edit(select, replace)).toEqual({ ok: true });
    expectOutcomes(
      paperOf.server,
      ["p:Keep this. Drop this", "p:and this. Keep that.", "p:Last."],
      ["p:Keep this. Added. Keep that.", "p:Last."],
    );
  });

  it("deleting a whole paragraph proposes its deletion; an empty one too", () => {
    const paperOf = paper(p("First."), p("Remove me."), p(""), p("Last."));
    const wholeBlock = (index: number) => (doc: PmNode) => {
      let pos = 0;
      for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
      return NodeSelection.create(doc, pos);
    };
    const remove = (state: EditorState, dispatch: (tr: Transaction) => void) => {
      dispatch(state.tr.deleteSelection());
      return true;
    };
    expect(paperOf.edit(wholeBlock(1), remove)).toEqual({ ok: true });
    expect(paperOf.edit(wholeBlock(2), remove)).toEqual({ ok: true });
    expect(listSuggestions(paperOf.server).map((s) => s.change)).toEqual(["deleteBlock", "deleteBlock"]);
    expectOutcomes(paperOf.server, ["p:First.", "p:Remove me.", "p:", "p:Last."], ["p:First.", "p:Last."]);
  });

  it("a paragraph made a heading is proposed as a change of structure", () => {
    const paperOf = paper(p("Title to be"), p("Body."));
    const heading = schema.nodes.heading;
    if (!heading) throw new Error("no heading");
    expect(paperOf.edit(caretAt("Title"), setBlockType(heading, { level: 2 }))).toEqual({ ok: true });
    expectOutcomes(paperOf.server, ["p:Title to be", "p:Body."], ["h:Title to be", "p:Body."]);
  });

  it("a new list item, a paragraph made a list and an indented item are proposals", () => {
    const listItem = schema.nodes.listItem;
    const bulletList = schema.nodes.bulletList;
    if (!listItem || !bulletList) throw new Error("no lists");
    const items = paper(ul("Alpha item", "Beta"));
    expect(items.edit(caretAt("Alpha item", 5), splitListItem(listItem))).toEqual({ ok: true });
    expectOutcomes(
      items.server,
      ["bulletList>listItem>p:Alpha item", "bulletList>listItem>p:Beta"],
      ["bulletList>listItem>p:Alpha", "bulletList>listItem>p: item", "bulletList>listItem>p:Beta"],
    );
    const wrapped = paper(p("Make me a list."));
    expect(wrapped.edit(caretAt("Make"), wrapInList(bulletList))).toEqual({ ok: true });
    expectOutcomes(wrapped.server, ["p:Make me a list."], ["bulletList>listItem>p:Make me a list."]);
    const nested = paper(ul("One", "Two"));
    expect(nested.edit(caretAt("Two"), sinkListItem(listItem))).toEqual({ ok: true });
    expectOutcomes(
      nested.server,
      ["bulletList>listItem>p:One", "bulletList>listItem>p:Two"],
      ["bulletList>listItem>p:One", "bulletList>listItem>bulletList>listItem>p:Two"],
    );
  });

  it("a table row added or deleted is a proposal", () => {
    const added = paper(table(["a1", "b1"], ["a2", "b2"]));
    expect(added.edit(caretAt("a1"), addRowAfter)).toEqual({ ok: true });
    expectOutcomes(
      added.server,
      [
        "table>tableRow>tableCell>p:a1",
        "table>tableRow>tableCell>p:b1",
        "table>tableRow>tableCell>p:a2",
        "table>tableRow>tableCell>p:b2",
      ],
      [
        "table>tableRow>tableCell>p:a1",
        "table>tableRow>tableCell>p:b1",
        "table>tableRow>tableCell>p:",
        "table>tableRow>tableCell>p:",
        "table>tableRow>tableCell>p:a2",
        "table>tableRow>tableCell>p:b2",
      ],
    );
    const removed = paper(table(["a1", "b1"], ["a2", "b2"]));
    expect(removed.edit(caretAt("a2"), deleteRow)).toEqual({ ok: true });
    expectOutcomes(
      removed.server,
      [
        "table>tableRow>tableCell>p:a1",
        "table>tableRow>tableCell>p:b1",
        "table>tableRow>tableCell>p:a2",
        "table>tableRow>tableCell>p:b2",
      ],
      ["table>tableRow>tableCell>p:a1", "table>tableRow>tableCell>p:b1"],
    );
  });

  it("a table column added or deleted is one proposal across the rows", () => {
    const cells = (...texts: string[]) => texts.map((text) => `table>tableRow>tableCell>p:${text}`);
    const added = paper(table(["a1", "b1"], ["a2", "b2"]));
    expect(added.edit(caretAt("a1"), addColumnAfter)).toEqual({ ok: true });
    expect(listSuggestions(added.server)).toHaveLength(1);
    expectOutcomes(added.server, cells("a1", "b1", "a2", "b2"), cells("a1", "", "b1", "a2", "", "b2"));
    const removed = paper(table(["a1", "b1"], ["a2", "b2"]));
    expect(removed.edit(caretAt("b1"), deleteColumn)).toEqual({ ok: true });
    expect(listSuggestions(removed.server)).toHaveLength(1);
    expectOutcomes(removed.server, cells("a1", "b1", "a2", "b2"), cells("a1", "a2"));
  });

  it("a paragraph moved (cut and dropped elsewhere) is one proposal", () => {
    const paperOf = paper(p("First."), p("Second."), p("Third."));
    const move = (state: EditorState, dispatch: (tr: Transaction) => void) => {
      const tr = state.tr;
      const second = state.doc.child(1);
      const start = state.doc.child(0).nodeSize;
      tr.delete(start, start + second.nodeSize);
      tr.insert(tr.doc.content.size, second);
      dispatch(tr);
      return true;
    };
    expect(paperOf.edit((doc) => TextSelection.create(doc, 1), move)).toEqual({ ok: true });
    expect(listSuggestions(paperOf.server).map((s) => s.change)).toEqual(["move"]);
    expectOutcomes(paperOf.server, ["p:First.", "p:Second.", "p:Third."], ["p:First.", "p:Third.", "p:Second."]);
  });

  it("typing inside a list item or a table cell is an inline suggestion", () => {
    const type = (words: string) => (state: EditorState, dispatch: (tr: Transaction) => void) => {
      dispatch(state.tr.insertText(words));
      return true;
    };
    const inList = paper(ul("Alpha", "Beta"));
    expect(inList.edit(caretAt("Beta", 4), type(" gamma"))).toEqual({ ok: true });
    expectOutcomes(
      inList.server,
      ["bulletList>listItem>p:Alpha", "bulletList>listItem>p:Beta"],
      ["bulletList>listItem>p:Alpha", "bulletList>listItem>p:Beta gamma"],
    );
    const inTable = paper(table(["a1", "b1"]));
    expect(inTable.edit(caretAt("b1", 2), type("+"))).toEqual({ ok: true });
    expectOutcomes(
      inTable.server,
      ["table>tableRow>tableCell>p:a1", "table>tableRow>tableCell>p:b1"],
      ["table>tableRow>tableCell>p:a1", "table>tableRow>tableCell>p:b1+"],
    );
  });

  it("bold or italic on agreed text is proposed, shown, then applied or dropped by the decision", () => {
    const bold = schema.marks.bold;
    const italic = schema.marks.italic;
    if (!bold || !italic) throw new Error("no bold or italic");
    const boldWords = (doc: PmNode) => {
      const words: string[] = [];
      doc.descendants((node) => {
        if (node.isText && node.marks.some((m) => m.type === bold)) words.push(node.text ?? "");
        return true;
      });
      return words.join("|");
    };
    const select = (needle: string) => (doc: PmNode) =>
      TextSelection.create(doc, textPos(doc, needle), textPos(doc, needle, needle.length));
    const paperOf = paper(p("Member States shall cooperate."));
    expect(paperOf.edit(select("shall"), toggleMark(bold))).toEqual({ ok: true });
    expect(paperOf.edit(select("cooperate"), toggleMark(italic))).toEqual({ ok: true });
    expect(listSuggestions(paperOf.server).map((s) => [s.change, s.text])).toEqual([
      ["format", "shall"],
      ["format", "cooperate"],
    ]);
    // The agreed text keeps its formatting until the decision.
    expect(boldWords(serverDoc(paperOf.server))).toBe("");
    const accepted = new Y.Doc();
    Y.applyUpdate(accepted, Y.encodeStateAsUpdate(paperOf.server));
    decideInDoc(accepted, () => true, "accept");
    expect(boldWords(serverDoc(accepted))).toBe("shall");
    const runs: string[] = [];
    serverDoc(accepted).descendants((node) => {
      if (node.isText) runs.push([node.text, ...node.marks.map((m) => m.type.name)].join(":"));
      return true;
    });
    expect(runs).toEqual(["Member States ", "shall:bold", " ", "cooperate:italic", "."]);
    const rejected = new Y.Doc();
    Y.applyUpdate(rejected, Y.encodeStateAsUpdate(paperOf.server));
    decideInDoc(rejected, () => true, "reject");
    expect(serverDoc(rejected).toJSON()).toEqual(
      schema.nodeFromJSON({ type: "doc", content: [p("Member States shall cooperate.")] }).toJSON(),
    );
    // The same shortcut again takes the delegate's own proposal back.
    expect(paperOf.edit(select("shall"), toggleMark(bold))).toEqual({ ok: true });
    expect(listSuggestions(paperOf.server).map((s) => s.text)).toEqual(["cooperate"]);
  });

  it("removing formatting from agreed bold text is proposed too", () => {
    const bold = schema.marks.bold;
    if (!bold) throw new Error("no bold");
    const paperOf = paper({
      type: "paragraph",
      content: [
        { type: "text", text: "Bold words", marks: [{ type: "bold" }] },
        { type: "text", text: " plain." },
      ],
    });
    const select = (doc: PmNode) => TextSelection.create(doc, 1, 11);
    expect(paperOf.edit(select, toggleMark(bold))).toEqual({ ok: true });
    expect(listSuggestions(paperOf.server).map((s) => [s.change, s.text])).toEqual([["format", "Bold words"]]);
    // The shortcut again takes the proposal back; a third time proposes it again.
    expect(paperOf.edit(select, toggleMark(bold))).toEqual({ ok: true });
    expect(listSuggestions(paperOf.server)).toEqual([]);
    expect(paperOf.edit(select, toggleMark(bold))).toEqual({ ok: true });
    const accepted = new Y.Doc();
    Y.applyUpdate(accepted, Y.encodeStateAsUpdate(paperOf.server));
    decideInDoc(accepted, () => true, "accept");
    expect(serverDoc(accepted).toJSON()).toEqual(
      schema.nodeFromJSON({ type: "doc", content: [p("Bold words plain.")] }).toJSON(),
    );
  });

  it("typing into an empty agreed paragraph is an insertion (its first text is new to the server)", () => {
    const paperOf = paper(p("Before."), p(""), p("After."));
    const intoEmpty = (doc: PmNode) => TextSelection.create(doc, doc.child(0).nodeSize + 1);
    const type = (state: EditorState, dispatch: (tr: Transaction) => void) => {
      dispatch(state.tr.insertText("Filled."));
      return true;
    };
    expect(paperOf.edit(intoEmpty, type)).toEqual({ ok: true });
    expectOutcomes(paperOf.server, ["p:Before.", "p:", "p:After."], ["p:Before.", "p:Filled.", "p:After."]);
  });

  it("a delegate's own proposed paragraph, deleted again, is simply gone", () => {
    const paperOf = paper(p("First."), p("Last."));
    expect(paperOf.edit(caretAt("First.", 6), splitBlock)).toEqual({ ok: true });
    expect(paperOf.edit(caretAt("Last."), joinBackward)).toEqual({ ok: true });
    expect(listSuggestions(paperOf.server)).toEqual([]);
    expect(outline(serverDoc(paperOf.server))).toEqual(["p:First.", "p:Last."]);
  });
});
