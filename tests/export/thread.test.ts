// The export thread (server/export/thread.ts): the server's exports, ZIPs, imports and
// compaction folds are made there, off the thread that serves every socket. Checked here: it
// gives the very bytes the calling thread would, really runs elsewhere, keeps a refusal a
// refusal, and survives the death of its thread (a file that exhausts its heap) without losing
// the next task.
import { readdirSync, readFileSync } from "node:fs";
import { threadId } from "node:worker_threads";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Paper } from "@/db/schema";
import { importDocx } from "@/server/domain/import-docx";
import { AppError } from "@/server/errors";
import { closePdfBrowser, pdfRendererSwitch } from "@/server/export/render/pdf";
import { exportDialogueSubmissions, renderExport } from "@/server/export/service";
import { submittedSource } from "@/server/export/source";
import { ExportThread, startExportThread, stopExportThread } from "@/server/export/thread";
import type { ExportSource } from "@/server/export/types";
import { exportFormats } from "@/server/export/types";
import { exportWork, inThisThread } from "@/server/export/work";
import { appendParagraph } from "../collab/helpers";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles } from "../helpers/factories";
import { fixtureDoc, submittedFixturePaper } from "./fixture";

const test = useTestDatabase();
let world: DialogueWithRoles;
let submitted: Paper;
let source: ExportSource;
let thread: ExportThread | null = null;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
  submitted = await submittedFixturePaper(test.db(), world, new Date("2013-09-12T10:00:00Z"));
  source = await submittedSource(test.db(), submitted.id);
}, 120_000);

afterEach(async () => {
  if (thread) await stopExportThread(thread);
  thread = null;
});

afterAll(async () => {
  await closePdfBrowser();
});

/** Browsers launched by the given thread of this process that are still running (Linux). */
function renderersOf(thread: number): number {
  const marker = pdfRendererSwitch(thread);
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // A killed process lingers as a zombie until reaped: its command line is empty then.
        return readFileSync(`/proc/${pid}/cmdline`, "latin1").split("\0").includes(marker);
      } catch {
        return false;
      }
    }).length;
}

describe("the export thread", () => {
  it("renders every format to the same bytes as the calling thread, on another thread", async () => {
    const here = new Map<string, Buffer>();
    for (const format of exportFormats) {
      here.set(format, Buffer.from((await renderExport(source, format, { lang: "fr" })).bytes));
    }
    thread = startExportThread();
    expect(exportWork()).toBe(thread);
    for (const format of exportFormats) {
      const file = await renderExport(source, format, { lang: "fr" });
      expect(Buffer.from(file.bytes).equals(here.get(format) as Buffer), `${format} from the thread`).toBe(true);
      expect(thread.lastThreadId, `${format} rendered off the caller's thread`).not.toBe(threadId);
      expect(thread.lastThreadId).not.toBeNull();
    }
    await stopExportThread(thread);
    thread = null;
    expect(exportWork()).toBe(inThisThread);
  }, 120_000);

  it("makes the dialogue's ZIP with the same bytes, and imports a DOCX into the same text", async () => {
    const zipHere = await exportDialogueSubmissions(test.db(), world.actors.chair, {
      slug: world.dialogue.slug,
      lang: "en",
      formats: ["md", "docx", "akn"],
    });
    const docx = (await renderExport(source, "docx", { lang: "en" })).bytes;
    const importFile = { dialogueId: world.dialogue.id, kind: "recommendations" as const, bytes: docx };
    const importedHere = await importDocx(test.db(), world.actors.penholder, importFile);

    thread = startExportThread();
    const zipThere = await exportDialogueSubmissions(test.db(), world.actors.chair, {
      slug: world.dialogue.slug,
      lang: "en",
      formats: ["md", "docx", "akn"],
    });
    expect(Buffer.from(zipThere.bytes).equals(Buffer.from(zipHere.bytes))).toBe(true);
    expect(thread.lastThreadId).not.toBe(threadId);

    const lastZip = thread.lastThreadId;
    thread.lastThreadId = null;
    const imported = await importDocx(test.db(), world.actors.penholder, importFile);
    expect(thread.lastThreadId).toBe(lastZip);
    // The same text; each import draws its own paragraph ids (lib/paragraph-ids.ts).
    const withoutIds = (doc: unknown) =>
      JSON.parse(JSON.stringify(doc, (key, value) => (key === "pid" ? undefined : value)));
    expect(withoutIds(imported.contentJson)).toEqual(withoutIds(importedHere.contentJson));
    expect(imported.title).toBe("Recommendations of the Rabat Process");
  }, 120_000);

  it("folds a paper's updates for compaction as the calling thread does, on another thread", async () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 2_000; i++)
      appendParagraph(doc, `Paragraph ${i}: the partners commit to mobility partnerships.`);
    const updates = [Y.encodeStateAsUpdate(doc)];
    for (let i = 0; i < 5; i++) {
      const before = Y.encodeStateVector(doc);
      appendParagraph(doc, `Added ${i}.`);
      updates.push(Y.encodeStateAsUpdate(doc, before));
    }
    const here = await inThisThread.foldPaper(updates, null);
    thread = startExportThread();
    const there = await exportWork().foldPaper(updates, null);
    expect(thread.lastThreadId).not.toBe(threadId);
    expect(there.content).toEqual(here.content);
    expect(there.content?.text).toContain("Added 4.");
    const folded = new Y.Doc();
    Y.applyUpdate(folded, there.state);
    expect(Y.encodeStateVector(folded)).toEqual(Y.encodeStateVector(doc));
    // Folded again with the snapshot it produced: nothing changed, nothing to rewrite.
    expect((await exportWork().foldPaper([there.state], there.content?.json ?? null)).content).toBeNull();
  });

  it("keeps a refused file a refusal with its message, and writes nothing", async () => {
    thread = startExportThread();
    const papersBefore = await test.db().query.papers.findMany({ columns: { id: true } });
    const refused = importDocx(test.db(), world.actors.penholder, {
      dialogueId: world.dialogue.id,
      kind: "recommendations",
      bytes: new TextEncoder().encode("PK but not a zip at all"),
    });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: "invalid_input", messageKey: "exports.import.notDocx" });
    const papersAfter = await test.db().query.papers.findMany({ columns: { id: true } });
    expect(papersAfter.length).toBe(papersBefore.length);
  }, 60_000);

  it("fails only the task whose thread died, and gives the next task a new thread", async () => {
    // A heap too small for a huge paper, enough for a small one: the huge one kills its thread.
    thread = new ExportThread({ maxOldGenerationSizeMb: 160 });
    // A PDF first: the thread launches its own Chromium, which must not outlive the thread.
    expect(
      Buffer.from(await thread.render(source, "pdf", { lang: "en" }))
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const pdfThread = thread.lastThreadId as number;
    expect(renderersOf(pdfThread)).toBe(1);
    const paragraph = fixtureDoc().content?.[1];
    const huge: ExportSource = {
      ...source,
      doc: { type: "doc", content: Array.from({ length: 60_000 }, () => paragraph as NonNullable<typeof paragraph>) },
    };
    await expect(thread.render(huge, "docx", { lang: "en" })).rejects.toThrow(/export thread/);
    // Chromium quits once the dead thread's end of its pipe is closed: soon, not at once.
    await expect.poll(() => renderersOf(pdfThread), { timeout: 15_000 }).toBe(0);
    const small = await thread.render(source, "md", { lang: "en" });
    expect(new TextDecoder().decode(small)).toContain("Recommendations of the Rabat Process");
  }, 120_000);
});
