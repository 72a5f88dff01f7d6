import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, expectAccessible, test } from "./fixtures";

test("a delegate signs in with the form, sees their dialogue, and signs out", async ({ page, context }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page);
  await page.getByLabel("Email").fill(demo.rabatFr);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  // A delegate lands on their desk; their dialogues are one link away.
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole("heading", { level: 1, name: "My desk" })).toBeVisible();
  await page.getByRole("link", { name: "All my dialogues" }).click();
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
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("Email")).toHaveValue(demo.rabatPen);
  await page.goto("/dialogues");
  await expect(page).toHaveURL(/\/signin/);
});

test("failed sign-ins from one address are slowed down, whatever the accounts tried", async ({ browser }) => {
  // The e2e server trusts one proxy (TRUSTED_PROXY=1 in e2e/start-server.ts): X-Forwarded-For
  // names the client, so the test can stand for two different offices.
  const office = async (address: string) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
    return { context, page: await context.newPage() };
  };
  const attempt = async (page: Page, email: string, password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  };
  // An office of its own each run (a /64 of the documentation range): a retry on the same server
  // starts with a whole allowance.
  const guesser = await office(`2001:db8:${(Date.now() % 0xffff).toString(16)}:1::7`);
  await guesser.page.goto("/signin");
  for (let i = 0; i < 20; i++) {
    await attempt(guesser.page, `guess-${i}@example.org`, "password123");
    await expect(guesser.page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    // The next attempt starts from a form that has answered.
    await expect(guesser.page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  }
  // From that address even the right password of a real account now waits.
  await attempt(guesser.page, demo.rabatFr, DEMO_PASSWORD);
  await expect(guesser.page.getByRole("main").getByRole("alert")).toHaveText(
    /^Too many failed attempts\. Try again in 1 min\.$/,
  );
  await expect(guesser.page).toHaveURL(/\/signin/);

  // Another office is not affected, nor is the account itself.
  const colleague = await office("198.51.100.9");
  await colleague.page.goto("/signin");
  await attempt(colleague.page, demo.rabatFr, DEMO_PASSWORD);
  await expect(colleague.page).toHaveURL(/\/desk$/);
  await guesser.context.close();
  await colleague.context.close();
});
