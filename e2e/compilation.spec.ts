// The compilation of amendments, end to end: two delegations suggest by keyboard in a paper in
// consultation and the observer comments; the penholder opens the compilation from the paper
// page, sees each entry in paragraph order with its delegation, filters by delegation (a plain
// GET form), downloads the CSV of what is shown, and the page passes the accessibility check.
// Outsiders and the HLD secretariat get a 404.
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
    '"Paragraph","Type","Original text","Proposed text","Passage","Delegation","Person","Date","Comment","Status"',
  );
  expect(lines[1]).toBe(
    `"1","Insertion","${FIRST}","${FIRST}${FRANCE_WORDS}","${FRANCE_WORDS}","France","Claire Dubois","","","pending"`,
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
  expect(csv).toContain(`"${IOM_COMMENT}","open"`);
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
