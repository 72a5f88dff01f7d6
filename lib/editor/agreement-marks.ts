// Shows the negotiation marks in the editor as they read on paper: "[" and "]" around a
// bracketed block, "(ad ref.)" after one agreed ad referendum; and, when given `ledgerLabel`, the
// block's ledger status in words at its start ("Agreed", "Ad ref. until 12 Dec (Spain)").
// Decorations only: the marks themselves are the blocks' attributes (lib/editor/extensions.ts).
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { agreementOf, type DocNode } from "@/lib/document";

const key = new PluginKey<DecorationSet>("agreementMarks");

function widget(text: string, className: string): () => HTMLElement {
  return () => {
    const span = document.createElement("span");
    span.className = className;
    span.contentEditable = "false";
    // In the reader's language: the inner `dir` isolates it from the text's own direction (which
    // `dir="auto"` on the editor takes from the text alone), so an Arabic label does not turn an
    // English text round; the outer span keeps its margin on the text's side.
    const words = document.createElement("span");
    words.dir = "auto";
    words.textContent = text;
    span.append(words);
    return span;
  };
}

/** The label beside a block, in the reader's language; null for none (pending). */
export type LedgerLabelOf = (block: DocNode) => string | null;

type Options = { adRefLabel: string; ledgerLabel: LedgerLabelOf | null };

function agreementDecorations(doc: PmNode, { adRefLabel, ledgerLabel }: Options): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const block = { type: node.type.name, attrs: node.attrs };
    const label = ledgerLabel?.(block) ?? null;
    if (label) {
      decorations.push(
        Decoration.widget(pos + 1, widget(label, "ledger-status me-2 rounded border px-1 text-xs font-semibold"), {
          side: -2,
          key: `ledger:${label}`,
          ignoreSelection: true,
        }),
      );
    }
    const mark = agreementOf(block);
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

export const AgreementMarks = Extension.create<Options>({
  name: "agreementMarks",
  addOptions() {
    return { adRefLabel: "(ad ref.)", ledgerLabel: null };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => agreementDecorations(state.doc, options),
          apply: (tr, previous) => (tr.docChanged ? agreementDecorations(tr.doc, options) : previous),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
