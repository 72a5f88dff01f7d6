// Hostile-participant benchmark (issue 15): the built app on a fresh seeded database, and for each
// attack the /api/health latency seen while it runs, beside the latency with no attack. An attack
// that stalls the server's thread or its database shows up as a slow health check for everyone.
// Run: npm run build && npx tsx bench/hostile/run.ts [--port=3304] [--window=3] [--baseline=5]
//      [--only=import] [--cpu-prof=DIR]    (see bench/hostile/README.md)
import { type ChildProcess, fork, spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { COLLAB_PATH } from "@/lib/collab/wire";
import { ATTACKS, type Target, tally } from "./attacks";
import type { ProbeCommand, ProbeMessage } from "./probe";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: process.env.BENCH_PORT ?? "3304" },
    window: { type: "string", default: "3" },
    baseline: { type: "string", default: "5" },
    only: { type: "string" },
    "cpu-prof": { type: "string" },
  },
});
const PORT = Number(args.port);
/** Repeatable attacks are made again and again for this long. */
const WINDOW_MS = Math.max(0.5, Number(args.window)) * 1000;
const BASELINE_MS = Math.max(1, Number(args.baseline)) * 1000;
/**
 * Probing goes on at least this long after an attack ends, and until the server is back to normal
 * (RECOVERED_RUN probes in a row answered within RECOVERED_MS): work the attack left queued counts
 * against it, and the next attack starts on a quiet server.
 */
const SETTLE_MS = 1_000;
const RECOVERED_RUN = 5;
const RECOVERED_MS = 100;
const RECOVERY_CAP_MS = 180_000;
/** Quiet between attacks, not measured. */
const PAUSE_MS = 2_000;
const DEMO_PASSWORD = "accord-demo-2013";
const baseUrl = `http://localhost:${PORT}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const children: ChildProcess[] = [];
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

/** The built app as the end-to-end tests start it (e2e/start-server.ts): fresh database, demo data. */
async function startApp(): Promise<{ child: ChildProcess; log: string }> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no build: run `npm run build` first");
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), "accord-hostile-")), "server.log");
  const out = openSync(log, "a");
  const profile = args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "e2e/start-server.ts"], {
    cwd: root,
    env: { ...process.env, E2E_PORT: String(PORT) },
    stdio: ["ignore", out, out],
  });
  children.push(child);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}); see ${log}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, log };
    await sleep(500);
  }
  throw new Error(`the app did not answer within 3 minutes; see ${log}`);
}

const cookiePairs = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");

/** Signs in through Auth.js's API, as e2e/fixtures.ts does, and returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiePairs(csrf).join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/" }),
  });
  const session = cookiePairs(response).find((pair) => pair.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return session;
}

/** The first match of `pattern` in the page at `pagePath`, as `cookie` sees it. */
async function scrape(pagePath: string, cookie: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${baseUrl}${pagePath}`, { headers: { cookie } })).text();
  const found = pattern.exec(html)?.[1];
  if (!found) throw new Error(`nothing matching ${pattern} on ${pagePath}`);
  return found;
}

async function target(): Promise<Target> {
  const paperLink = /href="\/papers\/([0-9a-f-]{36})"/;
  const [delegate, suggester, observer, chair] = await Promise.all(
    ["hu@budapest.accord.test", "fr@rabat.accord.test", "observer@rabat.accord.test", "chair@rabat.accord.test"].map(
      signIn,
    ),
  );
  return {
    baseUrl,
    socketUrl: `ws://localhost:${PORT}${COLLAB_PATH}`,
    delegate: {
      cookie: delegate as string,
      draftPaperId: await scrape("/dialogues/budapest", delegate as string, paperLink),
    },
    suggester: {
      cookie: suggester as string,
      consultationPaperId: await scrape("/dialogues/rabat", suggester as string, paperLink),
    },
    observer: { cookie: observer as string },
    chair: {
      cookie: chair as string,
      dialogueId: await scrape("/dialogues/rabat", chair as string, /name="dialogueId" value="([0-9a-f-]{36})"/),
    },
  };
}

type ProbeReport = { latenciesMs: number[]; failures: number };

/** The prober (probe.ts) in its own process, and the samples it sends since the last start. */
function startProbe() {
  const child = fork(path.join(here, "probe.ts"), [], { env: { ...process.env, PROBE_BASE_URL: baseUrl } });
  children.push(child);
  let samples: { ms: number; ok: boolean }[] = [];
  let onStopped = () => {};
  child.on("message", (message: ProbeMessage) => {
    if (message.type === "sample") samples.push(message);
    else onStopped();
  });
  const send = (command: ProbeCommand) => child.send(command);
  const recovered = () =>
    samples.length >= RECOVERED_RUN && samples.slice(-RECOVERED_RUN).every(({ ms, ok }) => ok && ms < RECOVERED_MS);
  return {
    start() {
      samples = [];
      send({ type: "start" });
    },
    /** Milliseconds until the server is back to normal (NaN: not within the cap). */
    async untilRecovered(): Promise<number> {
      const started = performance.now();
      while (!recovered()) {
        if (performance.now() - started > RECOVERY_CAP_MS) return Number.NaN;
        await sleep(20);
      }
      return performance.now() - started;
    },
    stop: () =>
      new Promise<ProbeReport>((resolve) => {
        onStopped = () =>
          resolve({ latenciesMs: samples.map(({ ms }) => ms), failures: samples.filter(({ ok }) => !ok).length });
        send({ type: "stop" });
      }),
    exit: () => send({ type: "exit" }),
  };
}

type Row = {
  name: string;
  rounds: number;
  outcome: string;
  attackMs: number;
  /** From the end of the attack until the health check is back to normal. */
  recoveryMs: number;
  report: ProbeReport;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function table(rows: Row[]): string {
  const ms = (n: number) => (Number.isNaN(n) ? "–" : `${Math.round(n)}`);
  const lines = [
    "| attack | rounds | what the server did | attack (s) | normal again after (s) | probes | median (ms) | p99 (ms) | worst (ms) | failed |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const seconds = (n: number) => (Number.isNaN(n) ? `> ${RECOVERY_CAP_MS / 1000}` : (n / 1000).toFixed(1));
  for (const { name, rounds, outcome, attackMs, recoveryMs, report } of rows) {
    const sorted = [...report.latenciesMs].sort((a, b) => a - b);
    lines.push(
      `| ${name} | ${rounds || "–"} | ${outcome} | ${seconds(attackMs)} | ${rounds ? seconds(recoveryMs) : "–"} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${report.failures} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const attacks = ATTACKS.filter((attack) => !args.only || attack.name.includes(args.only));
  console.log(
    `Hostile bench: ${attacks.length} attacks on ${baseUrl}, window ${WINDOW_MS / 1000} s, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} cores`,
  );
  const app = await startApp();
  console.log(`app started (log: ${app.log})`);
  const probe = startProbe();
  const rows: Row[] = [];
  try {
    const known = await target();
    await sleep(PAUSE_MS);
    probe.start();
    await sleep(BASELINE_MS);
    rows.push({
      name: "**no attack**",
      rounds: 0,
      outcome: "–",
      attackMs: BASELINE_MS,
      recoveryMs: 0,
      report: await probe.stop(),
    });

    for (const attack of attacks) {
      await attack.prepare?.();
      await sleep(PAUSE_MS);
      probe.start();
      const started = performance.now();
      const outcomes: string[] = [];
      do {
        outcomes.push(
          await attack
            .round(known)
            .catch((error: unknown) => `error: ${error instanceof Error ? error.message : error}`),
        );
      } while (!attack.once && performance.now() - started < WINDOW_MS);
      const attackMs = performance.now() - started;
      await sleep(SETTLE_MS);
      const recoveryMs = SETTLE_MS + (await probe.untilRecovered());
      const report = await probe.stop();
      rows.push({ name: attack.name, rounds: outcomes.length, outcome: tally(outcomes), attackMs, recoveryMs, report });
      console.log(`  ${attack.name}: worst ${Math.round(Math.max(...report.latenciesMs))} ms`);
    }
  } finally {
    probe.exit();
    // Let the app shut down (and write its profile); killed on exit if it takes too long.
    const exited = new Promise((resolve) => app.child.once("exit", resolve));
    app.child.kill("SIGTERM");
    await Promise.race([exited, sleep(20_000)]);
  }
  console.log(`\n${table(rows)}\n`);
  const idleWorst = Math.max(...(rows[0]?.report.latenciesMs ?? [Number.NaN]));
  const attacked = rows.slice(1);
  const worst = attacked.reduce(
    (acc, row) => {
      const rowWorst = Math.max(...row.report.latenciesMs);
      return rowWorst > acc.ms ? { ms: rowWorst, name: row.name } : acc;
    },
    { ms: 0, name: "" },
  );
  console.log(
    `Worst /api/health under any single attack: ${Math.round(worst.ms)} ms (${worst.name}); with no attack: ${Math.round(idleWorst)} ms. Probes every 20 ms, from a process of their own; each attack counted until the server is back to normal (${RECOVERED_RUN} probes in a row under ${RECOVERED_MS} ms).`,
  );
  const failed = attacked.reduce((sum, row) => sum + row.report.failures, 0);
  if (failed > 0) console.log(`${failed} health probes failed under attack.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
