// PDF export: the HTML export printed by Chromium (another process, so a long export never
// blocks this one's event loop). One browser per thread, launched on first use, with one
// context in which each export opens (and closes) its own page: creating a context per export
// cost a few hundred milliseconds. In that context JavaScript is off, the browser is offline and
// every request other than data: is answered in the browser (aborted; a navigation gets an empty
// 204), so the stored text cannot reach anything (tests/security/pdf-renderer.test.ts). Chromium
// runs sandboxed unless the process is root (server/chromium.ts).
// Chromium stamps CreationDate/ModDate with the time of printing: they are rewritten, in place
// and at the same length, from the stored date, which makes the output byte-stable.
import { threadId } from "node:worker_threads";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { processSingleton } from "@/lib/process-singleton";
import { chromiumArgs, chromiumPath } from "../../chromium";
import { escapeHtml } from "./html";

/**
 * A switch Chromium ignores, naming the process and thread that launched it (`ps` shows whose
 * browser it is). A thread that dies closes its end of the browser's pipe, and Chromium quits.
 */
export const pdfRendererSwitch = (thread: number) => `--accord-pdf-renderer=${process.pid}.${thread}`;

type Renderer = {
  browser: Browser;
  context: BrowserContext;
  /** A fresh page opened after the last export, for the next: never one a text was printed in. */
  spare: Promise<Page> | null;
};
// One per thread (the export thread has its own): the app's bundles share it with the custom server.
const holder = processSingleton("PDF renderer", (): { promise: Promise<Renderer> | null } => ({
  promise: null,
}));

async function launchRenderer(): Promise<Renderer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: chromiumPath("PDF export"),
    args: [...chromiumArgs, pdfRendererSwitch(threadId)],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route("**/*", (route) => {
      const request = route.request();
      if (request.url().startsWith("data:")) return route.continue();
      // A navigation (a meta refresh, a frame) answered 204 leaves the page where it is, so the
      // print goes on; aborted, it would swap the page for an error page and fail the export.
      // Answered here either way: nothing reaches the network.
      if (request.isNavigationRequest()) return route.fulfill({ status: 204 });
      return route.abort("blockedbyclient");
    });
    return { browser, context, spare: null };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

async function renderer(): Promise<Renderer> {
  if (!holder.promise) {
    const pending = launchRenderer();
    holder.promise = pending;
    const forget = () => {
      if (holder.promise === pending) holder.promise = null;
    };
    pending.then(({ browser, context }) => {
      browser.on("disconnected", forget);
      context.on("close", forget);
    }, forget);
  }
  return holder.promise;
}

/** Opens the page the next export will print in, unless one is waiting (errors show at its use). */
function prepareSpare(current: Renderer): void {
  if (current.spare) return;
  const spare = current.context.newPage();
  spare.catch(() => {});
  current.spare = spare;
}

/**
 * A page no export has used: the spare when ready (opening a page costs tens of milliseconds,
 * paid between exports rather than during one), else a new one. Each export still gets its own
 * page, closed after it, so nothing of one text lingers into the next export.
 */
async function takePage(): Promise<Page> {
  const current = await renderer();
  const spare = current.spare;
  current.spare = null;
  if (spare) {
    const page = await spare.catch(() => null);
    if (page && !page.isClosed()) return page;
  }
  return current.context.newPage();
}

/**
 * Launches this thread's browser and opens a spare page now, so that the first PDF export does
 * not wait for Chromium to start (the export thread calls it as it starts, server/export/thread-worker-main.ts).
 * A missing Chromium is reported at the first PDF export, not here.
 */
export async function warmPdfRenderer(): Promise<void> {
  try {
    prepareSpare(await renderer());
  } catch {
    // The export will say why.
  }
}

/** Closes the shared browser (tests, benchmarks, shutdown). */
export async function closePdfBrowser(): Promise<void> {
  const pending = holder.promise;
  holder.promise = null;
  if (pending) await (await pending.catch(() => null))?.browser.close().catch(() => {});
}

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00'`;
}

/** Rewrites Chromium's CreationDate/ModDate in place (same length: the xref offsets stay right). */
function fixPdfDates(pdf: Uint8Array, date: Date): Uint8Array {
  const text = Buffer.from(pdf).toString("latin1");
  const stamp = pdfDate(date);
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, (whole, key: string) => {
    const replacement = `/${key} (${stamp})`;
    return replacement.length === whole.length ? replacement : whole;
  });
  return new Uint8Array(Buffer.from(fixed, "latin1"));
}

/** What every page carries besides the text (plain text: escaped here). */
export type PdfPageChrome = {
  /** Running header at the top of every page (the document symbol, else the title); none when absent. */
  header?: string;
  /** Footer text, before the page number. */
  footer: string;
  /** "{page} / {pages}" translated, with NUL-delimited PAGE and PAGES markers where the numbers go. */
  pageLabel?: string;
};

const chromeStyle = "font-family:'Noto Serif',serif;font-size:8pt;color:#444;width:100%;margin:0 18mm";

function pageNumberHtml(label: string | undefined): string {
  return escapeHtml(label ?? "\u0000PAGE\u0000 / \u0000PAGES\u0000")
    .replace("\u0000PAGE\u0000", '<span class="pageNumber"></span>')
    .replace("\u0000PAGES\u0000", '<span class="totalPages"></span>');
}

/** `landscape`: the page turned (the compilation of amendments' wide table); A4 either way. */
export async function renderPdf(
  html: string,
  date: Date,
  chrome: PdfPageChrome,
  options: { landscape?: boolean } = {},
): Promise<Uint8Array> {
  const page = await takePage();
  try {
    // Nothing in the HTML loads (no script, no external resource, system fonts only): the
    // document is ready once parsed, so waiting for "load" would only add a round trip.
    await page.setContent(html, { waitUntil: "domcontentloaded" });
    const pdf = await page.pdf({
      format: "A4",
      landscape: options.landscape ?? false,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: chrome.header
        ? `<div style="${chromeStyle};text-align:right">${escapeHtml(chrome.header)}</div>`
        : "<span></span>",
      footerTemplate: `<div style="${chromeStyle};text-align:center">${escapeHtml(chrome.footer)} · ${pageNumberHtml(chrome.pageLabel)}</div>`,
      margin: { top: "18mm", bottom: "20mm", left: "18mm", right: "18mm" },
      tagged: true,
      outline: true,
    });
    return fixPdfDates(new Uint8Array(pdf), date);
  } finally {
    await page.close().catch(() => {});
    const current = await holder.promise?.catch(() => null);
    if (current) prepareSpare(current);
  }
}
