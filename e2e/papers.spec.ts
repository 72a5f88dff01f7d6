import { expect, test } from "@playwright/test";
import { demo, expectAccessible, signInAs } from "./fixtures";

test("a penholder creates a paper and opens it", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, demo.rabatPen);
  const page = await context.newPage();
  await page.goto("/dialogues/rabat");
  const newPaper = page.getByRole("region", { name: "New paper" });
  const title = `Rabat Process position on diaspora engagement ${Date.now().toString(36)}`;
  await newPaper.getByLabel("Title").fill(title);
  await newPaper.getByLabel("Kind").selectOption("position_paper");
  await newPaper.getByRole("button", { name: "Create paper" }).click();
  await expect(page).toHaveURL(/\/papers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Position paper")).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/dialogues/rabat");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await context.close();
});

test("the seeded paper shows its text with UN paragraph numbers", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, demo.rabatObserver);
  const page = await context.newPage();
  await page.goto("/dialogues/rabat");
  await page.getByRole("link", { name: /Rabat Process recommendations/ }).click();
  // The live editor replaces the stored text once connected; both number the same way.
  const text = page.getByRole("textbox", { name: /^Text of / });
  await expect(text).toContainText("Rabat Process");
  const numbers = await text
    .locator("[data-paragraph-number]")
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-paragraph-number"))));
  expect(numbers.length).toBeGreaterThan(2);
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  // An observer may not create papers.
  await page.goto("/dialogues/rabat");
  await expect(page.getByRole("heading", { name: "New paper" })).toHaveCount(0);
  await context.close();
});
