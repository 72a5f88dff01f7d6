// Typing in suggest mode, as the editor sends it: the suggest-mode transaction
// (lib/editor/suggest-mode.ts) turned into a Yjs update by the editor's own binding
// (y-tiptap's updateYFragment, patched: patches/@tiptap+y-tiptap+3.0.9.patch), then judged by the
// server's write guard as a suggest-only delegate's. A diff of characters alone put a space typed
// before an existing space after it and moved the suggestion mark onto the agreed text: the
// server refused every such keystroke (issue 16).
import type { Node as PmNode } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from "@/lib/editor/annotations";
import { serverDoc, suggestingEditor } from "./suggesting-editor";

const AGREED = "Member States recognise the  contribution of migrants, agreed.";

/** The server's copy and the delegate's editor, in step: a paper with one agreed paragraph. */
function paper(text = AGREED) {
  const editor = suggestingEditor([{ type: "paragraph", content: [{ type: "text", text }] }]);
  return {
    server: editor.server,
    /** The delegate types `typed` with the caret at `pos` (or replaces from–to): the server's verdict. */
    type: (typed: string, from: number, to = from) =>
      editor.edit(
        (doc) => TextSelection.create(doc, from, to),
        (state, dispatch) => {
          dispatch(typed ? state.tr.insertText(typed, from, to) : state.tr.delete(from, to));
          return true;
        },
      ),
    doc: editor.doc,
    caret: editor.caret,
  };
}

/** The paragraph as runs of text with their suggestion kind, from the server's copy. */
function serverRuns(server: Y.Doc): string {
  return runsOf(serverDoc(server));
}

function runsOf(doc: PmNode): string {
  const parts: string[] = [];
  doc.descendants((node) => {
    if (!node.isText) return true;
    const kind = node.marks.find((m) => m.type.name === SUGGESTION_INSERT)
      ? "+"
      : node.marks.find((m) => m.type.name === SUGGESTION_DELETE)
        ? "-"
        : "";
    parts.push(kind ? `[${kind}${node.text}]` : (node.text ?? ""));
    return false;
  });
  return parts.join("");
}

/** Text position of a character offset in the paragraph (the paragraph opens at 0). */
const at = (offset: number) => offset + 1;

describe("typing in suggest mode, judged by the server as a suggest-only delegate", () => {
  const positions: [string, number][] = [
    ["the start of the paragraph", 0],
    ["the middle of a word", AGREED.indexOf("cognise")],
    ["the end of a word, before a space", AGREED.indexOf(" recognise")],
    ["the end of a word, before a double space", AGREED.indexOf("  contribution")],
    ["after a space, before a word", AGREED.indexOf("States")],
    ["before punctuation", AGREED.indexOf(", agreed")],
    ["the end of the paragraph", AGREED.length],
  ];
  for (const [where, offset] of positions) {
    it(`accepts a space and a word typed key by key at ${where}`, () => {
      const p = paper();
      let caret = at(offset);
      for (const key of [" ", "n", "e", "w"]) {
        expect(p.type(key, caret), `"${key}" at ${where}`).toEqual({ ok: true });
        caret = p.caret();
      }
      const expected = `${AGREED.slice(0, offset)}[+ new]${AGREED.slice(offset)}`;
      expect(runsOf(p.doc())).toBe(expected);
      expect(serverRuns(p.server)).toBe(expected);
    });

    it(`accepts a word and a space typed at ${where}, then taken back with Backspace`, () => {
      const p = paper();
      let caret = at(offset);
      for (const key of ["n", "e", "w", " "]) {
        expect(p.type(key, caret)).toEqual({ ok: true });
        caret = p.caret();
      }
      for (let i = 0; i < 4; i++) {
        expect(p.type("", caret - 1, caret), `Backspace ${i + 1} at ${where}`).toEqual({ ok: true });
        caret = p.caret();
      }
      expect(serverRuns(p.server)).toBe(AGREED);
    });
  }

  it("accepts a pasted phrase that repeats the text around it", () => {
    const p = paper();
    const offset = AGREED.indexOf("contribution");
    expect(p.type("contribution and the ", at(offset))).toEqual({ ok: true });
    expect(serverRuns(p.server)).toBe(`${AGREED.slice(0, offset)}[+contribution and the ]${AGREED.slice(offset)}`);
  });

  it("accepts replacing a word by one that shares its letters", () => {
    const p = paper();
    const from = AGREED.indexOf("migrants");
    expect(p.type("migrant workers", at(from), at(from + "migrants".length))).toEqual({ ok: true });
    expect(serverRuns(p.server)).toBe(
      `${AGREED.slice(0, from)}[-migrants][+migrant workers]${AGREED.slice(from + "migrants".length)}`,
    );
  });
});
