"use client";
// The side-by-side view's editor (app/papers/[id]/parallel): the version's live editor (or the
// original's), with the other text's paragraphs beside its own (lib/editor/version-margin.ts)
// kept live through a second, read-only connection to that text. The server said which paragraphs were outdated
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
import { paragraphWordsById } from "@/lib/language-versions";

/** A paper's agreed text as its live document holds it, from `initial` until the first sync. */
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

type Props = Omit<ComponentProps<typeof PaperEditor>, "version"> & {
  /** The paper drawn beside the editor's, followed live: the original, or the version when the original is edited. */
  besideId: string;
  /** What the page read: the other text and the outdated paragraphs then. */
  version: VersionMarginOptions;
  /** The text beside is the original: a paragraph whose words change there flags its translation at once. */
  flagChangesBeside: boolean;
};

export function LiveVersionEditor({ besideId, version, flagChangesBeside, ...editor }: Props) {
  const beside = useLiveText(besideId, version.beside);
  const live = useMemo<VersionMarginOptions>(() => {
    // Editing the original: the margin itself flags what this editor changes (version-margin.ts).
    if (version.editing === "original" || !flagChangesBeside) return { ...version, beside };
    const before = paragraphWordsById(version.beside);
    const changed = [...paragraphWordsById(beside)].filter(([id, words]) => before.has(id) && before.get(id) !== words);
    const outdated = [...new Set([...version.outdated, ...changed.map(([id]) => id)])];
    return { ...version, beside, outdated };
  }, [beside, version, flagChangesBeside]);
  return <PaperEditor {...editor} version={live} />;
}
