// A delegate's editor in suggest mode and the server's copy of the paper, in step, for unit
// tests: each edit goes through suggest mode (lib/editor/suggest-mode.ts), the editor's own Yjs
// binding (y-tiptap's updateYFragment, patched) and the server's write guard, as a suggest-only
// delegate's update; what the guard accepts is applied to the server's copy.
import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, type NodeSelection, type TextSelection, type Transaction } from "@tiptap/pm/state";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { toSuggestionTransaction } from "@/lib/editor/suggest-mode";
import { judgeUpdate } from "@/server/collab/guard/judge-update";
import { documentSchema, YDOC_FIELD } from "@/server/collab/paper-state";
import type { WriteRights } from "@/server/policy";

export const DELEGATE = "11111111-1111-4111-8111-111111111111";
export const FRANCE = "33333333-3333-4333-8333-333333333333";
const own = { userId: DELEGATE, partnerId: FRANCE };
const suggester: WriteRights = {
  ...own,
  suggestOnly: true,
  commentOnly: false,
  markAgreement: false,
  decideSuggestions: false,
};
export const schema = documentSchema();

/** y-tiptap's mapping between Yjs types and nodes, as the binding keeps it. */
const bindingMeta = () => ({ mapping: new Map(), isOMark: new Map() }) as never;

/** The server's copy holding `blocks` (stored JSON), and a delegate's editor in step with it. */
export function suggestingEditor(blocks: Record<string, unknown>[]) {
  const server = new Y.Doc();
  const initial = schema.nodeFromJSON({ type: "doc", content: blocks });
  updateYFragment(server, server.getXmlFragment(YDOC_FIELD), initial, bindingMeta());
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const fragment = client.getXmlFragment(YDOC_FIELD);
  let state = EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(fragment, schema) });
  const meta = bindingMeta();
  updateYFragment(client, fragment, state.doc, meta);
  return {
    server,
    /** Runs an editor command at a selection, as suggest mode records it: the server's verdict. */
    edit(
      select: (doc: PmNode) => TextSelection | NodeSelection,
      command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean,
    ) {
      state = state.apply(state.tr.setSelection(select(state.doc)));
      let userTr: Transaction | null = null;
      if (!command(state, (tr) => (userTr = tr))) throw new Error("the command does not apply here");
      const tracked = toSuggestionTransaction(userTr as unknown as Transaction, state, own);
      if (!tracked) throw new Error("suggest mode refused the edit");
      state = state.apply(tracked);
      const before = Y.encodeStateVector(client);
      client.transact(() => updateYFragment(client, fragment, state.doc, meta));
      const update = Y.encodeStateAsUpdate(client, before);
      const verdict = judgeUpdate(server, update, suggester, schema);
      if (verdict.ok) Y.applyUpdate(server, update);
      return verdict;
    },
    doc: () => state.doc,
    caret: () => state.selection.head,
  };
}

/** The server's copy as the editor would show it. */
export function serverDoc(server: Y.Doc): PmNode {
  return yXmlFragmentToProseMirrorRootNode(server.getXmlFragment(YDOC_FIELD), schema);
}
