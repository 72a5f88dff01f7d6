// A language version's editor beside its original (issue 19). On every version block, the
// original's paragraph number (a version's paragraph is numbered as its original's) and, where
// the original changed since the translation was confirmed, "translation outdated" in the margin.
// In the side-by-side view (`sideBySide`) the original's paragraph is also drawn before each of
// the version's blocks, as a read-only cell, so that a two-column grid (app/globals.css) lines
// every row up: the original's block on one side, the version's on the other, whatever their
// heights. Alignment is lib/language-versions.ts's, recomputed as the version is edited.
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { DocNode } from "../document";
import { type AlignedRow, alignVersions, blockText } from "../language-versions";

export type VersionMarginLabels = {
  outdated: string;
  /** "Original, paragraph {n}": fill `{n}`. */
  originalParagraph: string;
  /** For an original block without a number (a heading, a list). */
  originalBlock: string;
  onlyInVersion: string;
};

export type VersionMarginOptions = {
  /** The original's text (agreed, as the page read it). */
  original: DocNode;
  /** Ids of the version's paragraphs whose translation is outdated. */
  outdated: readonly string[];
  labels: VersionMarginLabels;
  /** The original's language (ISO 639-1), for the cells' `lang`. */
  originalLanguage: string;
  /** Draw the original's blocks as cells beside the version's (the side-by-side view). */
  sideBySide: boolean;
};

type Cell = { row: AlignedRow | null; text: string; outdated: boolean };

function cellElement(cell: Cell, options: VersionMarginOptions): HTMLElement {
  const div = document.createElement("div");
  div.contentEditable = "false";
  if (!cell.row || cell.row.originalIndex === null) {
    div.className = "parallel-cell parallel-empty";
    const note = document.createElement("span");
    note.className = "sr-only";
    note.textContent = options.labels.onlyInVersion;
    div.append(note);
    return div;
  }
  div.className = `parallel-cell parallel-original${cell.outdated ? " parallel-outdated" : ""}`;
  div.setAttribute("lang", options.originalLanguage);
  div.setAttribute("dir", "auto");
  div.dataset.testid = "parallel-original";
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
  const version = doc.toJSON() as DocNode;
  const originalBlocks = options.original.content ?? [];
  const outdated = new Set(options.outdated);
  const rows = alignVersions(options.original, version);
  const positions: number[] = [];
  doc.forEach((_node, offset) => {
    positions.push(offset);
  });
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
      waiting.push(cellOf(row), { row: null, text: "", outdated: false });
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
    const widget = (pos: number, cells: Cell[], side: number) =>
      cells.forEach((cell, i) => {
        decorations.push(
          Decoration.widget(pos, () => cellElement(cell, options), {
            side: side + i,
            ignoreSelection: true,
            stopEvent: () => true,
            key: `cell:${JSON.stringify([cell.row?.number, cell.row?.originalIndex, cell.text, cell.outdated])}`,
          }),
        );
      });
    positions.forEach((pos, v) => {
      const cells = before.get(v) ?? [{ row: null, text: "", outdated: false }];
      widget(pos, cells, -1000);
    });
    // Original blocks after the version's last one, each beside an empty cell.
    widget(doc.content.size, waiting, 1);
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
