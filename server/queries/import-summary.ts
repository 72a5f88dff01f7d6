// What a Word import brought besides the text (suggestions, comment threads, the Word authors),
// as the paper's creation record keeps it (server/domain/import-docx.ts): shown once to the
// importer on the new paper's page. Only the person who imported the paper gets it.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { ImportSummary } from "../domain/import-docx";
import type { Actor } from "../policy";

const importedDetails = z.object({
  imported: z.object({
    suggestions: z.number().int().min(0),
    threads: z.number().int().min(0),
    replies: z.number().int().min(0),
    wordAuthors: z.array(z.string()),
  }),
});

/** The import's summary for the paper the actor imported (the page has already checked they may see it), or null. */
export async function importSummaryFor(db: Db, actor: Actor, paperId: string): Promise<ImportSummary | null> {
  const [row] = await db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.paperId, paperId), eq(auditEvents.action, "paper.created"), eq(auditEvents.actorId, actor.id)),
    )
    .limit(1);
  const parsed = importedDetails.safeParse(row?.details);
  return parsed.success ? parsed.data.imported : null;
}
