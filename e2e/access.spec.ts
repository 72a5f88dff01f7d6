import { expect, test } from "@playwright/test";
import { demo, expectAccessible, seededPaperHref, signInAs } from "./fixtures";

test("a Rabat delegate cannot reach a Budapest paper or dialogue by URL", async ({ browser }) => {
  const budapest = await browser.newContext();
  await signInAs(budapest, demo.budapestChair);
  const budapestPage = await budapest.newPage();
  const paperHref = await seededPaperHref(budapestPage, "budapest");
  await budapestPage.goto(paperHref);
  await expect(budapestPage.getByRole("heading", { level: 1 })).toContainText("Budapest Process");
  await budapest.close();

  const rabat = await browser.newContext();
  await signInAs(rabat, demo.rabatFr);
  const page = await rabat.newPage();
  for (const url of [paperHref, "/dialogues/budapest", "/admin", "/admin/audit", "/hld"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Budapest Process position paper");
  }
  await expectAccessible(page);
  await rabat.close();
});

test("the HLD reviewer sees only submitted papers", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, demo.hld);
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/hld$/);
  const table = page.getByRole("table", { name: "Papers submitted to the HLD" });
  // The seeded submission (other specs may submit more); nothing that is not submitted.
  const mmeRow = table.getByRole("row").filter({ hasText: "HLD/2013/MME/001" });
  await expect(mmeRow).toHaveCount(1);
  await expect(table).not.toContainText("Budapest Process position paper");
  await expectAccessible(page);

  // Filtered by dialogue and by kind.
  const filters = page.getByRole("form", { name: "Filter the submitted papers" });
  await filters.getByLabel("Dialogue").selectOption({ label: "Africa-EU MME Partnership" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/dialogue=/);
  await expect(table.getByRole("row")).toHaveCount(2);
  await filters.getByLabel("Kind").selectOption("position_paper");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No submitted paper matches these filters.")).toBeVisible();
  await page.goto("/hld");
  await mmeRow.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("MME");
  expect((await page.goto("/dialogues/mme"))?.status()).toBe(404);
  await context.close();
});
