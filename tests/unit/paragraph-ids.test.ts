// Stable paragraph ids (issue 19): the server's assignment when a paper is created
// (assignParagraphIds), the editor's for new blocks (lib/editor/paragraph-ids.ts), their absence
// from a text's hash, and the alignment of a version's paragraphs with its original's.

import { splitBlock } from "@tiptap/pm/commands";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import type { DocNode } from "@/lib/document";
import { paragraphIdsPlugin } from "@/lib/editor/paragraph-ids";
import { versionMarginDecorations } from "@/lib/editor/version-margin";
import { alignVersions } from "@/lib/language-versions";
import { assignParagraphIds, isParagraphId, newParagraphId, paragraphIdOf } from "@/lib/paragraph-ids";
import { contentHash } from "@/server/canonical";
import { documentSchema } from "@/server/collab/paper-state";

const para = (text: string, pid?: string | null): DocNode => ({
  type: "paragraph",
  ...(pid !== undefined ? { attrs: { pid } } : {}),
  content: [{ type: "text", text }],
});
const heading = (text: string): DocNode => ({
  type: "heading",
  attrs: { level: 2 },
  content: [{ type: "text", text }],
});
const list = (text: string): DocNode => ({
  type: "bulletList",
  content: [{ type: "listItem", content: [para(text)] }],
});
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const ids = (d: DocNode) => (d.content ?? []).map(paragraphIdOf);

describe("assignParagraphIds", () => {
  it("gives every top-level paragraph and heading a well-formed id, and nothing else", () => {
    const input = doc(heading("Title"), para("One"), list("Item"), para("Two"));
    const out = assignParagraphIds(input);
    const [h, one, l, two] = ids(out);
    for (const id of [h, one, two]) expect(isParagraphId(id)).toBe(true);
    expect(l).toBeNull();
    expect(out.content?.[2]?.content?.[0]?.content?.[0]?.attrs?.pid).toBeUndefined();
    expect(new Set([h, one, two]).size).toBe(3);
    // The input is left as it was.
    expect(ids(input)).toEqual([null, null, null, null]);
  });

  it("keeps valid unique ids and replaces malformed and repeated ones", () => {
    const kept = newParagraphId();
    const out = assignParagraphIds(doc(para("A", kept), para("B", kept), para("C", "NOT-AN-ID"), para("D", null)));
    const [a, b, c, d] = ids(out);
    expect(a).toBe(kept);
    expect(b).not.toBe(kept);
    for (const id of [b, c, d]) expect(isParagraphId(id)).toBe(true);
    expect(new Set([a, b, c, d]).size).toBe(4);
  });

  it("draws ids of the strict shape, different each time", () => {
    const drawn = new Set(Array.from({ length: 2000 }, newParagraphId));
    expect(drawn.size).toBe(2000);
    for (const id of drawn) expect(id).toMatch(/^[a-z0-9]{10}$/);
  });

  it("leaves ids out of a text's hash: the same words hash the same with or without them", () => {
    const plain = doc(heading("Title"), para("One"), para("Two"));
    expect(contentHash(assignParagraphIds(plain)).hash).toBe(contentHash(plain).hash);
    expect(contentHash(assignParagraphIds(plain)).hash).toBe(contentHash(assignParagraphIds(plain)).hash);
    expect(contentHash(doc(para("Other"))).hash).not.toBe(contentHash(plain).hash);
  });
});

describe("the editor's paragraph ids", () => {
  const schema = documentSchema();
  const start = (content: DocNode, active = true) =>
    EditorState.create({
      schema,
      doc: schema.nodeFromJSON(content),
      plugins: [paragraphIdsPlugin(() => active)],
    });
  const pmIds = (state: EditorState) => {
    const out: (string | null)[] = [];
    state.doc.forEach((node) => {
      out.push((node.attrs.pid as string | null) ?? null);
    });
    return out;
  };
  const at = (state: EditorState, pos: number) =>
    state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  const run = (state: EditorState, command: typeof splitBlock) => {
    let next = state;
    command(state, (tr) => {
      next = state.apply(tr);
    });
    return next;
  };

  it("gives the new half of a split paragraph a fresh id; the first half keeps its own", () => {
    const first = newParagraphId();
    const second = newParagraphId();
    let state = start(doc(para("Hello world", first), para("Next", second)));
    state = run(at(state, 6), splitBlock);
    const [a, b, c] = pmIds(state);
    expect(a).toBe(first);
    expect(isParagraphId(b)).toBe(true);
    expect(b).not.toBe(first);
    expect(c).toBe(second);
  });

  it("gives a pasted or inserted paragraph without an id one, and leaves typing alone", () => {
    const first = newParagraphId();
    let state = start(doc(para("Hello", first)));
    const end = state.doc.content.size;
    state = state.apply(state.tr.insert(end, schema.nodeFromJSON(para("New"))));
    const [a, b] = pmIds(state);
    expect(a).toBe(first);
    expect(isParagraphId(b)).toBe(true);
    const before = pmIds(state);
    state = state.apply(state.tr.insertText("!", 3));
    expect(pmIds(state)).toEqual(before);
  });

  it("leaves other users' changes, and a read-only or suggesting editor, alone", () => {
    let remote = start(doc(para("Hello")));
    remote = remote.apply(
      remote.tr.insert(remote.doc.content.size, schema.nodeFromJSON(para("X"))).setMeta(ySyncPluginKey, {
        isChangeOrigin: true,
      }),
    );
    expect(pmIds(remote)).toEqual([null, null]);
    let inactive = start(doc(para("Hello")), false);
    inactive = inactive.apply(inactive.tr.insert(inactive.doc.content.size, schema.nodeFromJSON(para("X"))));
    expect(pmIds(inactive)).toEqual([null, null]);
  });
});

describe("alignVersions", () => {
  it("pairs paragraphs by id, whatever their places, and numbers rows by the original", () => {
    const [p1, p2, p3] = [newParagraphId(), newParagraphId(), newParagraphId()];
    const original = doc(heading("Title"), para("One", p1), para("Two", p2), para("Three", p3));
    // The translator added a paragraph before "Two" and dropped "Three".
    const added = newParagraphId();
    const version = doc(para("Un", p1), para("Ajout", added), para("Deux", p2));
    const rows = alignVersions(assignParagraphIds(original), version);
    expect(rows.map((r) => [r.number, r.originalIndex, r.versionIndex, r.pid])).toEqual([
      [null, 0, null, null],
      [1, 1, 0, p1],
      [null, null, 1, added],
      [2, 2, 2, p2],
      [3, 3, null, null],
    ]);
  });

  it("falls back to the paragraph number where ids are missing", () => {
    const original = doc(para("One"), para("Two"));
    const version = doc(para("Un"), para("Deux", newParagraphId()));
    const rows = alignVersions(original, version);
    expect(rows.map((r) => [r.number, r.originalIndex, r.versionIndex])).toEqual([
      [1, 0, 0],
      [2, 1, 1],
    ]);
  });
});

describe("the side-by-side cells", () => {
  const schema = documentSchema();
  const labels = {
    outdated: "Translation outdated",
    originalParagraph: "Original, paragraph {n}",
    originalBlock: "Original",
    onlyInVersion: "Only in the version",
  };
  const cellsBefore = (
    set: ReturnType<typeof versionMarginDecorations>,
    doc: ReturnType<typeof schema.nodeFromJSON>,
  ) => {
    const starts: number[] = [];
    doc.forEach((_node, offset) => {
      starts.push(offset);
    });
    const widgets = set.find().filter((d) => String(d.spec.key ?? "").startsWith("cell:"));
    const at = (pos: number) =>
      widgets
        .filter((d) => d.from === pos)
        .sort((a, b) => (a.spec.side as number) - (b.spec.side as number))
        .map(
          (d) =>
            JSON.parse(String(d.spec.key).slice(5)) as [number | null, number | null, number | null, string, boolean],
        )
        .map(([number, , , text, outdated]) => `${number ?? "-"}:${text}${outdated ? "!" : ""}`);
    return [...starts.map(at), at(doc.content.size)];
  };

  it("puts before each version block the original blocks it lacks (each beside an empty cell), then its own original", () => {
    const [p1, p2, p3, p4] = [newParagraphId(), newParagraphId(), newParagraphId(), newParagraphId()];
    const original = doc(para("One", p1), para("Two", p2), para("Three", p3), para("Four", p4));
    // The version lacks "Two" and "Four" and adds a paragraph of its own after "Un".
    const version = schema.nodeFromJSON(doc(para("Un", p1), para("Ajout", newParagraphId()), para("Trois", p3)));
    const set = versionMarginDecorations(version, {
      beside: original,
      outdated: [p3],
      labels,
      besideLanguage: "en",
      sideBySide: true,
    });
    // Rows: One | Un; Two | (none); (none) | Ajout; Three | Trois; Four | (none).
    expect(cellsBefore(set, version)).toEqual([["1:One"], ["2:Two", "-:", "-:"], ["3:Three!"], ["4:Four", "-:"]]);
    // The version's paragraphs carry their original's number; the outdated one its flag.
    const numbers = set
      .find()
      .filter((d) => d.spec.key === undefined)
      .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
    expect(numbers).toEqual([
      { "data-original-number": "1" },
      { "data-original-number": "3", class: "translation-outdated-block" },
    ]);
  });

  it("editing the original: puts after each original block its version's, then blocks only the version has", () => {
    const [p1, p2, p3] = [newParagraphId(), newParagraphId(), newParagraphId()];
    const read = doc(para("One", p1), para("Two", p2), para("Three", p3));
    // The version lacks "Two" and adds a paragraph of its own after "Un".
    const version = doc(para("Un", p1), para("Ajout", newParagraphId()), para("Trois", p3));
    // The editor changed "One" since the page read it: its translation is flagged at once.
    const original = schema.nodeFromJSON(doc(para("One, amended", p1), para("Two", p2), para("Three", p3)));
    const set = versionMarginDecorations(original, {
      beside: version,
      outdated: [],
      labels,
      besideLanguage: "fr",
      sideBySide: true,
      editing: "original",
      readOriginal: read,
    });
    // Rows as the version's view has them: One | Un; Two | (none); (none) | Ajout; Three | Trois —
    // each cell drawn after its original block, the version's own paragraph in a row of its own.
    const starts: number[] = [];
    original.forEach((node, offset) => {
      starts.push(offset + node.nodeSize);
    });
    const widgets = set.find().filter((d) => String(d.spec.key ?? "").startsWith("cell:"));
    const after = starts.map((pos) =>
      widgets
        .filter((d) => d.from === pos)
        .sort((a, b) => (a.spec.side as number) - (b.spec.side as number))
        .map(
          (d) =>
            JSON.parse(String(d.spec.key).slice(5)) as [number | null, number | null, number | null, string, boolean],
        )
        .map(([number, , , text, outdated]) => `${number ?? "-"}:${text}${outdated ? "!" : ""}`),
    );
    expect(after).toEqual([["1:Un!"], ["2:", "-:", "-:Ajout"], ["3:Trois"]]);
  });
});
