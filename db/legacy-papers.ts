// Before migration 0005 makes papers.ydoc_state NOT NULL: papers created before every paper got
// its Yjs state at creation are given one now, converted once from their readable snapshot.
// Runs before the migrations, on a database that has the papers table; does nothing elsewhere.
import { sql } from "drizzle-orm";
import { emptyDoc, isDocNode } from "@/lib/document";
import { ydocStateFromContent } from "@/server/collab/paper-state";
import type { Db } from "./client";

/** Gives every paper without a Yjs state the state of its stored text; returns how many it converted. */
export async function giveLegacyPapersTheirState(db: Db): Promise<number> {
  const rowsOf = (result: unknown) =>
    (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Record<string, unknown>[];
  const [table] = rowsOf(await db.execute(sql`select to_regclass('public.papers') is not null as present`));
  if (!table?.present) return 0;
  const legacy = rowsOf(await db.execute(sql`select id, content_json from papers where ydoc_state is null`));
  for (const row of legacy) {
    const content = isDocNode(row.content_json) ? row.content_json : emptyDoc();
    const state = ydocStateFromContent(content);
    await db.execute(sql`update papers set ydoc_state = ${state}::bytea where id = ${row.id} and ydoc_state is null`);
  }
  return legacy.length;
}
