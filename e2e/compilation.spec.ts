// The compilation of amendments, end to end: two delegations suggest by keyboard in a paper in
// consultation and the observer comments; the penholder opens the compilation from the paper
// page, sees each entry in paragraph order with its delegation, filters by delegation (a plain
// GET form), downloads the CSV of what is shown, and the page passes the accessibility check.
// Outsiders and the HLD secretariat get a 404. The chair records proposed dispositions (with
// and without JavaScript); a delegate sees them, gets no form, and downloads the DOCX and PDF.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "./fixtures";

const TITLE = `Rabat compilation ${Date.now().toString(36)}`;
const FIRST = "Partners commit to mobility partnerships.";
const SECOND = "Migration and development are interlinked.";
const FRANCE_WORDS = " and to legal pathways";
const MALI_WORDS = " in the region";
/** What the observer writes: shown as text, never as markup. */
const IOM_COMMENT = "<b>Which</b> partnerships? « légal »";

test("the penholder reads, filters and downloads the compilation of two delegations' suggestions and a comment", async ({
  paperInConsultation,
  openPaperAs,
  signedInPage,
}) => {
  const path = await paperInConsultation(TITLE, `${FIRST}\n${SECOND}`);

  // France suggests at the end of paragraph 1, Mali before the full stop of paragraph 2.
  const fr = await openPaperAs("rabatFr", path);
  await expect(fr.suggestModeSwitch).toHaveAttribute("aria-pressed", "true");
  await fr.typeAtEndOfFirstParagraph(FRANCE_WORDS);
  await expect(fr.allChangesSaved).toBeVisible();
  await expect(fr.editor.locator("ins.suggestion-insert")).toHaveText(FRANCE_WORDS);
  await fr.page.context().close();

  const ml = await openPaperAs("rabatMl", path);
  await expect(ml.suggestModeSwitch).toHaveAttribute("aria-pressed", "true");
  await ml.editor.locator("p").nth(1).click();
  await ml.page.keyboard.press("End");
  await ml.page.keyboard.press("ArrowLeft");
  await ml.page.keyboard.type(MALI_WORDS);
  await expect(ml.allChangesSaved).toBeVisible();
  await expect(ml.editor.locator("p").nth(1).locator("ins.suggestion-insert")).toHaveText(MALI_WORDS);
  await ml.page.context().close();

  // IOM's observer comments on paragraph 1.
  const observer = await openPaperAs("rabatObserver", path);
  await observer.selectFirstParagraph();
  await observer.comments.commentOnSelection(IOM_COMMENT);
  await expect(observer.comments.thread("Helen Okafor")).toBeVisible();
  await expect(observer.saved).toBeVisible();
  await expect(observer.editorNotice).toHaveCount(0);
  await observer.page.context().close();

  // The penholder goes from the paper page to the compilation.
  const pen = await signedInPage("rabatPen");
  await pen.goto(path);
  await pen.getByRole("link", { name: "Compilation of amendments" }).click();
  await expect(pen.getByRole("heading", { level: 1 })).toContainText("Compilation of amendments");
  const rows = pen.getByTestId("compilation-row");
  await expect(rows).toHaveCount(3);
  // Paragraph order (in a paragraph, where each proposal starts), each with its number, original
  // text, redline or comment, delegation and status.
  const [thread, france, mali] = [rows.nth(0), rows.nth(1), rows.nth(2)];
  await expect(thread.getByRole("rowheader")).toHaveText("1");
  await expect(thread).toContainText(IOM_COMMENT);
  await expect(thread).toContainText("Helen Okafor");
  await expect(thread).toContainText("open");
  await expect(thread.locator("b")).toHaveCount(0);
  await expect(france.getByRole("rowheader")).toHaveText("1");
  await expect(france).toContainText(FIRST);
  await expect(france.locator("ins")).toContainText(FRANCE_WORDS.trim());
  await expect(france).toContainText("France");
  await expect(france).toContainText("Claire Dubois");
  await expect(france).toContainText("pending");
  await expect(mali.getByRole("rowheader")).toHaveText("2");
  await expect(mali).toContainText(SECOND);
  await expect(mali.locator("ins")).toContainText(MALI_WORDS.trim());
  await expect(mali).toContainText("Mali");
  await expect(mali).toContainText("Moussa Keïta");
  await expectAccessible(pen);

  // Filtered by delegation: a GET form, so the filter is in the address.
  await pen.getByLabel("Delegation").selectOption({ label: "France" });
  await pen.getByRole("button", { name: "Apply filters" }).click();
  await expect(pen).toHaveURL(/[?&]delegation=[0-9a-f-]{36}/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("France");
  await expect(pen.getByRole("status").filter({ hasText: "entries" })).toHaveText("1 of 3 entries");
  await expectAccessible(pen);

  // The CSV of what is shown.
  const [download] = await Promise.all([
    pen.waitForEvent("download"),
    pen.getByRole("link", { name: "Download as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^compilation-rabat-compilation-[a-z0-9-]+\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0]).toBe(
    '"Paragraph","Type","Original text","Proposed text","Passage","Delegation","Person","Date","Comment","Status","Proposed disposition","Note"',
  );
  expect(lines[1]).toBe(
    `"1","Insertion","${FIRST}","${FIRST}${FRANCE_WORDS}","${FRANCE_WORDS}","France","Claire Dubois","","","pending","",""`,
  );
  expect(lines.slice(2)).toEqual([""]);

  // Without JavaScript the filters work the same: a GET form and a page rendered on the server.
  const plain = await signedInPage("rabatPen", { javaScriptEnabled: false });
  await plain.goto(`${path}/compilation`);
  await plain.getByLabel("Paragraph").selectOption("2");
  await plain.getByRole("button", { name: "Apply filters" }).click();
  await expect(plain).toHaveURL(/[?&]paragraph=2(&|$)/);
  await expect(plain.getByTestId("compilation-row")).toHaveCount(1);
  await expect(plain.getByTestId("compilation-row")).toContainText("Mali");

  // Unfiltered, the CSV names Mali's delegate with her accent intact.
  const all = await pen.request.get(`/api/papers/${path.split("/").pop()}/compilation?format=csv`);
  expect(all.status()).toBe(200);
  expect(all.headers()["content-type"]).toContain("text/csv");
  const csv = await all.text();
  expect(csv).toContain('"Mali","Moussa Keïta"');
  expect(csv).toContain(`"${IOM_COMMENT}","open","",""`);
});

test("the compilation is not found for those outside the dialogue and for the HLD secretariat", async ({
  signedInPage,
}) => {
  // A paper of the Rabat Process, from the dialogue's list as its observer sees it.
  const observer = await signedInPage("rabatObserver");
  await observer.goto("/dialogues/rabat");
  const href = await observer.locator('a[href^="/papers/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/papers\/[0-9a-f-]{36}$/);
  const paperPath = href as string;
  const id = paperPath.split("/").pop() as string;
  // The observer is a member: the compilation is theirs to read.
  expect((await observer.goto(`${paperPath}/compilation`))?.status()).toBe(200);
  for (const role of ["budapestHu", "hld"] as const) {
    const page = await signedInPage(role);
    expect((await page.goto(`${paperPath}/compilation`))?.status(), role).toBe(404);
    expect((await page.request.get(`/api/papers/${id}/compilation?format=csv`)).status(), role).toBe(404);
  }
});

test("the chair records dispositions; a delegate sees them without a form and downloads the DOCX and PDF", async ({
  paperInConsultation,
  openPaperAs,
  signedInPage,
}) => {
  const title = `Rabat dispositions ${Date.now().toString(36)}`;
  const path = await paperInConsultation(title, `${FIRST}\n${SECOND}`);
  const AMENDED = "Partners commit to mobility partnerships and legal pathways.";
  const NOTE = "Agreed in the room; capitals to confirm.";

  const fr = await openPaperAs("rabatFr", path);
  await fr.typeAtEndOfFirstParagraph(FRANCE_WORDS);
  await expect(fr.allChangesSaved).toBeVisible();
  await fr.page.context().close();
  const es = await openPaperAs("rabatEs", path);
  await es.editor.locator("p").nth(1).click();
  await es.page.keyboard.press("End");
  await es.page.keyboard.press("ArrowLeft");
  await es.page.keyboard.type(MALI_WORDS);
  await expect(es.allChangesSaved).toBeVisible();
  await es.page.context().close();

  // The chair, with JavaScript: the proposal "as orally amended", with a note.
  const chair = await signedInPage("rabatChair");
  await chair.goto(`${path}/compilation`);
  const rows = chair.getByTestId("compilation-row");
  await expect(rows).toHaveCount(2);
  const france = rows.first();
  await france.getByText("Record a disposition").click();
  await france.getByLabel("Proposed disposition", { exact: true }).selectOption({ label: "As orally amended" });
  await france.getByLabel("Amended wording (for “As orally amended”)").fill(AMENDED);
  await france.getByLabel("Note", { exact: true }).fill(NOTE);
  await expectAccessible(chair);
  await france.getByRole("button", { name: "Record disposition" }).click();
  await expect(france.getByTestId("disposition")).toContainText(`As orally amended: “${AMENDED}”`);
  await expect(france.getByTestId("disposition")).toContainText(NOTE);
  await expect(france.getByTestId("disposition")).toContainText("Aminata Diop");

  // Without JavaScript: Spain's proposal merged with France's, by a plain form post.
  const plain = await signedInPage("rabatChair", { javaScriptEnabled: false });
  await plain.goto(`${path}/compilation`);
  const spain = plain.getByTestId("compilation-row").nth(1);
  await spain.getByText("Record a disposition").click();
  await spain.getByLabel("Proposed disposition", { exact: true }).selectOption({ label: "Merge with…" });
  await spain.getByLabel("Merge with (for “Merge with…”)").selectOption({ index: 1 });
  await spain.getByRole("button", { name: "Record disposition" }).click();
  await expect(plain.getByTestId("compilation-row").nth(1).getByTestId("disposition")).toContainText(
    "Merge with para. 1 (France)",
  );

  // A delegate sees both dispositions, and no form.
  const ml = await signedInPage("rabatMl");
  await ml.goto(`${path}/compilation`);
  const seen = ml.getByTestId("compilation-row");
  await expect(seen.first().getByTestId("disposition")).toContainText(`As orally amended: “${AMENDED}”`);
  await expect(seen.nth(1).getByTestId("disposition")).toContainText("Merge with para. 1 (France)");
  await expect(ml.getByTestId("disposition-form")).toHaveCount(0);
  await expect(ml.getByText("Record a disposition")).toHaveCount(0);
  await expectAccessible(ml);

  // The status filter, without JavaScript as well.
  const plainMl = await signedInPage("rabatMl", { javaScriptEnabled: false });
  await plainMl.goto(`${path}/compilation`);
  await plainMl.getByLabel("Status", { exact: true }).selectOption({ label: "accepted" });
  await plainMl.getByRole("button", { name: "Apply filters" }).click();
  await expect(plainMl).toHaveURL(/[?&]status=accepted(&|$)/);
  await expect(plainMl.getByTestId("compilation-row")).toHaveCount(0);

  // The DOCX and the PDF, from the page's links.
  const [docx] = await Promise.all([
    ml.waitForEvent("download"),
    ml.getByRole("link", { name: "Download as Word (DOCX)" }).click(),
  ]);
  expect(docx.suggestedFilename()).toMatch(/^compilation-rabat-dispositions-[a-z0-9-]+\.docx$/);
  const docxPath = await docx.path();
  expect([...(await readFile(docxPath)).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  const docxText = execFileSync("pandoc", ["-f", "docx", "-t", "plain", "--wrap=none", docxPath], { encoding: "utf8" });
  expect(docxText).toContain(title);
  expect(docxText).toContain(`As orally amended: “${AMENDED}”`);
  const [pdf] = await Promise.all([
    ml.waitForEvent("download"),
    ml.getByRole("link", { name: "Download as PDF" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfPath = await pdf.path();
  const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  expect(Number(width)).toBeGreaterThan(Number(height));
  const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(pdfText).toContain("Compilation of amendments");
  expect(pdfText).toContain(NOTE);
});
