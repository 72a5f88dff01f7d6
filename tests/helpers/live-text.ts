// A paper's live text as tests read and write it without a collaboration server: what the
// stored state and update log hold, and a paragraph rewritten as an editor's keystrokes would be
// (an update appended to the log, not yet compacted).
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { paperUpdates } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { contentFromState, loadPaperState, paperDoc } from "@/server/collab/paper-state";

/** The paper's live text (stored state and pending updates), as the collaboration server has it. */
export async function liveText(db: Db, paperId: string): Promise<DocNode> {
  const doc = paperDoc(await loadPaperState(db, paperId));
  try {
    return contentFromState(Y.encodeStateAsUpdate(doc));
  } finally {
    doc.destroy();
  }
}

/** The paragraph with this id rewritten, stored in the update log. */
export async function rewriteParagraph(db: Db, paperId: string, pid: string, text: string): Promise<void> {
  const doc = paperDoc(await loadPaperState(db, paperId));
  try {
    const before = Y.encodeStateVector(doc);
    const block = doc
      .getXmlFragment("default")
      .toArray()
      .find((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.getAttribute("pid") === pid);
    if (!block) throw new Error(`no paragraph ${pid}`);
    const words = block.get(0) as Y.XmlText;
    words.delete(0, words.length);
    words.insert(0, text);
    await db.insert(paperUpdates).values({ paperId, update: Y.encodeStateAsUpdate(doc, before) });
  } finally {
    doc.destroy();
  }
}
