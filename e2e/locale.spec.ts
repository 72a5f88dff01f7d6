// The browser's language is the interface's until the user chooses one: a French browser gets
// French on the sign-in page and, once signed in through the form, on every page, for a user
// who never chose a language; the same user in an English browser gets English (nothing was
// saved). The saved choice winning over the browser is tested in i18n.spec.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo } from "./fixtures";

// A seeded person whose language no spec saves.
const email = demo.rabatMl;

test("a French browser gets French before and after sign-in, until the user chooses", async ({ browser }) => {
  const french = await browser.newContext({ locale: "fr-FR" });
  const page = await french.newPage();
  await page.goto("/signin");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
  await page.getByLabel("Courriel").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mon bureau");
  await expect(page.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre compte");
  await french.close();

  const english = await browser.newContext({ locale: "en-GB" });
  const again = await english.newPage();
  await again.goto("/signin");
  await again.getByLabel("Email").fill(email);
  await again.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await again.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(again).toHaveURL(/\/desk$/);
  await expect(again.locator("html")).toHaveAttribute("lang", "en");
  await expect(again.getByRole("heading", { level: 1 })).toHaveText("My desk");
  await english.close();
});
