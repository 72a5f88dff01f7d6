// The write guard alone, in this process: what judging one update costs against a paper of a
// given size, without sockets, database or other processes (so without their noise). An editor's
// copy of the paper makes the edits the benchmark's typists make (a token typed into a paragraph,
// a new paragraph after one); each update is judged by Accord's guard against the server's copy,
// as the collaboration server does, then applied to it.
// Run alone: npx tsx bench/collab/guard-cost.ts [100,1000,5000] [samples=400]
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { judgeUpdate } from "@/server/collab/guard/judge-update";
import { documentSchema, ydocStateFromContent } from "@/server/collab/paper-state";
import type { WriteRights } from "@/server/policy";
import { benchDoc, FIELD, type Summary, summarize, tokenFor } from "./shared";

/** A delegate's rights on a draft, as the benchmark's clients have them. */
const DELEGATE: WriteRights = {
  userId: "bench-user",
  partnerId: "bench-partner",
  suggestOnly: false,
  commentOnly: false,
  markAgreement: false,
  decideSuggestions: false,
};

export type GuardCost = {
  paragraphs: number;
  /** judgeUpdate per update, ms: typing, and adding a paragraph. */
  judgeText: Summary;
  judgeBlock: Summary;
  /**
   * CPU time of judgeUpdate per update, ms (this process's, mean): unlike the wall times above,
   * not inflated when other processes take the CPU away.
   */
  judgeTextCpu: number;
  judgeBlockCpu: number;
  /** Y.applyUpdate of the judged update to the server's copy, ms. */
  applyText: Summary;
  applyBlock: Summary;
  /** Building the guard's shadow copy (the first judgement on a freshly loaded paper), ms. */
  firstJudgeMs: number;
};

/** `samples` updates, half typing, half new paragraphs, in turn. */
export function measureGuardCost(paragraphs: number, samples = 400): GuardCost {
  const schema = documentSchema();
  const server = new Y.Doc();
  Y.applyUpdate(server, ydocStateFromContent(benchDoc(paragraphs)));
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
  const fragment = editor.getXmlFragment(FIELD);
  let last: Uint8Array | null = null;
  editor.on("update", (update: Uint8Array) => {
    last = update;
  });
  const judgeText: number[] = [];
  const judgeBlock: number[] = [];
  const applyText: number[] = [];
  const applyBlock: number[] = [];
  const cpu = { text: 0, block: 0 };
  let firstJudgeMs = Number.NaN;
  const warmup = 40;
  for (let i = 0; i < warmup + samples; i++) {
    const addBlock = i % 2 === 1;
    const children = fragment.toArray();
    const index = 1 + Math.floor(Math.random() * (children.length - 1)); // after the heading
    const paragraph = children[index] as Y.XmlElement;
    const token = tokenFor(1, i);
    editor.transact(() => {
      if (addBlock) {
        const element = new Y.XmlElement("paragraph");
        const text = new Y.XmlText();
        element.insert(0, [text]);
        fragment.insert(index + 1, [element]);
        text.insert(0, token);
      } else {
        const text = paragraph.get(0) as Y.XmlText;
        const s = text.toString();
        const space = s.indexOf(" ", Math.floor(Math.random() * (s.length + 1)));
        text.insert(space === -1 ? 0 : space + 1, token);
      }
    });
    const update = last as Uint8Array | null;
    if (!update) throw new Error("the edit made no update");
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const verdict = judgeUpdate(server, update, DELEGATE, schema);
    const t1 = performance.now();
    const used = process.cpuUsage(cpu0);
    if (!verdict.ok) throw new Error(`the guard refused a bench edit: ${verdict.reason}`);
    Y.applyUpdate(server, update);
    const t2 = performance.now();
    if (i === 0) firstJudgeMs = t1 - t0;
    if (i < warmup) continue;
    (addBlock ? judgeBlock : judgeText).push(t1 - t0);
    cpu[addBlock ? "block" : "text"] += (used.user + used.system) / 1000;
    (addBlock ? applyBlock : applyText).push(t2 - t1);
  }
  server.destroy();
  editor.destroy();
  return {
    paragraphs,
    judgeText: summarize(judgeText),
    judgeBlock: summarize(judgeBlock),
    judgeTextCpu: judgeText.length ? cpu.text / judgeText.length : Number.NaN,
    judgeBlockCpu: judgeBlock.length ? cpu.block / judgeBlock.length : Number.NaN,
    applyText: summarize(applyText),
    applyBlock: summarize(applyBlock),
    firstJudgeMs,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = (process.argv[2] ?? "100,1000,5000").split(",").map(Number);
  const samples = Number(process.argv[3] ?? 400);
  const f = (v: number) => v.toFixed(3);
  measureGuardCost(Math.min(...sizes), 200); // warm-up: the JIT compiles the guard first
  console.log(
    "| paragraphs | judge typing mean / p95 / max (CPU mean) | judge new paragraph mean / p95 / max (CPU mean) | apply typing / new paragraph mean | first judgement (shadow) |",
  );
  console.log("|---|---|---|---|---|");
  for (const n of sizes) {
    const c = measureGuardCost(n, samples);
    console.log(
      `| ${n} | ${f(c.judgeText.mean)} / ${f(c.judgeText.p95)} / ${f(c.judgeText.max)} (${f(c.judgeTextCpu)}) | ${f(c.judgeBlock.mean)} / ${f(c.judgeBlock.p95)} / ${f(c.judgeBlock.max)} (${f(c.judgeBlockCpu)}) | ${f(c.applyText.mean)} / ${f(c.applyBlock.mean)} | ${f(c.firstJudgeMs)} |`,
    );
  }
}
