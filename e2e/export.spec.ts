// Exports from the UI, end to end: a member downloads every format of a submitted revision, the
// HLD reviewer exports submitted papers only, anyone checks a copy on the public verify page
// (with and without JavaScript), the chair downloads the dialogue's ZIP, a penholder starts a
// paper from a DOCX (with and without JavaScript, and on a slow line, where import and download
// show their progress), and a delegate downloads the live draft with her suggestion and her
// comment as tracked change and Word comment.
// Seeded state used: the MME paper (submitted, HLD/2013/MME/001). Nothing seeded is changed;
// only new papers are created in the Rabat Process.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { expect, expectAccessible, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";
import { HldPage } from "./pages/hld-page";
import { PaperPage } from "./pages/paper-page";
import { VerifyPage } from "./pages/verify-page";

const reference = "HLD/2013/MME/001";
const mmeTitle = "Africa-EU MME Partnership recommendations to the 2013 High-Level Dialogue";
const mmeDialogue = "Africa-EU MME Partnership";
const formats = ["docx", "pdf", "html", "md", "akn"] as const;
type Format = (typeof formats)[number];
const extensions: Record<Format, string> = { docx: ".docx", pdf: ".pdf", html: ".html", md: ".md", akn: ".akn.xml" };

// The files of the first test are checked again by the verify and import tests.
test.describe.configure({ mode: "serial" });
const work = mkdtempSync(path.join(tmpdir(), "accord-e2e-export-"));
const saved: Partial<Record<Format, string>> = {};
let mmePaperPath = "";
let coverHash = "";
let exportedNumbers: number[] = [];
/** The delegate's annotated live draft (her suggestion and comment), imported again by the penholder. */
let annotatedDocx = "";
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The MME paper, the only one of its dialogue, as its chair sees it listed. */
async function mmePaper(page: Page): Promise<string> {
  const dialogue = new DialoguePage(page, "mme");
  await dialogue.goto();
  const link = dialogue.paperLink(mmeTitle);
  await expect(link).toHaveCount(1);
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/papers\/[0-9a-f-]{36}$/);
  return href as string;
}

/** Clicks a download link of the Export section and saves what the browser receives. */
async function download(page: Page, format: Format, name: string): Promise<{ file: string; filename: string }> {
  const link = page.getByTestId(`export-${format}`);
  const [received] = await Promise.all([page.waitForEvent("download", { timeout: 45_000 }), link.click()]);
  const filename = received.suggestedFilename();
  const file = path.join(work, `${name}-${filename}`);
  await received.saveAs(file);
  // The link says what happened, for screen readers too.
  await expect(link.locator("xpath=..").getByRole("status")).toHaveText(/downloaded/);
  return { file, filename };
}

/**
 * Numbered paragraphs, each with its number (read from `numberAttribute`) and its first words:
 * the app's and the exported HTML's are compared with it.
 */
function numberedParagraphs(
  paragraphs: Locator,
  numberAttribute: "data-paragraph-number" | "data-number",
): Promise<{ number: number; text: string }[]> {
  return paragraphs.evaluateAll(
    (els, attribute) =>
      els.map((el) => {
        // The paragraph's ledger status in the margin (the export's note, the page's label) is not
        // part of its text.
        const copy = el.cloneNode(true) as Element;
        for (const note of copy.querySelectorAll(".ledger, .ledger-status")) note.remove();
        return {
          number: Number(el.getAttribute(attribute)),
          text: (copy.textContent ?? "")
            .replace(/^\s*\d+\.\s*/, "")
            .replace(/\s+/g, " ")
            .trim()
            .slice(0, 40),
        };
      }),
    numberAttribute,
  );
}

/** The downloaded Markdown with one character of its text changed (same length). */
function alteredMarkdown(md: string): string {
  const at = md.indexOf("Mobility and Employment");
  expect(at).toBeGreaterThan(0);
  return `${md.slice(0, at)}mobility${md.slice(at + "Mobility".length)}`;
}

test("a member downloads every export format of a submitted revision from its page", async ({ signedInPage }) => {
  test.setTimeout(120_000);
  const page = await signedInPage("mmeChair");
  mmePaperPath = await mmePaper(page);
  await page.goto(`${mmePaperPath}/revisions/1`);
  // The document symbol issued at freezing from the dialogue's pattern (MME/{year}/WG.1/L.{number}).
  await expect(page.getByTestId("revision-symbol")).toHaveText(/^MME\/\d{4}\/WG\.1\/L\.\d+$/);
  const symbol = (await page.getByTestId("revision-symbol").textContent()) ?? "";
  const section = page.getByRole("region", { name: "Export" });
  await expect(section).toBeVisible();
  await expect(section.getByRole("link")).toHaveCount(formats.length);
  await expect(section.getByTestId("export-docx")).toHaveText("Download Word (DOCX) of Rev.1");
  // A frozen revision is exported as it is: no option to add suggestions and comments.
  await expect(section.getByRole("checkbox")).toHaveCount(0);
  const shown = await numberedParagraphs(
    page.locator("article.paper-text [data-paragraph-number]"),
    "data-paragraph-number",
  );
  expect(shown.length).toBeGreaterThan(2);

  for (const format of formats) {
    const { file, filename } = await download(page, format, "chair");
    // Named by the symbol, which carries the revision: MME-2026-WG.1-L.2-africa-eu-mme-partnership-….
    expect(filename.startsWith(`${symbol.replaceAll("/", "-")}-africa-eu-mme-partnership`), filename).toBe(true);
    expect(filename.endsWith(extensions[format]), `${filename} ends with ${extensions[format]}`).toBe(true);
    saved[format] = file;
  }
  const bytes = (format: Format) => readFileSync(saved[format] as string);
  expect(bytes("docx").subarray(0, 2).toString("latin1")).toBe("PK");
  expect(bytes("pdf").subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes("akn").toString("utf8")).toContain("<akomaNtoso");
  expect(bytes("akn").toString("utf8")).toContain(reference);
  expect(bytes("md").toString("utf8")).toMatch(/^<!-- accord:sha256=[0-9a-f]{64};lang=en -->/);

  // The HTML file is self-contained and inert: no script at all, no event handler attribute.
  const html = bytes("html").toString("utf8");
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);

  const viewer = await page.context().newPage();
  await viewer.goto(`file://${saved.html}`);
  await expect(viewer).toHaveTitle(`${mmeTitle}, Rev.1`);
  await expect(viewer.locator("script")).toHaveCount(0);
  const cover = viewer.getByRole("banner", { name: "Document record" });
  await expect(cover.getByRole("heading", { level: 1 })).toHaveText(mmeTitle);
  const coverValue = (label: string) =>
    cover.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(coverValue("Dialogue")).toHaveText(mmeDialogue);
  await expect(coverValue("Revision")).toHaveText("Rev.1");
  await expect(coverValue("Status")).toHaveText("Submitted");
  await expect(coverValue("HLD reference")).toHaveText(reference);
  coverHash = ((await coverValue("SHA-256 of the canonical text").textContent()) ?? "").trim();
  expect(coverHash).toMatch(/^[0-9a-f]{64}$/);
  expect(html).toContain(`accord:sha256=${coverHash};lang=en`);
  // Every state partner's position, with who recorded it.
  const positions = cover.getByRole("table", { name: "Positions of the state partners" });
  await expect(positions.getByRole("row")).toHaveCount(1 + 3);
  // The ledger of agreement: a row per status. The submitted text is agreed throughout, so every
  // numbered paragraph says so in its margin note (checked below, once they are counted).
  await expect(cover.getByRole("table", { name: "Ledger of agreement" }).getByRole("row")).toHaveCount(1 + 4);
  await expect(positions).toContainText("Nigeria (NGA)");
  await expect(positions).toContainText("Chinedu Okeke");

  // The numbered paragraphs: the same numbers and text as on the revision page.
  const exported = await numberedParagraphs(viewer.locator("main p.para"), "data-number");
  expect(exported).toEqual(shown);
  expect(exported.map((p) => p.number)).toEqual(exported.map((_, i) => i + 1));
  await expect(viewer.getByRole("note", { name: /^Status of paragraph \d+: Agreed$/ })).toHaveCount(exported.length);
  await expect(viewer.locator("main p.para").first().locator(".num")).toHaveText("1.");
  exportedNumbers = exported.map((p) => p.number);
  await viewer.close();

  // The revision page with its Export section is accessible.
  await expectAccessible(page);
});

test("the HLD reviewer exports a submitted paper, and nothing of a paper that is not submitted", async ({
  signedInPage,
}) => {
  const budapest = new DialoguePage(await signedInPage("budapestChair"), "budapest");
  await budapest.goto();
  const budapestHref = await budapest
    .paperLink(/Budapest Process position paper/)
    .first()
    .getAttribute("href");
  const budapestId = /^\/papers\/([0-9a-f-]{36})$/.exec(budapestHref ?? "")?.[1];
  expect(budapestId).toBeTruthy();
  // Its members may export it (the live draft): the URL itself works.
  const own = await budapest.page.request.get(`/api/papers/${budapestId}/export?format=md&revision=live`);
  expect(own.status()).toBe(200);
  await budapest.page.context().close();

  const page = await signedInPage("hld");
  const { request } = page.context();
  const hld = new HldPage(page);
  await hld.goto();
  const row = hld.row(reference);
  await expect(row).toHaveCount(1);
  const paperPath = mmePaperPath || (await row.getByRole("link").first().getAttribute("href")) || "";
  await page.goto(`${paperPath}/revisions/1`);
  const { file, filename } = await download(page, "md", "hld");
  expect(filename).toMatch(/^MME-\d{4}-WG\.1-L\.\d+-[a-z0-9-]+\.md$/);
  const md = readFileSync(file, "utf8");
  expect(md).toContain(reference);
  if (saved.md) expect(md).toBe(readFileSync(saved.md, "utf8"));
  const akn = await request.get(`${paperPath.replace("/papers/", "/api/papers/")}/export?format=akn&revision=1`);
  expect(akn.status()).toBe(200);
  expect(akn.headers()["content-disposition"]).toContain(".akn.xml");

  // A paper that is not submitted does not exist for the reviewer, in any format or revision.
  for (const query of ["format=docx&revision=live", "format=pdf&revision=1", "format=html&revision=live"]) {
    const response = await request.get(`/api/papers/${budapestId}/export?${query}`);
    expect(response.status(), query).toBe(404);
  }
});

test("anyone, without signing in, checks a copy on the verify page", async ({ page }) => {
  test.setTimeout(90_000);
  expect(saved.docx && saved.md && coverHash, "files of the first test").toBeTruthy();
  const verify = new VerifyPage(page);
  const { result } = verify;
  await verify.goto();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verify a document");
  // Nobody is signed in: no account menu, no dialogue navigation.
  await expect(page.getByRole("link", { name: "My dialogues" })).toHaveCount(0);
  await expectAccessible(page);

  // The downloaded DOCX: it is the submitted text.
  await verify.verifyFile(saved.docx as string);
  await expect(result).toHaveAttribute("data-outcome", "match");
  await expect(result).toContainText(`This file matches ${reference}.`);
  await expect(result).toContainText(mmeTitle);
  await expect(result).toContainText(mmeDialogue);
  await expect(result).toContainText("Rev.1");
  await expect(result).toContainText(coverHash);

  // The Markdown as downloaded matches too; with one character of its text changed, it does not.
  const md = readFileSync(saved.md as string, "utf8");
  await verify.verifyFile(saved.md as string);
  await expect(result).toHaveAttribute("data-outcome", "match");
  const altered = alteredMarkdown(md);
  expect(altered.length).toBe(md.length);
  await verify.verifyFile({ name: "altered.md", mimeType: "text/markdown", buffer: Buffer.from(altered, "utf8") });
  await expect(result).toHaveAttribute("data-outcome", "altered");
  await expect(result).toHaveText(/^No match: .*changed/);
  await expect(result).not.toContainText(reference);
  await expectAccessible(page);

  // A hash: a random one matches nothing, the one printed on the cover matches the submission.
  const random = createHash("sha256").update(`not a paper ${Date.now()}`).digest("hex");
  await verify.verifyHash(random);
  await expect(page).toHaveURL(new RegExp(`/verify\\?hash=${random}$`));
  await expect(result).toHaveAttribute("data-outcome", "noMatch");
  await expect(result).toHaveText("No match: this is not a text submitted to the HLD through Accord.");

  await verify.verifyHash(coverHash.toUpperCase());
  await expect(result).toHaveAttribute("data-outcome", "match");
  await expect(result).toContainText(`This hash matches ${reference}.`);
  await expect(result).toContainText(mmeTitle);
  await expect(result).toContainText(mmeDialogue);
  await expectAccessible(page);
});

test("without JavaScript, the verify page checks an uploaded file and shows the outcome", async ({ browser }) => {
  test.setTimeout(90_000);
  expect(saved.md && coverHash, "files of the first test").toBeTruthy();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const verify = new VerifyPage(page);
  const { result } = verify;
  await verify.goto();

  // The form posts itself; the endpoint answers with the page, not JSON.
  await verify.verifyFile(saved.md as string);
  await expect(page).toHaveURL(new RegExp(`/verify\\?hash=${coverHash}$`));
  await expect(result).toHaveAttribute("data-outcome", "match");
  await expect(result).toContainText(`This hash matches ${reference}.`);
  await expect(result).toContainText(mmeTitle);
  await expect(result).toContainText(coverHash);

  // One character changed: refused, and nothing of the paper is shown.
  const md = readFileSync(saved.md as string, "utf8");
  const altered = alteredMarkdown(md);
  await verify.verifyFile({ name: "altered.md", mimeType: "text/markdown", buffer: Buffer.from(altered, "utf8") });
  await expect(page).toHaveURL(/\/verify\?file=altered$/);
  await expect(result).toHaveAttribute("data-outcome", "altered");
  await expect(result).toHaveText(/^No match: .*changed/);
  await expect(result).not.toContainText(reference);

  // No file chosen: asked for one.
  await verify.fileForm.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/verify\?file=nothing$/);
  await expect(result).toHaveText("Choose a file or paste a hash.");
  // (axe needs scripts: the same page is checked for accessibility with JavaScript above.)
  await context.close();
});

test("the chair downloads the dialogue's submitted papers as one ZIP with a manifest", async ({ signedInPage }) => {
  test.setTimeout(120_000);
  const page = await signedInPage("mmeChair");
  const dialogue = new DialoguePage(page, "mme");
  await dialogue.goto();
  const link = dialogue.submissionsZip;
  await expect(link).toHaveText("Download the submitted papers (ZIP)");
  const [received] = await Promise.all([page.waitForEvent("download", { timeout: 90_000 }), link.click()]);
  expect(received.suggestedFilename()).toBe("mme-submitted-papers.zip");
  const file = path.join(work, received.suggestedFilename());
  await received.saveAs(file);

  const entries = unzipSync(new Uint8Array(readFileSync(file)));
  expect(Object.keys(entries)).toContain("manifest.json");
  const manifest = JSON.parse(strFromU8(entries["manifest.json"] as Uint8Array)) as {
    code: string;
    papers: {
      reference: string;
      title: string;
      hash: string;
      files: { path: string; format: string; sha256: string }[];
    }[];
  };
  expect(manifest.code).toBe("MME");
  expect(manifest.papers.map((p) => p.reference)).toEqual([reference]);
  const [paper] = manifest.papers;
  expect(paper?.title).toBe(mmeTitle);
  if (coverHash) expect(paper?.hash).toBe(coverHash);
  expect(paper?.files.map((f) => f.format).sort()).toEqual([...formats].sort());
  for (const entry of paper?.files ?? []) {
    const data = entries[entry.path];
    expect(data, entry.path).toBeDefined();
    expect(
      createHash("sha256")
        .update(data as Uint8Array)
        .digest("hex"),
      entry.path,
    ).toBe(entry.sha256);
  }
  // The same renderer as the downloads: the ZIP's DOCX is the downloaded one, byte for byte.
  const zippedDocx = paper?.files.find((f) => f.format === "docx")?.path ?? "";
  if (saved.docx) expect(Buffer.from(entries[zippedDocx] as Uint8Array).equals(readFileSync(saved.docx))).toBe(true);
});

test("a penholder starts a paper from a DOCX; a file that is not a DOCX is refused", async ({ signedInPage }) => {
  expect(saved.docx, "DOCX of the first test").toBeTruthy();
  const page = await signedInPage("rabatPen");
  const dialogue = new DialoguePage(page, "rabat");
  await dialogue.goto();
  const form = dialogue.importForm;
  await expect(form).toBeVisible();

  // Not a Word document, whatever its name says: a clear message, and no paper.
  const refusedTitle = "Notes that are not a Word document";
  const notDocx = path.join(work, "notes.docx");
  writeFileSync(notDocx, "Plain text notes, saved with a .docx name.\n");
  await dialogue.importDocx(notDocx, refusedTitle);
  await expect(form.getByRole("alert")).toHaveText(
    "This file is not a valid Word (.docx) document. Nothing was created.",
  );
  await expect(page).toHaveURL(/\/dialogues\/rabat$/);
  await page.reload();
  await expect(dialogue.paperLink(refusedTitle)).toHaveCount(0);

  // The DOCX export of the MME paper comes back as its text: cover dropped, numbering recomputed.
  const importedTitle = `Imported copy of the MME recommendations ${Date.now().toString(36)}`;
  await dialogue.importDocx(saved.docx as string, importedTitle);
  const imported = await PaperPage.landedOn(page, { timeout: 30_000 });
  await expect(imported.heading).toHaveText(importedTitle);
  await expect(imported.status("Draft")).toBeVisible();
  const text = imported.editor;
  await expect(text).toContainText("Africa-EU Partnership on Migration, Mobility and Employment (MME)");
  await expect(text).toContainText("The Africa-EU Partnership");
  await expect(text.getByRole("link", { name: "www.africa-eu-partnership.org" })).toBeVisible();
  await expect(text).not.toContainText("Document record");
  await expect(text).not.toContainText(reference);
  // The app numbers the imported paragraphs again, exactly as the export had them.
  const numbers = () => imported.paragraphNumbers();
  if (exportedNumbers.length) await expect.poll(numbers).toEqual(exportedNumbers);
  else await expect.poll(async () => (await numbers()).length).toBeGreaterThan(2);

  await dialogue.goto();
  await expect(dialogue.paperLink(importedTitle)).toHaveCount(1);
});

test("without JavaScript, a penholder still starts a paper from a DOCX", async ({ signedInPage }) => {
  expect(saved.docx, "DOCX of the first test").toBeTruthy();
  const page = await signedInPage("rabatPen", { javaScriptEnabled: false });
  const dialogue = new DialoguePage(page, "rabat");
  await dialogue.goto();
  const title = `Imported without JavaScript ${Date.now().toString(36)}`;
  await dialogue.importDocx(saved.docx as string, title);
  const imported = await PaperPage.landedOn(page, { timeout: 30_000 });
  await expect(imported.heading).toHaveText(title);
});

test("the import endpoint refuses strangers, delegates and oversized files, and creates nothing", async ({
  browser,
  signedInPage,
}) => {
  expect(saved.docx, "DOCX of the first test").toBeTruthy();
  const page = await signedInPage("rabatPen");
  const dialogue = new DialoguePage(page, "rabat");
  await dialogue.goto();
  const dialogueId = await dialogue.importForm.locator('input[name="dialogueId"]').getAttribute("value");
  expect(dialogueId).toMatch(/^[0-9a-f-]{36}$/);
  const title = `Refused import ${Date.now().toString(36)}`;
  const form = (bytes: Buffer) => ({
    dialogueId: dialogueId as string,
    kind: "recommendations",
    title,
    file: { name: "paper.docx", mimeType: "application/octet-stream", buffer: bytes },
  });
  const docx = readFileSync(saved.docx as string);

  const stranger = await browser.newContext();
  const anonymous = await stranger.request.post("/api/papers/import", { multipart: form(docx) });
  expect(anonymous.status()).toBe(401);
  await stranger.close();

  const delegate = await signedInPage("rabatFr");
  const refused = await delegate.request.post("/api/papers/import", { multipart: form(docx) });
  expect(refused.status()).toBe(403);
  await delegate.context().close();

  const oversized = await page.request.post("/api/papers/import", {
    multipart: form(Buffer.concat([docx, Buffer.alloc(10 * 1024 * 1024)])),
  });
  expect(oversized.status()).toBe(400);
  expect(await oversized.json()).toMatchObject({ message: "The file is larger than 10 MB. Nothing was created." });

  await page.reload();
  await expect(dialogue.paperLink(title)).toHaveCount(0);
});

/** The DOCX with an unused part of `extra` random bytes: a larger file that imports the same. */
function paddedDocx(file: string, extra: number): string {
  const entries = unzipSync(new Uint8Array(readFileSync(file)));
  const padding = new Uint8Array(extra);
  for (let i = 0; i < extra; i += 65_536) crypto.getRandomValues(padding.subarray(i, Math.min(extra, i + 65_536)));
  entries["customXml/padding.bin"] = padding;
  const padded = path.join(work, "padded.docx");
  writeFileSync(padded, zipSync(entries, { level: 0 }));
  return padded;
}

test("on a slow line, an import, a download and a check show how far they have got", async ({ signedInPage }) => {
  test.setTimeout(120_000);
  expect(saved.docx, "DOCX of the first test").toBeTruthy();
  const page = await signedInPage("rabatPen");
  // A delegate's line: Chromium's own throttling, 48 KB/s each way.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: 48 * 1024,
    uploadThroughput: 48 * 1024,
  });

  const dialogue = new DialoguePage(page, "rabat");
  await dialogue.goto();
  const form = dialogue.importForm;
  const title = `Imported on a slow line ${Date.now().toString(36)}`;
  await dialogue.importDocx(paddedDocx(saved.docx as string, 192 * 1024), title);
  // The share sent grows while the file goes up; the button cannot send it twice meanwhile.
  const sending = form.getByRole("progressbar", { name: "Sending the document" });
  await expect(sending).toBeVisible();
  await expect(form.getByRole("button", { name: "Importing…" })).toBeDisabled();
  await expectAccessible(page);
  await expect.poll(async () => Number(await sending.getAttribute("value"))).toBeGreaterThan(0);
  expect(Number(await sending.getAttribute("value"))).toBeLessThan(100);
  const imported = await PaperPage.landedOn(page, { timeout: 60_000 });
  await expect(imported.heading).toHaveText(title);

  // The PDF: "Preparing" while the server makes it, then the share received.
  const section = imported.exports;
  const link = section.getByTestId("export-pdf");
  const received = page.waitForEvent("download", { timeout: 60_000 });
  await link.click();
  const downloading = section.getByRole("progressbar", { name: "Downloading PDF" });
  await expect(downloading).toBeVisible({ timeout: 30_000 });
  expect(Number(await downloading.getAttribute("value"))).toBeLessThan(100);
  const pdf = path.join(work, "slow-line.pdf");
  await (await received).saveAs(pdf);
  await expect(downloading).toHaveCount(0);
  await expect(link.locator("xpath=..").getByRole("status")).toHaveText("PDF downloaded.");

  // Checking that copy on the verify page: the share sent, then the answer. The imported paper
  // has the submitted MME wording, but as a new draft its ledger starts afresh (the import leaves
  // the margin notes out), so its text is not the one submitted.
  const verify = new VerifyPage(page);
  await verify.goto();
  await verify.verifyFile(pdf);
  await expect(verify.fileForm.getByRole("progressbar", { name: "Sending the file" })).toBeVisible();
  await expect(verify.result).toHaveAttribute("data-outcome", "noMatch", { timeout: 30_000 });
  await expect(verify.fileForm.getByRole("progressbar")).toHaveCount(0);
});

test("the live draft's export has every saved edit, the moment it is saved", async ({
  signedInPage,
  paperInConsultation,
}) => {
  const title = `Rabat live export ${Date.now().toString(36)}`;
  const paper = new PaperPage(
    await signedInPage("rabatPen"),
    await paperInConsultation(title, "Partners agree on a first sentence."),
  );
  await paper.goto();
  await paper.waitForText();
  const fresh = ` Words typed ${Date.now().toString(36)} just before the download.`;
  await paper.typeAtEndOfFirstParagraph(fresh);
  await expect(paper.allChangesSaved).toBeVisible();
  // Saved means stored: the export made right after must have the words (no waiting for a snapshot).
  const md = await paper.page.request.get(`/api${paper.path}/export?format=md&revision=live`);
  expect(md.status()).toBe(200);
  expect(await md.text()).toContain(fresh.trim());
});

test("a delegate downloads the live draft with her suggestion and comment as tracked change and Word comment", async ({
  openPaperAs,
  paperInConsultation,
}) => {
  test.setTimeout(120_000);
  const title = `Rabat annotated export ${Date.now().toString(36)}`;
  const text = "Partners commit to mobility partnerships";
  const suggested = " and to legal pathways";
  const explanation = "Legal pathways are what the ministerial asked for.";

  // The penholder writes a paper and opens consultation.
  const paperPath = await paperInConsultation(title, text);

  // The delegate suggests words and explains them in a thread.
  const paper = await openPaperAs("rabatFr", paperPath);
  const { page } = paper;
  await paper.typeAtEndOfFirstParagraph(suggested);
  await expect(paper.editor.locator("ins.suggestion-insert")).toHaveText(suggested);
  await paper.comments.explainSuggestion("Claire Dubois");
  await paper.comments.postComment(explanation);
  await expect(paper.comments.thread("Claire Dubois")).toBeVisible();
  await expect(paper.saved).toBeVisible();

  // The option switches every link of the live draft to the annotated file.
  const section = paper.exports;
  const option = section.getByRole("checkbox", { name: "Include suggestions and comments" });
  await expect(option).not.toBeChecked();
  await expect(section.getByTestId("export-docx")).toHaveAttribute("href", /revision=live$/);
  await option.check();
  await expect(section.getByTestId("export-docx")).toHaveAttribute("href", /revision=live&annotations=1$/);
  await expect(section.getByTestId("export-docx")).toHaveText(
    "Download Word (DOCX) of Live draft with suggestions and comments",
  );
  await expectAccessible(page);

  const link = section.getByTestId("export-docx");
  const [received] = await Promise.all([page.waitForEvent("download", { timeout: 45_000 }), link.click()]);
  expect(received.suggestedFilename()).toMatch(/-live-draft-annotated\.docx$/);
  const file = path.join(work, received.suggestedFilename());
  await received.saveAs(file);
  annotatedDocx = file;
  const entries = unzipSync(new Uint8Array(readFileSync(file)));
  const document = strFromU8(entries["word/document.xml"] as Uint8Array);
  // The suggestion as tracked insertions by its author (the comment's range splits it in two runs).
  const insertions = [...document.matchAll(/<w:ins w:id="\d+" w:author="([^"]+)"[^>]*>(.*?)<\/w:ins>/g)];
  expect(insertions.map((m) => m[1])).toEqual(insertions.map(() => "Claire Dubois (France)"));
  expect(insertions.map((m) => (m[2] ?? "").replace(/<[^>]+>/g, "")).join("")).toBe(suggested);
  expect(document).toContain("<w:commentReference");
  const comments = strFromU8(entries["word/comments.xml"] as Uint8Array);
  expect(comments).toContain('w:author="Claire Dubois (France)"');
  expect(comments).toContain(explanation);

  // Without the option, the same draft is the agreed text only; a revision refuses the option.
  await option.uncheck();
  await expect(section.getByTestId("export-md")).toHaveAttribute("href", /revision=live$/);
  const md = await page.request.get(`/api${paperPath}/export?format=md&revision=live`);
  expect(await md.text()).not.toContain("legal pathways");
  const refused = await page.request.get(`/api${paperPath}/export?format=md&revision=1&annotations=1`);
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ error: "invalid_input" });
});

test("a penholder imports that annotated draft: the tracked change and Word comment become her delegation's suggestion and thread", async ({
  signedInPage,
}) => {
  test.setTimeout(120_000);
  expect(annotatedDocx, "annotated DOCX of the previous test").toBeTruthy();
  const page = await signedInPage("rabatPen");
  const dialogue = new DialoguePage(page, "rabat");
  await dialogue.goto();
  const title = `Imported with suggestions ${Date.now().toString(36)}`;
  await dialogue.importDocx(annotatedDocx, title);
  const imported = await PaperPage.landedOn(page, { timeout: 30_000 });
  await expect(imported.heading).toHaveText(title);

  // What came with the text, said once to the importer.
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("Imported from Word");
  await expect(summary).toContainText(/Tracked changes imported as suggestions of your delegation: [1-9]\d*\./);
  await expect(summary).toContainText("Word comments imported as comment threads: 1 (replies: 0).");
  await expect(summary).toContainText("Word authors: Claire Dubois (France).");
  await expectAccessible(page);

  // In the editor: the words proposed, as a suggestion of the penholder's delegation (Morocco).
  await imported.waitForText();
  const inserted = imported.editor.locator("ins.suggestion-insert");
  await expect(inserted.first()).toBeVisible();
  expect((await inserted.allTextContents()).join("")).toBe(" and to legal pathways");
  await expect(imported.editor).toContainText("Partners commit to mobility partnerships");
  await expect(imported.comments.suggestions).toContainText("Youssef El Amrani");
  // The Word comment: a thread by the penholder, naming its Word author, on the suggested words.
  const thread = imported.comments.thread("Youssef El Amrani");
  await expect(thread).toBeVisible();
  await expect(thread).toContainText("Word comment by Claire Dubois (France)");
  await expect(thread).toContainText("Legal pathways are what the ministerial asked for.");
  await expect(imported.editor.locator(".comment-anchor")).not.toHaveCount(0);

  // Opened again without the summary's address: no summary.
  await page.goto(imported.path);
  await expect(page.getByTestId("import-summary")).toHaveCount(0);
});
