// Search, end to end: a delegate finds a word of a paper's live text (accents folded), sees the
// passage with the word highlighted and its paragraph number, and follows the link to that
// paragraph; a word another user types into the live text becomes findable within seconds.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { PaperPage } from "./pages/paper-page";

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** Searches `query` from the search page, again until a result appears (the index follows in seconds). */
async function searchUntilFound(page: Page, query: string) {
  const hits = page.getByTestId("search-hit");
  await expect(async () => {
    await page.goto("/search");
    await page.getByLabel("Words to find").fill(query);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { name: `Results for “${query}”` })).toBeVisible();
    await expect(hits.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000] });
  return hits;
}

test("a delegate finds a word without its accent, sees it highlighted with its paragraph number and follows the link", async ({
  paperInConsultation,
  signedInPage,
}) => {
  const word = `quokka${unique()}`;
  const title = `Labour mobility ${word}`;
  const path = await paperInConsultation(title, `Labour mobilité schemes open for ${word} workers.`);
  const page = await signedInPage("rabatFr", { viewport: { width: 390, height: 844 } });
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search$/);
  const hits = await searchUntilFound(page, `MOBILITE ${word}`);
  const hit = hits.filter({ hasText: "Live text" });
  await expect(hit).toHaveCount(1);
  await expect(hit.getByText("Rabat Process · Live text · Paragraph 1")).toBeVisible();
  await expect(hit.locator("mark")).toHaveText(["mobilité", word]);
  await expect(hit.getByLabel("Passage found")).toHaveText(`Labour mobilité schemes open for ${word} workers.`);
  // Usable on a phone: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);

  await hit.getByRole("link", { name: new RegExp(`^${title}\\s*, Paragraph 1$`) }).click();
  await expect(page).toHaveURL(new RegExp(`${path}#para-1$`));
  const paper = new PaperPage(page, path);
  await paper.waitForText();
  await expect(page.locator("#para-1")).toContainText(word);
});

test("another user's live edit becomes findable within seconds", async ({
  paperInConsultation,
  openPaperAs,
  signedInPage,
}) => {
  const path = await paperInConsultation(`Diaspora bonds ${unique()}`, "Diaspora bonds finance development.");
  const pen = await openPaperAs("rabatPen", path);
  const word = `walrus${unique()}`;
  await pen.typeAtEndOfFirstParagraph(` Pension ${word} rights travel.`);
  await expect(pen.allChangesSaved).toBeVisible();
  const page = await signedInPage("rabatFr");
  const hits = await searchUntilFound(page, word);
  await expect(hits).toHaveCount(1);
  await expect(hits.first().locator("mark")).toHaveText([word]);
  await expect(hits.first()).toContainText("Paragraph 1");
  // Another dialogue's member never finds it.
  const budapest = await signedInPage("budapestChair");
  await budapest.goto(`/search?q=${word}`);
  await expect(budapest.getByText(`Nothing found for “${word}”.`)).toBeVisible();
});

test("a search is refused past 200 characters and past 30 a minute, before any query runs", async ({
  signedInPage,
}) => {
  const page = await signedInPage("rabatEs");
  await page.goto(`/search?q=${"a".repeat(201)}`);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("A search has at most 200 characters.");
  // The allowance is per account: 30 at once, then one every 2 s.
  for (let i = 0; i < 30; i++) {
    const response = await page.request.get(`/search?q=migration${i}`);
    expect(await response.text()).not.toContain("Too many searches");
  }
  await page.goto("/search?q=migration");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "Too many searches for now: try again in a minute.",
  );
  await expect(page.getByTestId("search-results")).toHaveCount(0);
});

test("a result deep in a long text opens the live editor at its paragraph", async ({
  paperInConsultation,
  signedInPage,
}) => {
  test.setTimeout(120_000);
  const word = `numbat${unique()}`;
  // Paragraph 30 of 70: far enough down to need a scroll, with enough text below to reach the top.
  // Short lines: the fixture types them.
  const lines = Array.from({ length: 70 }, (_, i) => `Item ${i + 1}.`);
  lines[29] = `The partners agree on ${word} cooperation.`;
  const path = await paperInConsultation(`Long text ${word}`, lines.join("\n"));
  const page = await signedInPage("rabatFr");
  const hits = await searchUntilFound(page, word);
  await hits.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${path}#para-30$`));
  const paper = new PaperPage(page, path);
  await paper.waitForText();
  // The live editor's paragraph 30, not the stored text it replaced, is on screen.
  const paragraph = paper.editor.locator("#para-30");
  await expect(paragraph).toContainText(word);
  // At the top of the window, where the link put the stored one (the editor's toolbar and notices
  // above it would otherwise have pushed it down).
  await expect.poll(async () => (await paragraph.boundingBox())?.y ?? -100).toBeGreaterThanOrEqual(-1);
  await expect.poll(async () => (await paragraph.boundingBox())?.y ?? 1000).toBeLessThan(40);
});
