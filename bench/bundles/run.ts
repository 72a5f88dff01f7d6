// How much JavaScript each page makes the browser load: the production build (`npm run build`)
// served as the end-to-end tests serve it (fresh demo database, own port), each page opened in
// Chromium as the user who would see it, every script it loads recorded and gzipped.
// Run: npx tsx bench/bundles/run.ts   (or: npm run bench:bundles)   See bench/bundles/README.md.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumArgs, chromiumPath } from "@/server/chromium";
import { freePort, waitForHealth } from "../server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PASSWORD = "accord-demo-2013";
const KB = 1000;

/** A page to measure: who opens it, where, and the budget of issue 14 (compressed KB). */
type Target = { name: string; as: string | null; path: (paper: string) => string; goalKb: number; editor?: boolean };
const TARGETS: Target[] = [
  { name: "sign-in", as: null, path: () => "/signin", goalKb: 100 },
  { name: "dialogues list", as: "fr@rabat.accord.test", path: () => "/dialogues", goalKb: 100 },
  { name: "dialogue page", as: "fr@rabat.accord.test", path: () => "/dialogues/rabat", goalKb: 100 },
  { name: "paper page (editor)", as: "pen@rabat.accord.test", path: (paper) => paper, goalKb: 200, editor: true },
  { name: "approval page", as: "fr@rabat.accord.test", path: (paper) => `${paper}/approval`, goalKb: 100 },
  { name: "verify", as: null, path: () => "/verify", goalKb: 100 },
  { name: "HLD inbox", as: "hld@accord.test", path: () => "/hld", goalKb: 100 },
];

async function signIn(context: BrowserContext, email: string): Promise<void> {
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { email, password: PASSWORD, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  if (response.status() !== 302) throw new Error(`sign-in of ${email} answered ${response.status()}`);
}

/** The seeded paper of the Rabat dialogue, as listed on its page. */
async function seededPaper(page: Page): Promise<string> {
  await page.goto("/dialogues/rabat");
  const href = await page
    .getByRole("table")
    .getByRole("link", { name: / (for|to) the 2013 High-Level Dialogue$/ })
    .first()
    .getAttribute("href");
  if (!href?.startsWith("/papers/")) throw new Error("no seeded paper on /dialogues/rabat");
  return href;
}

type Measure = { scripts: number; inHtml: number; later: number; raw: number };

async function measure(page: Page, url: string, editor: boolean): Promise<Measure> {
  const bodies = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script" || !response.ok()) return;
    pending.push(
      response.body().then(
        (body) => void bodies.set(response.url(), body),
        () => {},
      ),
    );
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  const html = await response.text();
  // The editor is in place once the live text has arrived; whatever it loads lazily is counted.
  if (editor) {
    await page.locator(".connection-status:not([data-state='connecting'])").waitFor({ timeout: 30_000 });
    await page.locator(".paper-editor-content").waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
  }
  await Promise.all(pending);
  const inPage = new Set(
    [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => new URL(m[1] ?? "", response.url()).href),
  );
  const result: Measure = { scripts: bodies.size, inHtml: 0, later: 0, raw: 0 };
  for (const [src, body] of bodies) {
    const compressed = gzipSync(body).length;
    if (inPage.has(src)) result.inHtml += compressed;
    else result.later += compressed;
    result.raw += body.length;
  }
  return result;
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

async function main(): Promise<void> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("no production build in .next: run `npm run build` first");
  }
  const port = await freePort();
  const base = `http://localhost:${port}`;
  // The server's fresh database goes under a temporary folder of ours, removed at the end.
  const scratch = mkdtempSync(path.join(os.tmpdir(), "accord-bench-bundles-"));
  const server = spawn(process.execPath, ["--import", "tsx", "e2e/start-server.ts"], {
    cwd: root,
    env: { ...process.env, E2E_PORT: String(port), TMPDIR: scratch },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const browser = await chromium.launch({ executablePath: chromiumPath("bench:bundles"), args: chromiumArgs });
  try {
    await waitForHealth(base, server, 120_000);
    const newContext = async (email: string | null) => {
      const context = await browser.newContext({ baseURL: base, locale: "en-GB" });
      if (email) await signIn(context, email);
      return context;
    };
    // Found in a context of its own, so that no page is measured with a warm cache.
    const finder = await newContext("fr@rabat.accord.test");
    const paper = await seededPaper(await finder.newPage());
    await finder.close();
    const rows: { target: Target; result: Measure }[] = [];
    for (const target of TARGETS) {
      const context = await newContext(target.as);
      try {
        rows.push({
          target,
          result: await measure(await context.newPage(), target.path(paper), target.editor ?? false),
        });
      } finally {
        await context.close();
      }
    }
    const header = ["page", "scripts", "in HTML", "loaded after", "total gzip", "raw", "goal", ""];
    const lines = rows.map(({ target, result }) => {
      const total = result.inHtml + result.later;
      return [
        target.name,
        String(result.scripts),
        kb(result.inHtml),
        kb(result.later),
        kb(total),
        kb(result.raw),
        `< ${target.goalKb}`,
        total < target.goalKb * KB ? "ok" : "over",
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
    const format = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
    console.log("JavaScript loaded per page, kB (1000 bytes), each script gzipped at the default level:");
    console.log(format(header));
    for (const line of lines) console.log(format(line));
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
