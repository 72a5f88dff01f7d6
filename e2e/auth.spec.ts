import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, expectAccessible } from "./fixtures";

test("a delegate signs in with the form, sees their dialogue, and signs out", async ({ page, context }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  await page.getByLabel("Email").fill(demo.rabatFr);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/dialogues$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText("Claire Dubois");
  const rabat = page.getByRole("region", { name: "Rabat Process" });
  await expect(rabat.getByTestId("my-role")).toHaveText("You: Delegate for France");
  for (const partner of ["Senegal", "Morocco", "France", "Spain", "Mali", "IOM"]) {
    await expect(rabat.getByRole("list", { name: "Partners" })).toContainText(partner);
  }
  await expect(rabat.getByRole("table")).toContainText("Consultation");
  await expect(page.getByRole("region", { name: "Budapest Process" })).toHaveCount(0);
  await expectAccessible(page);

  const sessionCookie = (await context.cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(sessionCookie).toBeDefined();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/dialogues");
  await expect(page).toHaveURL(/\/signin/);

  // The session ended on the server: replaying the old cookie does not sign anyone in.
  if (sessionCookie) await context.addCookies([sessionCookie]);
  await page.goto("/dialogues");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password is refused with a clear message, keeping the email", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(demo.rabatPen);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("Email")).toHaveValue(demo.rabatPen);
  await page.goto("/dialogues");
  await expect(page).toHaveURL(/\/signin/);
});
