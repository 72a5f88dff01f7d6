// Shows the negotiation marks in the editor as they read on paper: "[" and "]" around a
// bracketed block, "(ad ref.)" after one agreed ad referendum. Decorations only: the marks
// themselves are the blocks' `agreement` attribute (lib/editor/extensions.ts).
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { agreementOf } from "@/lib/document";

const key = new PluginKey<DecorationSet>("agreementMarks");

function widget(text: string, className: string): () => HTMLElement {
  return () => {
    const span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    span.contentEditable = "false";
    return span;
  };
}

function agreementDecorations(doc: PmNode, adRefLabel: string): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const mark = agreementOf({ type: node.type.name, attrs: node.attrs });
    if (mark === "bracketed") {
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, { class: "agreement-bracketed" }),
        Decoration.widget(pos + 1, widget("[", "agreement-bracket"), { side: -1, key: "open" }),
        Decoration.widget(pos + node.nodeSize - 1, widget("]", "agreement-bracket"), { side: 1, key: "close" }),
      );
    } else if (mark === "adRef") {
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, { class: "agreement-adref" }),
        Decoration.widget(pos + node.nodeSize - 1, widget(` ${adRefLabel}`, "agreement-adref-label"), {
          side: 1,
          key: "adref",
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const AgreementMarks = Extension.create<{ adRefLabel: string }>({
  name: "agreementMarks",
  addOptions() {
    return { adRefLabel: "(ad ref.)" };
  },
  addProseMirrorPlugins() {
    const { adRefLabel } = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => agreementDecorations(state.doc, adRefLabel),
          apply: (tr, previous) => (tr.docChanged ? agreementDecorations(tr.doc, adRefLabel) : previous),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
