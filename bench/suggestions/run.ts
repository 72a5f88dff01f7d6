// bench:suggestions (issue 16): a 200-paragraph paper with 300 open suggestions from five
// delegations. Prints, in milliseconds (median, min, max over --runs fresh papers): loading the
// paper as the collaboration server does, turning it into the editor's document and listing its
// suggestions as the browser does, the chair's pending counts on the paper page, the compilation
// of amendments when it exists, and accepting them all. Embedded PGlite on its own thread, as the
// app runs it (or a fresh PostgreSQL database with DATABASE_URL=…).
//
//   npx tsx bench/suggestions/run.ts [--runs=5] [--paragraphs=200] [--suggestions=300]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import postgres from "postgres";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as Y from "yjs";
import { CompilationTable } from "@/components/compilation/CompilationTable";
import { type DatabaseHandle, installDatabase, openDatabase } from "@/db/client";
import type { DocNode } from "@/lib/document";
import { suggestionsIn } from "@/lib/editor/annotation-view";
import { BLOCK_INSERT, newSuggestionId } from "@/lib/editor/annotations";
import { translator } from "@/lib/i18n/translate";
import { documentSchema, loadPaperState, paperDoc, YDOC_FIELD } from "@/server/collab/paper-state";
import { UpdateLog } from "@/server/collab/update-log";
import { createPaper } from "@/server/domain/papers";
import { decideSuggestions } from "@/server/domain/suggestions";
import { changeStage } from "@/server/domain/workflow";
import { pendingSuggestionCounts } from "@/server/queries/comments";
import { compilationOfPaper } from "@/server/queries/compilation";
import { ensureAdmin, loadActor, makeDialogue, makeMember } from "@/tests/helpers/factories";

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const RUNS = arg("runs", 5);
const PARAGRAPHS = arg("paragraphs", 200);
const SUGGESTIONS = arg("suggestions", 300);
const STATES = ["FRA", "ESP", "MAR", "SEN", "MLI"] as const;

const SENTENCES = [
  "Partners commit to mobility partnerships that respect the rights of migrants.",
  "Remittances should be cheaper, faster and safer, and their costs should fall below three per cent.",
  "Return should be voluntary wherever possible and supported by reintegration programmes.",
  "States will share anonymised data on migration flows through the dialogue's secretariat.",
];

function paperContent(paragraphs: number): DocNode {
  return {
    type: "doc",
    content: Array.from({ length: paragraphs }, (_, i) => ({
      type: "paragraph",
      content: [{ type: "text", text: `${SENTENCES[i % SENTENCES.length]} (${i + 1})` }],
    })),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function main() {
  let dir: string | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  let handle: DatabaseHandle;
  if (process.env.DATABASE_URL) {
    const name = `accord_bench_sugg_${Date.now()}`;
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    handle = await openDatabase({ url: url.toString() });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    dir = mkdtempSync(path.join(tmpdir(), "accord-bench-suggestions-"));
    handle = await openDatabase({ dataDir: path.join(dir, "pglite") });
  }
  installDatabase(handle);
  try {
    await handle.migrate();
    const db = handle.db;
    const admin = await ensureAdmin(db);
    const { dialogue, partnerIds } = await makeDialogue(
      db,
      admin,
      STATES.map((iso3) => ({ kind: "state" as const, iso3 })),
      "Bench dialogue on suggestions",
    );
    const chairMember = await makeMember(db, admin, {
      dialogueId: dialogue.id,
      partnerId: partnerIds.get("SEN") as string,
      role: "chair",
    });
    const chair = await loadActor(db, chairMember.userId);
    const delegates = [];
    for (const iso3 of STATES) {
      const partnerId = partnerIds.get(iso3) as string;
      const member = await makeMember(db, chair, { dialogueId: dialogue.id, partnerId, role: "delegate" });
      delegates.push({ userId: member.userId, partnerId });
    }
    const log = new UpdateLog(async () => db);
    const figures: Record<string, number[]> = {};
    const record = (name: string, ms: number) => {
      figures[name] ??= [];
      figures[name].push(ms);
    };
    console.log(
      `bench:suggestions — ${PARAGRAPHS} paragraphs, ${SUGGESTIONS} suggestions from ${STATES.length} delegations, ${RUNS} runs, ${handle.describe}`,
    );
    for (let run = 0; run < RUNS; run++) {
      const paper = await createPaper(db, chair, {
        dialogueId: dialogue.id,
        title: `Bench paper ${run + 1}`,
        kind: "recommendations",
        content: paperContent(PARAGRAPHS),
      });
      await changeStage(db, chair, { paperId: paper.id, to: "consultation" });
      // The delegations' suggestions, each its own update as an editor sends it: one in ten
      // proposes a new paragraph, one in ten bold for a paragraph's first word; of the rest, on
      // the first pass over the paragraphs every other one proposes to delete a paragraph's first
      // word, the others insert words at a paragraph's end.
      const client = paperDoc(await loadPaperState(db, paper.id));
      const fragment = client.getXmlFragment(YDOC_FIELD);
      const blocks = fragment.toArray() as Y.XmlElement[];
      for (let i = 0; i < SUGGESTIONS; i++) {
        const author = delegates[i % delegates.length] as { userId: string; partnerId: string };
        const block = blocks[i % blocks.length] as Y.XmlElement;
        const text = block.get(0) as Y.XmlText;
        const id = newSuggestionId(author.userId, author.partnerId);
        const before = Y.encodeStateVector(client);
        const firstWord = text.toString().indexOf(" ") + 1 || 1;
        if (i % 10 === 3) {
          client.transact(() => {
            const proposed = new Y.XmlElement("paragraph");
            proposed.setAttribute(BLOCK_INSERT, id);
            const words = new Y.XmlText();
            proposed.insert(0, [words]);
            words.insert(0, `A new paragraph proposed by delegation ${i % 5}.`, { suggestionInsert: { id } });
            fragment.insert(fragment.toArray().indexOf(block) + 1, [proposed]);
          });
        } else if (i % 10 === 7 && i < blocks.length) {
          text.format(0, firstWord, { suggestionFormat: { id, formats: "bold" } });
        } else if (i % 2 === 0 || i >= blocks.length) {
          text.insert(text.length, ` as proposed by delegation ${i % 5}`, { suggestionInsert: { id } });
        } else {
          text.format(0, firstWord, { suggestionDelete: { id } });
        }
        await log.append(paper.id, Y.encodeStateAsUpdate(client, before), "consultation", author);
      }
      client.destroy();

      // The collaboration server loading the paper (state and pending updates into a Y.Doc).
      const load = await timed(async () => paperDoc(await loadPaperState(db, paper.id)));
      record("load the paper (collaboration server)", load.ms);
      // The browser's first sync: the editor's document, and the panel's list of suggestions.
      const editor = await timed(async () => {
        const node = yXmlFragmentToProseMirrorRootNode(load.value.getXmlFragment(YDOC_FIELD), documentSchema());
        return suggestionsIn(node);
      });
      if (editor.value.length !== SUGGESTIONS) throw new Error(`listed ${editor.value.length} suggestions`);
      record("open in the editor, list the suggestions", editor.ms);
      load.value.destroy();
      const counts = await timed(() => pendingSuggestionCounts(db, chair, paper));
      if ([...counts.value.values()].reduce((a, b) => a + b, 0) !== SUGGESTIONS) throw new Error("pending counts");
      record("pending counts on the paper page (chair)", counts.ms);
      // The compilation's rows and their HTML, as the page renders them.
      const compilation = await timed(async () => {
        const rows = await compilationOfPaper(db, chair, paper, "en");
        if (!rows) throw new Error("no compilation");
        return renderToStaticMarkup(
          createElement(CompilationTable, {
            rows: rows.rows,
            caption: "Compilation",
            t: translator("en"),
            locale: "en",
          }),
        );
      });
      if ((compilation.value.match(/<ins/g) ?? []).length < SUGGESTIONS / 2) throw new Error("compilation rows");
      record("render the compilation of amendments", compilation.ms);
      const accept = await timed(() =>
        decideSuggestions(db, chair, { paperId: paper.id, decision: "accept", scope: { kind: "all" } }),
      );
      if (accept.value.length !== SUGGESTIONS) throw new Error(`accepted ${accept.value.length}`);
      record("accept all", accept.ms);
    }
    console.log("\n| step | median (ms) | min | max |\n| --- | ---: | ---: | ---: |");
    for (const [name, values] of Object.entries(figures)) {
      const sorted = [...values].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      console.log(
        `| ${name} | ${median.toFixed(1)} | ${(sorted[0] ?? 0).toFixed(1)} | ${(sorted.at(-1) ?? 0).toFixed(1)} |`,
      );
    }
  } finally {
    await handle.close();
    if (dropDatabase) await dropDatabase();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
