// How fast the production server answers signed-in pages, against /signin in the same run: the
// built app (`npm run build`) started as the end-to-end tests start it (fresh demo database), a
// delegate's dialogue page, a paper page and the HLD inbox loaded by 50 keep-alive connections
// each for a fixed time, with the server process's resident memory before and after.
// Run: npx tsx bench/pages/run.ts   (or: npm run bench:pages)   See bench/pages/README.md.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { freePort, waitForHealth } from "../server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PASSWORD = "accord-demo-2013";
const DELEGATE = "fr@rabat.accord.test";
const HLD = "hld@accord.test";
/** Issue 14's aims: signed-in pages at ≥ 0.6× the /signin rate, p99 < 500 ms, < 500 MB resident. */
const AIM = { ratio: 0.6, p99Ms: 500, rssMb: 500 };

const { values: options } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    warmup: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "" },
    pages: { type: "string", default: "signin,dialogue,paper,hld" },
    "cpu-prof": { type: "string", default: "" },
  },
});
const SECONDS = Number(options.seconds);
const CONNECTIONS = Number(options.connections);
const WARMUP_SECONDS = Number(options.warmup);
const ROUNDS = Number(options.rounds);
const PAGES = new Set(options.pages.split(","));

type Target = { key: string; name: string; path: string; cookie: string };
type Result = {
  requests: number;
  failures: number;
  seconds: number;
  latencies: number[];
  statuses: Set<number>;
  /** CPU time the server process spent (every thread), in ms. */
  serverCpuMs: number;
};

/** Cookie header from a response's Set-Cookie lines, merged over earlier ones. */
function mergeCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through Auth.js's credentials API, as the end-to-end fixtures do; returns the Cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: "/" }),
    redirect: "manual",
  });
  mergeCookies(jar, response);
  if (response.status !== 302 || ![...jar.keys()].some((k) => k.includes("authjs.session-token"))) {
    throw new Error(`sign-in of ${email} answered ${response.status} without a session cookie`);
  }
  return cookieHeader(jar);
}

/** The seeded paper of the Rabat dialogue, as its page lists it. */
async function seededPaper(base: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${base}/dialogues/rabat`, { headers: { cookie } })).text();
  for (const [, href, title] of html.matchAll(/<a[^>]*href="(\/papers\/[0-9a-f-]{36})"[^>]*>([^<]*)<\/a>/g)) {
    if (/ (for|to) the 2013 High-Level Dialogue$/.test(title ?? "")) return href ?? "";
  }
  throw new Error("no seeded paper listed on /dialogues/rabat");
}

/** Resident and peak resident memory of a process, in MB, from /proc. */
function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** CPU time a process has used so far, every thread, user and system, in ms (from /proc). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/**
 * CONNECTIONS loops, each on its own keep-alive socket, requesting the page back to back for
 * `seconds`; a request counts when it was answered 200 with its whole body read.
 */
async function load(base: string, pid: number, target: Target, seconds: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = new URL(target.path, base);
  const result: Result = { requests: 0, failures: 0, seconds, latencies: [], statuses: new Set(), serverCpuMs: 0 };
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const once = () =>
    new Promise<number>((resolve) => {
      const request = http.get(
        url,
        { agent, headers: { cookie: target.cookie, "accept-language": "en-GB", "accept-encoding": "identity" } },
        (response) => {
          response.on("data", () => {});
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.on("error", () => resolve(0));
        },
      );
      request.setTimeout(30_000, () => request.destroy());
      request.on("error", () => resolve(0));
    });
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const status = await once();
      const elapsed = performance.now() - t0;
      result.statuses.add(status);
      if (status === 200) {
        result.requests++;
        result.latencies.push(elapsed);
      } else result.failures++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  result.seconds = (performance.now() - started) / 1000;
  result.serverCpuMs = cpuMs(pid) - cpuBefore;
  agent.destroy();
  return result;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("no production build in .next: run `npm run build` first");
  }
  const port = options.port ? Number(options.port) : await freePort();
  const base = `http://localhost:${port}`;
  // The server's fresh embedded database goes under a temporary folder of ours, removed at the end.
  const scratch = mkdtempSync(path.join(os.tmpdir(), "accord-bench-pages-"));
  const profile = options["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options["cpu-prof"])}`] : [];
  const server = spawn(process.execPath, [...profile, "--import", "tsx", "e2e/start-server.ts"], {
    cwd: root,
    env: { ...process.env, E2E_PORT: String(port), TMPDIR: scratch },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const pid = server.pid;
  if (!pid) throw new Error("the server did not start");
  // Bounded whatever happens: the whole run stops itself after 30 minutes.
  const watchdog = setTimeout(() => {
    console.error("bench:pages: 30-minute watchdog, stopping");
    server.kill("SIGKILL");
    process.exit(1);
  }, 30 * 60_000);
  watchdog.unref();
  try {
    await waitForHealth(base, server);
    const [delegate, hld] = await Promise.all([signIn(base, DELEGATE), signIn(base, HLD)]);
    const paper = await seededPaper(base, delegate);
    const targets: Target[] = [
      { key: "signin", name: "/signin (anonymous)", path: "/signin", cookie: "" },
      { key: "dialogue", name: "dialogue page (delegate)", path: "/dialogues/rabat", cookie: delegate },
      { key: "paper", name: "paper page (delegate)", path: paper, cookie: delegate },
      { key: "hld", name: "HLD inbox (hld)", path: "/hld", cookie: hld },
    ].filter((target) => PAGES.has(target.key));
    const before = memoryMb(pid);
    console.log(
      `${CONNECTIONS} connections, ${SECONDS} s a page after ${WARMUP_SECONDS} s of warm-up, ${ROUNDS} round(s); ` +
        `database: ${process.env.DATABASE_URL ? "PostgreSQL (fresh)" : "PGlite (fresh, embedded)"}; ` +
        `${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(2)} at start`,
    );
    const totals = new Map<string, Result[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        if (WARMUP_SECONDS > 0 && round === 0) await load(base, pid, target, WARMUP_SECONDS);
        const result = await load(base, pid, target, SECONDS);
        totals.set(target.name, [...(totals.get(target.name) ?? []), result]);
      }
    }
    const after = memoryMb(pid);

    const summary = targets.map((target) => {
      const results = totals.get(target.name) ?? [];
      const requests = results.reduce((n, r) => n + r.requests, 0);
      const failures = results.reduce((n, r) => n + r.failures, 0);
      const seconds = results.reduce((n, r) => n + r.seconds, 0);
      const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const statuses = new Set(results.flatMap((r) => [...r.statuses]));
      const cpuPerRequest = results.reduce((n, r) => n + r.serverCpuMs, 0) / requests;
      return { target, results, rate: requests / seconds, failures, latencies, statuses, cpuPerRequest };
    });
    const signin = summary.find(({ target }) => target.key === "signin");
    // Each round's rate against the same round's /signin (the machine's speed drifts between
    // rounds when it is shared), then the median of those ratios.
    const ratioOf = (results: Result[]) => {
      const ratios = results
        .map((r, round) => {
          const base = signin?.results[round];
          return base ? r.requests / r.seconds / (base.requests / base.seconds) : Number.NaN;
        })
        .sort((a, b) => a - b);
      return percentile(ratios, 50);
    };
    const header = ["page", "req/s", "p50 ms", "p99 ms", "× /signin", "server CPU ms/req", "failed", "aim"];
    const lines = summary.map(({ target, results, rate, failures, latencies, statuses, cpuPerRequest }) => {
      const p99 = percentile(latencies, 99);
      const ratio = ratioOf(results);
      const meets = p99 < AIM.p99Ms && (target.key === "signin" || ratio >= AIM.ratio);
      return [
        target.name,
        rate.toFixed(1),
        percentile(latencies, 50).toFixed(0),
        p99.toFixed(0),
        ratio.toFixed(2),
        cpuPerRequest.toFixed(1),
        failures ? `${failures} (status ${[...statuses].filter((s) => s !== 200).join(",")})` : "0",
        failures === 0 && meets ? "ok" : "missed",
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
    const format = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
    console.log(format(header));
    for (const line of lines) console.log(format(line));
    console.log(
      `server resident memory: ${before.rss.toFixed(0)} MB before, ${after.rss.toFixed(0)} MB after, ` +
        `${after.peak.toFixed(0)} MB peak (aim < ${AIM.rssMb} MB: ${after.peak < AIM.rssMb ? "ok" : "missed"})`,
    );
    console.log(
      `aims: signed-in pages ≥ ${AIM.ratio}× the /signin rate, p99 < ${AIM.p99Ms} ms; load average ${os.loadavg()[0]?.toFixed(2)} at end`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    rmSync(scratch, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
}

await main();
