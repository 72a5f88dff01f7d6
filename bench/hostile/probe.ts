// The health prober, in a process of its own so that the attacks' own work in the bench process
// does not delay its requests: GET /api/health every INTERVAL_MS (or as soon as the previous
// answer came, if later) between "start" and "stop", each latency sent to the parent as it comes.
import http from "node:http";

export type ProbeCommand = { type: "start" } | { type: "stop" } | { type: "exit" };
/** One probe (`ok`: 200 in time), or the end of the samples after a "stop". */
export type ProbeMessage = { type: "sample"; ms: number; ok: boolean } | { type: "stopped" };

const INTERVAL_MS = 20;
/** A probe slower than this counts as a failure (and its latency as this). */
const TIMEOUT_MS = 10_000;

const url = new URL("/api/health", process.env.PROBE_BASE_URL);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

let running = false;
let loop: Promise<void> | undefined;

function probeOnce(): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.get(url, { agent, timeout: TIMEOUT_MS }, (response) => {
      response.resume();
      response.on("end", () => resolve({ ms: performance.now() - started, ok: response.statusCode === 200 }));
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", () => resolve({ ms: performance.now() - started, ok: false }));
  });
}

async function run(): Promise<void> {
  while (running) {
    const started = performance.now();
    const { ms, ok } = await probeOnce();
    const sample: ProbeMessage = { type: "sample", ms, ok };
    process.send?.(sample);
    const wait = INTERVAL_MS - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

process.on("message", (command: ProbeCommand) => {
  if (command.type === "start" && !running) {
    running = true;
    loop = run();
  } else if (command.type === "stop") {
    running = false;
    void (loop ?? Promise.resolve()).then(() => {
      const stopped: ProbeMessage = { type: "stopped" };
      process.send?.(stopped);
    });
  } else if (command.type === "exit") {
    agent.destroy();
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
