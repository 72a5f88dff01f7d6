// Document symbols as pages read them (the paper page, a revision's page): null when the paper
// has no such revision or its dialogue issued no symbol. Callers have already checked that the
// actor may see the paper.
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { revisions } from "@/db/schema";
import { documentSymbolOf } from "./document-symbol";

/** The symbol of the paper's latest revision. */
export async function latestDocumentSymbol(db: DbOrTx, paperId: string): Promise<string | null> {
  const [latest] = await db
    .select({ documentSymbol: revisions.documentSymbol })
    .from(revisions)
    .where(eq(revisions.paperId, paperId))
    .orderBy(desc(revisions.number))
    .limit(1);
  return documentSymbolOf(latest);
}

/** The symbol of revision `number` of the paper. */
export async function revisionDocumentSymbol(db: DbOrTx, paperId: string, number: number): Promise<string | null> {
  const [row] = await db
    .select({ documentSymbol: revisions.documentSymbol })
    .from(revisions)
    .where(and(eq(revisions.paperId, paperId), eq(revisions.number, number)));
  return documentSymbolOf(row);
}
