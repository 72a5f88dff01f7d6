// The two texts of a paper the compare page and its redline download set side by side: a frozen
// revision by number, or the live text (its agreed form, without pending suggestions).
import { z } from "zod";
import type { Db } from "@/db/client";
import type { DocNode } from "@/lib/document";
import type { Translate } from "@/lib/i18n/translate";
import { findRevision } from "./workflow";

export const compareSide = z.union([z.literal("live"), z.coerce.number().int().positive().max(1_000_000)]);
export type CompareSide = z.infer<typeof compareSide>;

export type ComparedText = {
  label: string;
  doc: DocNode /** When it was frozen; null for the live text. */;
  frozenAt: Date | null;
};

/** Both texts, or null if a revision does not exist. The paper is one the actor may see. */
export async function comparedTexts(
  db: Db,
  paper: { id: string; originalId: string | null; liveContent: DocNode },
  sides: { from: CompareSide; to: CompareSide },
  t: Translate,
): Promise<{ from: ComparedText; to: ComparedText } | null> {
  const load = async (which: CompareSide): Promise<ComparedText | null> => {
    if (which === "live") return { label: t("revisions.liveText"), doc: paper.liveContent, frozenAt: null };
    const revision = await findRevision(db, paper, which);
    return revision
      ? { label: t("papers.revNumber", { n: which }), doc: revision.content, frozenAt: revision.frozenAt }
      : null;
  };
  const [from, to] = await Promise.all([load(sides.from), load(sides.to)]);
  return from && to ? { from, to } : null;
}
