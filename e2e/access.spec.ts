import { expect, expectAccessible, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";
import { HldPage } from "./pages/hld-page";
import { PaperPage } from "./pages/paper-page";

test("a Rabat delegate cannot reach a Budapest paper or dialogue by URL", async ({ signedInPage }) => {
  const budapestPage = await signedInPage("budapestChair");
  const budapestPaper = new PaperPage(budapestPage, await new DialoguePage(budapestPage, "budapest").seededPaperHref());
  await budapestPaper.goto();
  await expect(budapestPaper.heading).toContainText("Budapest Process");
  await budapestPage.context().close();

  const page = await signedInPage("rabatFr");
  for (const url of [budapestPaper.path, "/dialogues/budapest", "/admin", "/admin/audit", "/hld"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Budapest Process position paper");
  }
  await expectAccessible(page);
});

test("the HLD reviewer sees only submitted papers", async ({ signedInPage }) => {
  const page = await signedInPage("hld");
  const hld = new HldPage(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/hld$/);
  // The seeded submission (other specs may submit more); nothing that is not submitted.
  const mmeRow = hld.row("HLD/2013/MME/001");
  await expect(mmeRow).toHaveCount(1);
  await expect(hld.submitted).not.toContainText("Budapest Process position paper");
  await expectAccessible(page);

  // Filtered by dialogue and by kind.
  await hld.filters.getByLabel("Dialogue").selectOption({ label: "Africa-EU MME Partnership" });
  await hld.filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/dialogue=/);
  await expect(hld.submitted.getByRole("row")).toHaveCount(2);
  await hld.filters.getByLabel("Kind").selectOption("position_paper");
  await hld.filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No submitted paper matches these filters.")).toBeVisible();
  await hld.goto();
  await mmeRow.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("MME");
  expect((await new DialoguePage(page, "mme").goto())?.status()).toBe(404);
});
