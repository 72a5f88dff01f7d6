// A language version's editor beside its original (issue 19). On every version block, the
// original's paragraph number (a version's paragraph is numbered as its original's) and, where
// the original changed since the translation was confirmed, "translation outdated" in the margin.
// In the side-by-side view (`sideBySide`) the original's paragraph is also drawn before each of
// the version's blocks, as a read-only cell, so that a two-column grid (app/globals.css) lines
// every row up: the original's block on one side, the version's on the other, whatever their
// heights. The same view can edit the original instead (`editing: "original"`): then the
// version's paragraphs are the read-only cells, drawn after each of the original's blocks.
// Alignment is lib/language-versions.ts's, recomputed as the edited text changes.
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { DocNode } from "../document";
import { type AlignedRow, alignVersions, blockText, paragraphWordsById } from "../language-versions";

export type VersionMarginLabels = {
  outdated: string;
  /** "Original, paragraph {n}" (or the translation's, when the original is edited): fill `{n}`. */
  originalParagraph: string;
  /** For a block of the other text without a number (a heading, a list). */
  originalBlock: string;
  /** Said of an empty cell: the other text has no block in this row. */
  onlyInVersion: string;
};

export type VersionMarginOptions = {
  /** The other text, drawn beside the editor's (agreed, live): the original, or the version when the original is edited. */
  beside: DocNode;
  /** Ids of the version's paragraphs whose translation is outdated. */
  outdated: readonly string[];
  labels: VersionMarginLabels;
  /** The other text's language (ISO 639-1), for the cells' `lang`. */
  besideLanguage: string;
  /** Draw the other text's blocks as cells beside the editor's (the side-by-side view). */
  sideBySide: boolean;
  /**
   * Which text the editor holds. "version" (the default): the original's cells come before each
   * block (the start column). "original": the version's cells come after each block (the end
   * column), and a paragraph whose words the editor changed since `readOriginal` is flagged at once.
   */
  editing?: "version" | "original";
  /** When the original is edited: its text as the page read it (outdated flags were computed on it). */
  readOriginal?: DocNode;
};

type Cell = { row: AlignedRow | null; text: string; outdated: boolean };

function cellElement(cell: Cell, options: VersionMarginOptions): HTMLElement {
  const div = document.createElement("div");
  div.contentEditable = "false";
  const besideIndex = options.editing === "original" ? cell.row?.versionIndex : cell.row?.originalIndex;
  if (!cell.row || besideIndex === null || besideIndex === undefined) {
    div.className = "parallel-cell parallel-empty";
    const note = document.createElement("span");
    note.className = "sr-only";
    note.textContent = options.labels.onlyInVersion;
    div.append(note);
    return div;
  }
  div.className = `parallel-cell parallel-original${cell.outdated ? " parallel-outdated" : ""}`;
  div.setAttribute("lang", options.besideLanguage);
  div.setAttribute("dir", "auto");
  div.dataset.testid = options.editing === "original" ? "parallel-version" : "parallel-original";
  if (cell.row.number !== null) div.dataset.paragraph = String(cell.row.number);
  const label = document.createElement("span");
  label.className = "sr-only";
  label.textContent =
    cell.row.number === null
      ? `${options.labels.originalBlock}: `
      : `${options.labels.originalParagraph.replace("{n}", String(cell.row.number))}: `;
  div.append(label);
  if (cell.row.number !== null) {
    const number = document.createElement("span");
    number.className = "parallel-number";
    number.setAttribute("aria-hidden", "true");
    number.textContent = `${cell.row.number}.`;
    div.append(number);
  }
  const text = document.createElement("span");
  text.textContent = cell.text;
  div.append(text);
  if (cell.outdated) {
    const flag = document.createElement("strong");
    flag.className = "translation-outdated";
    flag.textContent = options.labels.outdated;
    div.append(" ", flag);
  }
  return div;
}

function flag(text: string): () => HTMLElement {
  return () => {
    const span = document.createElement("span");
    span.className = "translation-outdated me-2";
    span.dataset.testid = "translation-outdated";
    span.textContent = text;
    span.contentEditable = "false";
    return span;
  };
}

export function versionMarginDecorations(doc: PmNode, options: VersionMarginOptions): DecorationSet {
  return options.editing === "original" ? originalSideDecorations(doc, options) : versionSideDecorations(doc, options);
}

const emptyCell: Cell = { row: null, text: "", outdated: false };

/** Every top-level block's position in the editor's document. */
function blockPositions(doc: PmNode): number[] {
  const positions: number[] = [];
  doc.forEach((_node, offset) => {
    positions.push(offset);
  });
  return positions;
}

function cellWidgets(pos: number, cells: Cell[], side: number, options: VersionMarginOptions): Decoration[] {
  return cells.map((cell, i) =>
    Decoration.widget(pos, () => cellElement(cell, options), {
      side: side + i,
      ignoreSelection: true,
      stopEvent: () => true,
      key: `cell:${JSON.stringify([cell.row?.number, cell.row?.originalIndex, cell.row?.versionIndex, cell.text, cell.outdated])}`,
    }),
  );
}

/** The editor holds the version: the original's paragraph number on each block, its cells before. */
function versionSideDecorations(doc: PmNode, options: VersionMarginOptions): DecorationSet {
  const version = doc.toJSON() as DocNode;
  const originalBlocks = options.beside.content ?? [];
  const outdated = new Set(options.outdated);
  const rows = alignVersions(options.beside, version);
  const positions = blockPositions(doc);
  const cellOf = (row: AlignedRow): Cell => {
    const block = row.originalIndex === null ? undefined : originalBlocks[row.originalIndex];
    return { row, text: block ? blockText(block) : "", outdated: row.pid !== null && outdated.has(row.pid) };
  };
  // The cells drawn before each version block: original blocks the version lacks, then its own.
  const before = new Map<number, Cell[]>();
  let waiting: Cell[] = [];
  const decorations: Decoration[] = [];
  for (const row of rows) {
    if (row.versionIndex === null) {
      waiting.push(cellOf(row), emptyCell);
      continue;
    }
    const cell = cellOf(row);
    before.set(row.versionIndex, [...waiting, cell]);
    waiting = [];
    const pos = positions[row.versionIndex];
    const node = pos === undefined ? null : doc.nodeAt(pos);
    if (pos === undefined || !node) continue;
    const attrs: Record<string, string> = {};
    if (row.number !== null && row.originalIndex !== null) attrs["data-original-number"] = String(row.number);
    if (cell.outdated) attrs.class = "translation-outdated-block";
    if (Object.keys(attrs).length > 0) decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
    if (cell.outdated && node.isTextblock) {
      decorations.push(
        Decoration.widget(pos + 1, flag(options.labels.outdated), { side: -3, key: "outdated", ignoreSelection: true }),
      );
    }
  }
  if (options.sideBySide) {
    positions.forEach((pos, v) => {
      decorations.push(...cellWidgets(pos, before.get(v) ?? [emptyCell], -1000, options));
    });
    // Original blocks after the version's last one, each beside an empty cell.
    decorations.push(...cellWidgets(doc.content.size, waiting, 1, options));
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * The editor holds the original: the version's cells after each block (the end column). A
 * translation is outdated where the server said so, or where this editor changed the original's
 * words since the page read them.
 */
function originalSideDecorations(doc: PmNode, options: VersionMarginOptions): DecorationSet {
  const original = doc.toJSON() as DocNode;
  const versionBlocks = options.beside.content ?? [];
  const outdated = new Set(options.outdated);
  if (options.readOriginal) {
    const before = paragraphWordsById(options.readOriginal);
    for (const [id, words] of paragraphWordsById(original)) {
      if (before.has(id) && before.get(id) !== words) outdated.add(id);
    }
  }
  const rows = alignVersions(original, options.beside);
  const positions = blockPositions(doc);
  const cellOf = (row: AlignedRow): Cell => {
    const block = row.versionIndex === null ? undefined : versionBlocks[row.versionIndex];
    return { row, text: block ? blockText(block) : "", outdated: row.pid !== null && outdated.has(row.pid) };
  };
  // The cells drawn after each original block: its version's, then blocks only the version has.
  const after = new Map<number, Cell[]>();
  const leading: Cell[] = [];
  let last: number | null = null;
  for (const row of rows) {
    if (row.originalIndex === null) {
      const cells = [emptyCell, cellOf(row)];
      if (last === null) leading.push(...cells);
      else after.get(last)?.push(...cells);
      continue;
    }
    last = row.originalIndex;
    after.set(row.originalIndex, [cellOf(row)]);
  }
  const decorations: Decoration[] = [];
  // The original's own numbers, drawn as a version's are (the editor frame hides the plain ones).
  for (const row of rows) {
    const pos = row.originalIndex === null ? undefined : positions[row.originalIndex];
    const node = pos === undefined ? null : doc.nodeAt(pos);
    if (pos !== undefined && node && row.number !== null) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { "data-original-number": String(row.number) }));
    }
  }
  if (options.sideBySide) {
    decorations.push(...cellWidgets(0, leading, -2000, options));
    positions.forEach((pos, o) => {
      const node = doc.nodeAt(pos);
      if (node) decorations.push(...cellWidgets(pos + node.nodeSize, after.get(o) ?? [emptyCell], -1000, options));
    });
  }
  return DecorationSet.create(doc, decorations);
}

export const versionMarginKey = new PluginKey<DecorationSet>("versionMargin");

/**
 * `data` is read on every change, so a page that learns new outdated paragraphs (a confirmation)
 * redraws by dispatching a transaction with `versionMarginKey` meta.
 */
export const VersionMargin = Extension.create<{ data: () => VersionMarginOptions | null }>({
  name: "versionMargin",
  addOptions() {
    return { data: () => null };
  },
  addProseMirrorPlugins() {
    const { data } = this.options;
    const draw = (doc: PmNode) => {
      const current = data();
      return current ? versionMarginDecorations(doc, current) : DecorationSet.empty;
    };
    return [
      new Plugin<DecorationSet>({
        key: versionMarginKey,
        state: {
          init: (_, state) => draw(state.doc),
          apply: (tr, previous) => (tr.docChanged || tr.getMeta(versionMarginKey) ? draw(tr.doc) : previous),
        },
        props: { decorations: (state) => versionMarginKey.getState(state) },
      }),
    ];
  },
});
