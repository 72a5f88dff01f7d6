// Migration 0005 makes papers.ydoc_state NOT NULL. Papers from before every paper got its Yjs
// state at creation are converted first (db/legacy-papers.ts, run by prepareDatabase before the
// migrations); then the migration's own statement applies, and the paper loads with its text.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { giveLegacyPapersTheirState } from "@/db/legacy-papers";
import { papers } from "@/db/schema";
import { canonicalContent } from "@/server/canonical";
import { contentFromYDoc, loadPaperState, paperDoc } from "@/server/collab/paper-state";
import { useTestDatabase } from "../helpers/database";
import { makePaperInStatus, sampleDoc } from "../helpers/factories";

const test = useTestDatabase();

describe("papers without a stored Yjs state (before migration 0005)", () => {
  it("are given the state of their text, after which the column is NOT NULL", async () => {
    const db = test.db();
    const content = sampleDoc("Legacy text, converted once.");
    const { paper } = await makePaperInStatus(db, "draft", undefined, { content });
    const { paper: modern } = await makePaperInStatus(db, "draft");
    const [{ ydocState: modernState } = { ydocState: null }] = await db
      .select({ ydocState: papers.ydocState })
      .from(papers)
      .where(eq(papers.id, modern.id));

    // The schema before 0005, with a legacy row.
    await db.execute(sql.raw(`ALTER TABLE "papers" ALTER COLUMN "ydoc_state" DROP NOT NULL`));
    await db.execute(sql`update papers set ydoc_state = null where id = ${paper.id}`);

    expect(await giveLegacyPapersTheirState(db)).toBe(1);
    expect(await giveLegacyPapersTheirState(db)).toBe(0);
    const migration = readFileSync(
      path.join(process.cwd(), "db", "migrations", "0005_ydoc_state_not_null.sql"),
      "utf8",
    );
    for (const statement of migration.split("--> statement-breakpoint")) await db.execute(sql.raw(statement));

    const doc = paperDoc(await loadPaperState(db, paper.id));
    expect(canonicalContent(contentFromYDoc(doc))).toBe(canonicalContent(paper.contentJson as never));
    doc.destroy();
    // A paper that had its state keeps it byte for byte.
    const [after] = await db.select({ ydocState: papers.ydocState }).from(papers).where(eq(papers.id, modern.id));
    expect(Buffer.from(after?.ydocState ?? []).equals(Buffer.from(modernState ?? []))).toBe(true);
    // And no paper may be without one from now on.
    await expect(db.execute(sql`update papers set ydoc_state = null where id = ${paper.id}`)).rejects.toThrow();
  });
});
