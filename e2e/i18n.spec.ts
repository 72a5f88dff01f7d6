import { demo, expect, expectAccessible, signInAs, test } from "./fixtures";

test("switching the interface to French is remembered for the user", async ({ browser, signedInPage }) => {
  const page = await signedInPage("rabatChair", { locale: "en-GB" });
  await page.goto("/dialogues");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My dialogues");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes dialogues");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("region", { name: "Rabat Process" }).getByTestId("my-role")).toHaveText(
    "Vous\u202f: Présidence pour Sénégal",
  );
  await expectAccessible(page);
  await page.context().close();

  // A new browser, English by default: the saved choice wins once signed in.
  const fresh = await browser.newContext({ locale: "en-GB" });
  const signInPage = await fresh.newPage();
  await signInPage.goto("/signin");
  await expect(signInPage.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await signInAs(fresh, demo.rabatChair);
  await signInPage.goto("/dialogues");
  await expect(signInPage.getByRole("heading", { level: 1 })).toHaveText("Mes dialogues");
  await signInPage.getByRole("button", { name: "English" }).click();
  await expect(signInPage.getByRole("heading", { level: 1 })).toHaveText("My dialogues");
  await fresh.close();
});

test("the browser's language is the default before sign-in", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connexion");
  await expect(page.getByLabel("Mot de passe")).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
