// One format of the export benchmark, in its own process so that its peak memory is its own:
// builds the paper, renders it `warmup` times, then `runs` timed times through renderExport
// (the one path of downloads, ZIP and verify), and reports to the parent over IPC.
// Started by bench/export/run.ts; argv: <format> <warmup> <runs>.
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { buildModel } from "@/server/export/render/model";
import { closePdfBrowser } from "@/server/export/render/pdf";
import { renderExport } from "@/server/export/service";
import { startExportThread, stopExportThread } from "@/server/export/thread";
import { type ExportFormat, exportFormats } from "@/server/export/types";
import { benchSource, PARAGRAPHS } from "./paper";

export type ChildReport = {
  format: ExportFormat;
  timesMs: number[];
  bytes: number;
  /** Peak resident memory of this process (high-water mark), and its rise from before the first export. */
  peakRssMb: number;
  peakRssDeltaMb: number;
  /** PDF only: peak memory (PSS) of the Chromium processes together, from a separate sampled run. */
  chromiumPeakMb: number | null;
  /**
   * The longest time this process's event loop could not turn during one export: rendered in
   * this thread, then on the export thread as the server does (there, the time of that export too).
   */
  stallHereMs: number;
  stallThreadMs: number;
  threadTotalMs: number;
};

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/** The processes below `root` (Linux /proc), or null where there is no /proc. */
function descendants(root: number): number[] | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const parents = new Map<number, number>();
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may contain spaces and parentheses.
      parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const below = (pid: number) => {
    for (let p = parents.get(pid), hops = 0; p !== undefined && hops < 64; p = parents.get(p), hops++) {
      if (p === root) return true;
    }
    return false;
  };
  return [...parents.keys()].filter(below);
}

/**
 * Memory of the Chromium processes together, as PSS (shared pages divided among the processes
 * that share them, so the sum is meaningful): sampled during one more export, peak returned.
 */
async function chromiumPeakPssMb(exportOnce: () => Promise<unknown>): Promise<number | null> {
  const sample = () => {
    const pids = descendants(process.pid);
    if (!pids) return null;
    let kb = 0;
    for (const pid of pids) {
      try {
        kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
      } catch {}
    }
    return kb / 1024;
  };
  let peak = sample();
  if (peak === null) return null;
  const timer = setInterval(() => {
    peak = Math.max(peak ?? 0, sample() ?? 0);
  }, 20);
  try {
    await exportOnce();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, sample() ?? 0);
}

/** Longest gap between turns of the event loop while `work` runs (a 1 ms timer, and the last gap). */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; totalMs: number }> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const end = performance.now();
  return { stallMs: Math.max(longest, end - last), totalMs: end - start };
}

async function main() {
  const [formatArg, warmupArg, runsArg] = process.argv.slice(2);
  const format = exportFormats.find((f) => f === formatArg);
  if (!format) throw new Error(`unknown format ${formatArg}`);
  const warmup = Math.max(0, Number(warmupArg) || 0);
  const runs = Math.max(1, Number(runsArg) || 1);

  const source = benchSource();
  const numbered = buildModel(source.doc).numbers.length;
  if (numbered !== PARAGRAPHS) throw new Error(`the bench paper has ${numbered} numbered paragraphs`);
  const baseline = maxRssMb();

  for (let i = 0; i < warmup; i++) await renderExport(source, format, { lang: "en" });
  const timesMs: number[] = [];
  let bytes = 0;
  let first: Uint8Array | null = null;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const file = await renderExport(source, format, { lang: "en" });
    timesMs.push(performance.now() - start);
    bytes = file.bytes.length;
    // A submitted revision exports byte-identically: checked here as a sanity check of the run.
    if (first && Buffer.compare(Buffer.from(first), Buffer.from(file.bytes)) !== 0) {
      throw new Error(`${format}: two runs gave different bytes`);
    }
    first ??= file.bytes;
  }
  const peak = maxRssMb();
  // Measured apart from the timed runs, which the sampling would slow down.
  const chromiumPeakMb =
    format === "pdf" ? await chromiumPeakPssMb(() => renderExport(source, format, { lang: "en" })) : null;
  const here = await longestStall(() => renderExport(source, format, { lang: "en" }));
  const thread = startExportThread();
  await renderExport(source, format, { lang: "en" }); // starts the thread and loads its modules
  const there = await longestStall(() => renderExport(source, format, { lang: "en" }));
  await stopExportThread(thread);
  await closePdfBrowser();
  const report: ChildReport = {
    format,
    timesMs,
    bytes,
    peakRssMb: peak,
    peakRssDeltaMb: peak - baseline,
    chromiumPeakMb,
    stallHereMs: here.stallMs,
    stallThreadMs: there.stallMs,
    threadTotalMs: there.totalMs,
  };
  // Exit once the report has left: an immediate exit could drop the message.
  await new Promise<void>((resolve, reject) => {
    if (!process.send) return reject(new Error("start this file through bench/export/run.ts"));
    process.send(report, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
