// Export benchmark: a 200-paragraph paper with tables exported to every format, each format in
// its own child process (time: median of timed runs after warm-ups; memory: the child's peak
// RSS), beside pandoc converting the same content (the HTML export) from HTML to DOCX.
// Goal (issue 6): every format under 1 s, and DOCX faster than pandoc.
// Run: npx tsx bench/export/run.ts [--runs=7] [--warmup=2] [--formats=docx,pdf,html,md,akn] [--check]
// --check exits with status 1 when a goal is not met. See bench/export/README.md.
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { renderExport } from "@/server/export/service";
import { type ExportFormat, exportFormats } from "@/server/export/types";
import type { ChildReport } from "./child";
import { benchSource, PARAGRAPHS, SECTIONS, TABLE_COLUMNS, TABLE_ROWS } from "./paper";

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    warmup: { type: "string", default: "2" },
    formats: { type: "string", default: exportFormats.join(",") },
    check: { type: "boolean", default: false },
  },
});
const RUNS = Math.min(50, Math.max(1, Math.floor(Number(args.runs)) || 7));
const WARMUP = Math.min(10, Math.max(0, Math.floor(Number(args.warmup)) || 0));
const FORMATS = (args.formats ?? "")
  .split(",")
  .filter((f): f is ExportFormat => (exportFormats as readonly string[]).includes(f));
const GOAL_MS = 1000;
/** Per child (one format, every run) and per pandoc run; and the whole benchmark. */
const CHILD_TIMEOUT_MS = 180_000;
const PANDOC_TIMEOUT_MS = 60_000;
const WATCHDOG_MS = 10 * 60_000;

const children = new Set<ChildProcess>();
const work = mkdtempSync(path.join(os.tmpdir(), "accord-bench-export-"));
const cleanUp = () => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(work, { recursive: true, force: true });
};
process.on("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => process.exit(130));
}
setTimeout(() => {
  console.error(`export benchmark: stopped after ${WATCHDOG_MS / 60_000} minutes`);
  process.exit(2);
}, WATCHDOG_MS).unref();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function runFormat(format: ExportFormat): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, "child.ts"), [format, String(WARMUP), String(RUNS)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.add(child);
    let report: ChildReport | null = null;
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("message", (message) => {
      report = message as ChildReport;
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (report && code === 0) resolve(report);
      else reject(new Error(`${format}: child ended with ${signal ?? `code ${code}`}`));
    });
  });
}

const timeBinary = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** One pandoc process: wall time from spawn to exit, and its peak RSS when GNU time is there. */
function runPandoc(pandocArgs: string[]): Promise<{ ms: number; peakMb: number | null }> {
  const rssFile = path.join(work, "pandoc-rss.txt");
  const [command, argv] = timeBinary
    ? [timeBinary, ["-f", "%M", "-o", rssFile, "pandoc", ...pandocArgs]]
    : ["pandoc", pandocArgs];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, argv, { stdio: ["ignore", "ignore", "pipe"] });
    children.add(child);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), PANDOC_TIMEOUT_MS);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      children.delete(child);
      if (code !== 0) return reject(new Error(`pandoc ended with ${signal ?? `code ${code}`}: ${stderr.trim()}`));
      const kb = timeBinary ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : Number.NaN;
      resolve({ ms, peakMb: Number.isFinite(kb) ? kb / 1024 : null });
    });
  });
}

function pandocVersion(): string | null {
  try {
    return execFileSync("pandoc", ["--version"], { encoding: "utf8" }).split("\n")[0] ?? "pandoc";
  } catch {
    return null;
  }
}

type Row = {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  bytes: number | null;
  peakMb: number | null;
  deltaMb: number | null;
  /** Longest event-loop stall of the serving thread: rendered there / on the export thread. */
  stall: string;
  note: string;
  goal: string;
};

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const fmtMb = (mb: number | null) => (mb === null ? "n/a" : `${mb.toFixed(0)} MB`);
const fmtBytes = (b: number | null) =>
  b === null ? "" : b >= 1024 * 1024 ? `${(b / 1048576).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} KB`;

function printTable(rows: Row[]) {
  const header = [
    "format",
    "median",
    "min",
    "max",
    "output",
    "peak RSS",
    "RSS rise",
    "stall: here / thread",
    "goal",
    "note",
  ];
  const lines = rows.map((r) => [
    r.name,
    fmtMs(r.medianMs),
    fmtMs(r.minMs),
    fmtMs(r.maxMs),
    fmtBytes(r.bytes),
    fmtMb(r.peakMb),
    r.deltaMb === null ? "" : `+${fmtMb(r.deltaMb)}`,
    r.stall,
    r.goal,
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 8 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(line(l));
}

async function main() {
  const source = benchSource();
  const html = await renderExport(source, "html", { lang: "en" });
  const htmlFile = path.join(work, "paper.html");
  writeFileSync(htmlFile, html.bytes);
  const version = pandocVersion();
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `Export benchmark: ${PARAGRAPHS} numbered paragraphs in ${SECTIONS} sections, ${SECTIONS} tables of ${TABLE_ROWS}×${TABLE_COLUMNS}, lists, notes, links; HTML ${fmtBytes(html.bytes.length)}`,
  );
  console.log(
    `Node ${process.version}, ${os.cpus().length} × ${cpu}; ${version ?? "pandoc not installed"}; ${WARMUP} warm-up + ${RUNS} timed runs per format, each format in its own process`,
  );
  console.log("");

  const rows: Row[] = [];
  const reports = new Map<ExportFormat, ChildReport>();
  for (const format of FORMATS) {
    process.stdout.write(`  ${format}… `);
    const report = await runFormat(format);
    reports.set(format, report);
    const medianMs = median(report.timesMs);
    console.log(fmtMs(medianMs));
    rows.push({
      name: format,
      medianMs,
      minMs: Math.min(...report.timesMs),
      maxMs: Math.max(...report.timesMs),
      bytes: report.bytes,
      peakMb: report.peakRssMb,
      deltaMb: report.peakRssDeltaMb,
      stall: `${fmtMs(report.stallHereMs)} / ${fmtMs(report.stallThreadMs)}`,
      note: report.chromiumPeakMb !== null ? `+ Chromium processes: ${fmtMb(report.chromiumPeakMb)} peak PSS` : "",
      goal: medianMs < GOAL_MS ? "< 1 s: yes" : "< 1 s: NO",
    });
  }

  let pandocMedian: number | null = null;
  if (version) {
    process.stdout.write("  pandoc html→docx… ");
    const out = path.join(work, "pandoc.docx");
    const convert = ["-f", "html", "-t", "docx", "-o", out, htmlFile];
    for (let i = 0; i < Math.max(1, WARMUP); i++) await runPandoc(convert);
    const runs: { ms: number; peakMb: number | null }[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runPandoc(convert));
    const starts: number[] = [];
    for (let i = 0; i < RUNS; i++) starts.push((await runPandoc(["--version"])).ms);
    const times = runs.map((r) => r.ms);
    pandocMedian = median(times);
    console.log(fmtMs(pandocMedian));
    const peaks = runs.map((r) => r.peakMb).filter((m): m is number => m !== null);
    rows.push({
      name: "pandoc html→docx",
      medianMs: pandocMedian,
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      bytes: readFileSync(out).length,
      peakMb: peaks.length ? Math.max(...peaks) : null,
      deltaMb: null,
      stall: "",
      note: `whole process; start-up alone (pandoc --version): ${fmtMs(median(starts))}`,
      goal: "reference",
    });
  }

  console.log("");
  printTable(rows);
  console.log("");
  const formatRows = rows.filter((r) => r.name !== "pandoc html→docx");
  const slow = formatRows.filter((r) => r.medianMs >= GOAL_MS);
  const allFormats = FORMATS.length === exportFormats.length;
  const goal1 = slow.length === 0;
  console.log(
    `Goal: every format under 1 s (median) … ${goal1 ? "MET" : `NOT MET (${slow.map((r) => `${r.name} ${fmtMs(r.medianMs)}`).join(", ")})`}${allFormats ? "" : " (only the formats run)"}`,
  );
  const docx = reports.get("docx");
  let goal2: boolean | null = null;
  if (docx && pandocMedian !== null) {
    const docxMedian = median(docx.timesMs);
    goal2 = docxMedian < pandocMedian;
    const ratio = goal2
      ? `${(pandocMedian / docxMedian).toFixed(1)}× faster`
      : `${(docxMedian / pandocMedian).toFixed(1)}× slower`;
    console.log(
      `Goal: DOCX faster than pandoc html→docx … ${goal2 ? "MET" : "NOT MET"} (DOCX ${fmtMs(docxMedian)} vs pandoc ${fmtMs(pandocMedian)}: ${ratio})`,
    );
  } else {
    console.log(
      `Goal: DOCX faster than pandoc html→docx … not measured (${docx ? "pandoc not installed: apt-get install -y pandoc" : "docx not run"})`,
    );
  }
  if (args.check && (!goal1 || goal2 === false)) process.exitCode = 1;
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
