// The ledger of agreement in Chromium: the chair records a paragraph as agreed and another as
// agreed ad referendum by a delegation until a date; a delegate in another session sees both in
// words beside the paragraphs; the progress page draws the counts as an SVG chart with the same
// numbers in a table, and passes axe.
import { expect, expectAccessible, test } from "./fixtures";

test("the chair records the ledger, a delegate sees it in the margin, the progress page counts it", async ({
  paperInConsultation,
  openPaperAs,
  signedInPage,
}) => {
  // Three sessions and a production build on a shared two-core machine.
  test.setTimeout(150_000);
  const path = await paperInConsultation(
    `Ledger ${Date.now().toString(36)}`,
    "Recalling the Rabat Process.\nWelcoming cooperation on migration.\nDecides to meet every year.",
  );
  const chair = await openPaperAs("rabatChair", path);
  const control = chair.page.getByTestId("ledger-control");
  await expect(control.getByRole("heading", { name: "Ledger of agreement" })).toBeVisible();

  // Paragraph 1: agreed.
  await control.getByLabel("Paragraph", { exact: true }).selectOption("0");
  await control.getByLabel("Status").selectOption("agreed");
  await control.getByRole("button", { name: "Record the status" }).click();
  await expect(control.getByRole("status")).toContainText("Agreed");
  await expect(chair.allChangesSaved).toBeVisible();

  // Paragraph 2: ad ref. by one delegation until 12 December.
  await control.getByLabel("Paragraph", { exact: true }).selectOption("1");
  await control.getByLabel("Status").selectOption("adRef");
  const delegation = control.getByRole("group", { name: "Delegations concerned" }).getByRole("checkbox").first();
  await delegation.check();
  await control.getByLabel("Ad ref. until").fill("2026-12-12");
  await control.getByRole("button", { name: "Record the status" }).click();
  await expect(control.getByRole("status")).toContainText("Ad ref. until Dec 12 (");
  await expect(chair.allChangesSaved).toBeVisible();
  await expect(chair.editor.locator(".ledger-status")).toHaveText(["Agreed", /^Ad ref\. until Dec 12 \(.+\)$/]);

  // Paragraph 3: bracketed, held by one delegation.
  await control.getByLabel("Paragraph", { exact: true }).selectOption("2");
  await control.getByLabel("Status").selectOption("bracketed");
  await control.getByRole("group", { name: "Delegations concerned" }).getByRole("checkbox").first().check();
  await control.getByRole("button", { name: "Record the status" }).click();
  await expect(chair.allChangesSaved).toBeVisible();

  // The control follows the caret: a click in the first paragraph picks it, with its status.
  await chair.paragraph(1).click();
  await expect(control.getByLabel("Paragraph", { exact: true })).toHaveValue("0");
  await expect(control.getByLabel("Status")).toHaveValue("agreed");

  // A delegate, in a session of their own, reads the status in words beside each paragraph.
  const spain = await openPaperAs("rabatEs", path);
  const labels = spain.editor.locator(".ledger-status");
  await expect(labels).toHaveText(["Agreed", /^Ad ref\. until Dec 12 \(.+\)$/, /^Bracketed \(.+\)$/]);
  await expect(spain.editor.locator("p").first()).toContainText("Agreed");
  // Spain puts an alternative wording on the table for the bracketed paragraph (typed at its end).
  await spain.paragraph(3).click();
  await spain.page.keyboard.press("End");
  await spain.page.keyboard.type(" and to review progress");
  await expect(spain.allChangesSaved).toBeVisible();

  // The progress page: once the live text is stored, one agreed, one ad ref., one pending.
  const page = chair.page;
  const liveRow = page.getByTestId("ledger-progress-table").getByRole("row", { name: /Live text/ });
  await expect(async () => {
    await page.goto(`${path}/progress`);
    await expect(liveRow.locator('td[data-status="agreed"]')).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Progress of the text");
  await expect(liveRow.locator('td[data-status="adRef"]')).toHaveText("1");
  await expect(liveRow.locator('td[data-status="bracketed"]')).toHaveText("1");
  await expect(liveRow.locator('td[data-status="pending"]')).toHaveText("0");
  await expect(page.getByTestId("ledger-alternative")).toHaveText(
    "Spain: “Decides to meet every year. and to review progress”",
  );
  const chart = page.getByRole("img", { name: /paragraphs by status/i });
  await expect(chart).toBeVisible();
  await expect(chart.locator("title")).toHaveText("Paragraphs by status");
  const liveBar = page.getByTestId("ledger-chart-row").last();
  await expect(liveBar.locator('[data-status="agreed"]')).toHaveAttribute("data-count", "1");
  await expect(liveBar.locator('[data-status="adRef"]')).toHaveAttribute("data-count", "1");
  await expect(liveBar.locator('[data-status="bracketed"]')).toHaveAttribute("data-count", "1");
  await expect(page.getByTestId("ledger-list").getByRole("row")).toHaveCount(4);
  await expectAccessible(page);

  // The stored text, as read without JavaScript (and before the live text loads), carries the
  // same statuses in its margin.
  // The stored text follows the live one within seconds (debounced store): reload until it has.
  const plain = await signedInPage("rabatEs", { javaScriptEnabled: false });
  await expect(async () => {
    await plain.goto(path);
    await expect(plain.getByRole("article", { name: /^Text of Ledger/ }).locator(".ledger-status")).toHaveText(
      ["Agreed", /^Ad ref\. until Dec 12 \(.+\)$/, /^Bracketed \(.+\)$/],
      { timeout: 1000 },
    );
  }).toPass({ timeout: 30_000 });
});
