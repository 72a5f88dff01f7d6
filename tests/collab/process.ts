// Child processes for tests: the collaboration server fixture and a throwaway redis-server.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import postgres from "postgres";

export type Child = { process: ChildProcess; port: number; kill(signal?: NodeJS.Signals): Promise<void> };

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves with the first match of `pattern` in the child's output; fails if it exits or takes too long. */
function awaitOutput(child: ChildProcess, pattern: RegExp, what: string, timeoutMs: number): Promise<RegExpExecArray> {
  let out = "";
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${out}${stderr}`)), timeoutMs);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}): ${stderr}`));
    });
  });
}

function running(child: ChildProcess, port: number, defaultSignal: NodeJS.Signals): Child {
  return {
    process: child,
    port,
    async kill(signal = defaultSignal) {
      child.kill(signal);
      await exited(child);
    },
  };
}

/** Starts tests/collab/fixtures/server-process.ts and waits for its READY line. */
export async function spawnCollabServer(env: Record<string, string>): Promise<Child> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join("tests", "collab", "fixtures", "server-process.ts")],
    {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const [, port] = await awaitOutput(child, /READY (\d+)/, "collab server", 60_000);
  return running(child, Number(port), "SIGKILL");
}

/** Whether redis-server is installed (tests that need one are skipped where it is not). */
export const hasRedisServer = (() => {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** A redis-server of the test's own, in the foreground, with no persistence. */
export async function spawnRedis(): Promise<Child> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  await awaitOutput(child, /Ready to accept connections/, "redis", 10_000);
  return running(child, port, "SIGTERM");
}

/** With DATABASE_URL, a fresh PostgreSQL database a child process can open too (dropped by `drop`). */
export async function createPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `accord_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const server = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await server.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await server.end({ timeout: 5 });
      }
    },
  };
}
