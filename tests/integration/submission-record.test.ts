// A submission keeps the names it was made under: renaming the paper, its dialogue or the
// chair's account afterwards changes neither the HLD inbox, the verify answer, the approval
// record nor a byte of the exports (whose recorded fingerprints would stop matching). The
// migration that added these names filled them in for submissions made before it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dialogues, type Paper, papers, submissions, users } from "@/db/schema";
import { submitToHld } from "@/server/domain/workflow";
import { exportPaper, renderExport } from "@/server/export/service";
import { submittedSource } from "@/server/export/source";
import type { ExportFormat } from "@/server/export/types";
import { verifyHash } from "@/server/export/verify/hash";
import { listSubmittedPapers } from "@/server/queries/papers";
import { findSubmission } from "@/server/queries/workflow";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus, sampleDoc } from "../helpers/factories";

const test = useTestDatabase();
const now = new Date("2013-09-12T10:00:00Z");
let world: DialogueWithRoles;
let paper: Paper;
const original = { title: "Recommandations sur la mobilité", dialogue: "", code: "", chair: "" };

const download = async (format: ExportFormat) =>
  (await exportPaper(test.db(), world.actors.chair, { paperId: paper.id, revision: 1, format, lang: "en" })).bytes;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
  paper = (
    await makePaperInStatus(test.db(), "agreed", world, {
      title: original.title,
      content: sampleDoc("Mobility partnerships should be strengthened."),
      now,
    })
  ).paper;
  await submitToHld(test.db(), world.actors.chair, { paperId: paper.id }, now);
  original.dialogue = world.dialogue.name;
  original.code = world.dialogue.code;
  const [chair] = await test.db().select().from(users).where(eq(users.id, world.actors.chair.id));
  original.chair = chair?.name ?? "";
}, 60_000);

describe("the names of a submission", () => {
  it("are stored with it: paper title and kind, dialogue name and code, submitter", async () => {
    const [row] = await test.db().select().from(submissions).where(eq(submissions.paperId, paper.id));
    expect(row).toMatchObject({
      paperTitle: original.title,
      paperKind: paper.kind,
      dialogueName: original.dialogue,
      dialogueCode: original.code,
      submittedByName: original.chair,
    });
    expect(original.chair).not.toBe("");
  });

  it("do not change when the paper, the dialogue or the account is renamed", async () => {
    const formats: ExportFormat[] = ["docx", "html", "md", "akn"];
    const before = new Map<ExportFormat, Uint8Array>();
    for (const format of formats) before.set(format, await download(format));

    await test.db().update(papers).set({ title: "Renamed paper" }).where(eq(papers.id, paper.id));
    await test
      .db()
      .update(dialogues)
      .set({ name: "Renamed dialogue", code: "RENAMED" })
      .where(eq(dialogues.id, world.dialogue.id));
    await test.db().update(users).set({ name: "Renamed Chair" }).where(eq(users.id, world.actors.chair.id));

    for (const format of formats) {
      expect(Buffer.from(await download(format)).equals(Buffer.from(before.get(format) as Uint8Array)), format).toBe(
        true,
      );
    }
    const source = await submittedSource(test.db(), paper.id);
    expect(source).toMatchObject({
      title: original.title,
      dialogue: { name: original.dialogue, code: original.code },
      submission: { submittedBy: original.chair },
    });
    const markdown = new TextDecoder().decode((await renderExport(source, "md", { lang: "en" })).bytes);
    expect(markdown).toContain(original.title);
    expect(markdown).not.toMatch(/Renamed/);

    const checked = await verifyHash(test.db(), source.hash);
    expect(checked).toMatchObject({
      outcome: "match",
      matches: [{ title: original.title, dialogue: original.dialogue }],
    });

    const inbox = await listSubmittedPapers(test.db(), world.actors.hld_reviewer, { kind: paper.kind });
    expect(inbox.find((row) => row.paperId === paper.id)).toMatchObject({
      title: original.title,
      dialogueName: original.dialogue,
    });
    expect((await findSubmission(test.db(), paper.id))?.submittedBy).toBe(original.chair);
  });

  it("are filled in by the migration for submissions made before it, from the names of the day", async () => {
    // The state before migration 0003 (the columns gone, the submission kept), then its statements.
    for (const column of ["paper_title", "paper_kind", "dialogue_name", "dialogue_code", "submitted_by_name"]) {
      await test.db().execute(sql.raw(`ALTER TABLE "submissions" DROP COLUMN "${column}"`));
    }
    const migration = readFileSync(path.join(process.cwd(), "db", "migrations", "0003_submission_names.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) {
      await test.db().execute(sql.raw(statement));
    }

    const [row] = await test.db().select().from(submissions).where(eq(submissions.paperId, paper.id));
    expect(row).toMatchObject({
      paperTitle: "Renamed paper",
      paperKind: paper.kind,
      dialogueName: "Renamed dialogue",
      dialogueCode: "RENAMED",
      submittedByName: "Renamed Chair",
    });
  });
});
