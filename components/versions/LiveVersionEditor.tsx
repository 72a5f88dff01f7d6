"use client";
// The side-by-side view's editor (app/papers/[id]/parallel): the version's live editor, with the
// original's paragraphs beside its own (lib/editor/version-margin.ts) kept live through a second,
// read-only connection to the original's text. The server said which paragraphs were outdated
// when the page was read; an original paragraph whose words change while the page is open is
// flagged at once too (its confirmed hash was that of the words the page read). Whoever edits a
// paragraph updates it on the server; the flag follows on the next reading of the page.
import { HocuspocusProvider } from "@hocuspocus/provider";
import { getSchema } from "@tiptap/core";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { type ComponentProps, useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { PaperEditor } from "@/components/editor/PaperEditor";
import { COLLAB_PATH } from "@/lib/collab/wire";
import type { DocNode } from "@/lib/document";
import { agreedContent } from "@/lib/editor/annotations";
import { documentExtensions } from "@/lib/editor/extensions";
import type { VersionMarginOptions } from "@/lib/editor/version-margin";
import { blockText } from "@/lib/language-versions";
import { paragraphIdOf } from "@/lib/paragraph-ids";

/** The original's agreed text as its live document holds it, from `initial` until the first sync. */
function useLiveText(paperId: string, initial: DocNode): DocNode {
  const [text, setText] = useState(initial);
  useEffect(() => {
    const schema = getSchema(documentExtensions());
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: `${window.location.origin.replace(/^http/, "ws")}${COLLAB_PATH}`,
      name: paperId,
      token: "cookie",
      document: doc,
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Read at most every quarter second while the original is being typed.
    const read = () => {
      if (!provider.isSynced || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        try {
          const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment("default"), schema);
          setText(agreedContent(node.toJSON() as DocNode));
        } catch {
          // A text this schema cannot read (a newer client's): keep the last one read.
        }
      }, 250);
    };
    doc.on("update", read);
    provider.on("synced", read);
    return () => {
      clearTimeout(timer);
      doc.off("update", read);
      provider.destroy();
      doc.destroy();
    };
  }, [paperId]);
  return text;
}

const wordsById = (doc: DocNode) => {
  const words = new Map<string, string>();
  for (const node of doc.content ?? []) {
    const id = paragraphIdOf(node);
    if (id !== null && !words.has(id)) words.set(id, blockText(node));
  }
  return words;
};

type Props = Omit<ComponentProps<typeof PaperEditor>, "version"> & {
  originalId: string;
  /** What the page read: the original's text and the outdated paragraphs then. */
  version: VersionMarginOptions;
};

export function LiveVersionEditor({ originalId, version, ...editor }: Props) {
  const original = useLiveText(originalId, version.original);
  const live = useMemo<VersionMarginOptions>(() => {
    const before = wordsById(version.original);
    const changed = [...wordsById(original)].filter(([id, words]) => before.has(id) && before.get(id) !== words);
    const outdated = [...new Set([...version.outdated, ...changed.map(([id]) => id)])];
    return { ...version, original, outdated };
  }, [original, version]);
  return <PaperEditor {...editor} version={live} />;
}
