// Live UN paragraph numbers in the editor: a decoration on each numbered top-level paragraph,
// computed with the same rule as every other view (lib/numbering.ts), so the editor, the
// read-only view and the exports always agree.
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { DocNode } from "@/lib/document";
import { isNumberedParagraph } from "@/lib/numbering";

export const paragraphNumbersKey = new PluginKey<DecorationSet>("paragraphNumbers");

/** The part of a block that the numbering rule looks at: its type, attributes and its children's types. */
function outline(node: PmNode): DocNode {
  const content: DocNode[] = [];
  node.forEach((child) => {
    content.push({ type: child.type.name });
  });
  return { type: node.type.name, attrs: node.attrs, content };
}

export function paragraphNumberDecorations(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = [];
  let next = 1;
  doc.forEach((node, offset) => {
    if (node.type.name !== "paragraph" || !isNumberedParagraph(outline(node))) return;
    decorations.push(
      // The id keeps the paragraph's address (#para-3, as in the read-only view) once the editor is up.
      Decoration.node(offset, offset + node.nodeSize, { "data-paragraph-number": String(next), id: `para-${next++}` }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

export const ParagraphNumbers = Extension.create({
  name: "paragraphNumbers",

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: paragraphNumbersKey,
        state: {
          init: (_, state) => paragraphNumberDecorations(state.doc),
          // A change anywhere can shift every later number: recount (one pass over top-level blocks).
          apply: (tr, previous) => (tr.docChanged ? paragraphNumberDecorations(tr.doc) : previous),
        },
        props: {
          decorations: (state) => paragraphNumbersKey.getState(state),
        },
      }),
    ];
  },
});
