// Single sign-on through the real OpenID Connect provider that e2e/start-server.ts starts: a
// seeded account is linked by the email its ministry verified; a stranger and an unverified email
// are refused on the sign-in page, in the person's language.
import type { Page } from "@playwright/test";
import { e2eProviderAccounts } from "../tests/helpers/oidc-provider";
import { demo, expect, expectAccessible, test } from "./fixtures";
import { latestMailTo, linkIn } from "./mailbox";

const ssoButton = "Sign in with Ministry SSO";
const providerAccount = (email: string) => {
  const account = e2eProviderAccounts.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`no provider account ${email}`);
  return account;
};

/** From /signin, through the provider's sign-in page as `email`, back to the app. */
async function signInAtProvider(page: Page, email: string, button = ssoButton): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByRole("heading", { name: "Ministry sign-in" })).toBeVisible();
  await page.getByLabel("Ministry email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("the sign-in page offers the ministry's single sign-on and passes axe", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: ssoButton })).toBeVisible();
  await expectAccessible(page);
});

test("a seeded account signs in through the provider; the identity is linked once", async ({
  browser,
  page,
  signedInPage,
}) => {
  const ml = providerAccount(demo.rabatMl);
  await signInAtProvider(page, ml.email);
  await expect(page.getByRole("banner")).toContainText("Moussa Keïta");
  expect(new URL(page.url()).pathname).not.toBe("/signin");

  const admin = await signedInPage("admin");
  await admin.goto("/admin/audit");
  const linked = admin.getByTestId("audit-row").filter({ hasText: "user.sso_linked" }).filter({ hasText: ml.sub });
  await expect(linked).toHaveCount(1);
  await expect(
    admin.getByTestId("audit-row").filter({ hasText: "user.signed_in" }).filter({ hasText: '"oidc"' }).first(),
  ).toBeVisible();

  // A second sign-in finds the identity by its subject: signed in, no second link.
  const again = await browser.newContext();
  try {
    const second = await again.newPage();
    await signInAtProvider(second, ml.email);
    await expect(second.getByRole("banner")).toContainText("Moussa Keïta");
  } finally {
    await again.close();
  }
  await admin.reload();
  await expect(linked).toHaveCount(1);
});

test("an email with no account is refused with the translated message, nothing signed in", async ({ page }) => {
  await signInAtProvider(page, "stranger@ministry.example");
  await expect(page).toHaveURL(/\/signin\?error=SsoNoAccount/);
  await expect(page.getByRole("alert").filter({ hasText: "no Accord account or invitation" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("an email the provider did not verify is refused, in French for a French reader", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  try {
    const page = await context.newPage();
    await signInAtProvider(page, demo.rabatEs, "Se connecter avec Ministry SSO");
    await expect(page).toHaveURL(/\/signin\?error=SsoEmailUnverified/);
    await expect(
      page.getByRole("alert").filter({ hasText: "n’a pas confirmé votre adresse électronique" }),
    ).toBeVisible();
  } finally {
    await context.close();
  }
});

test("an invitee accepts their invitation by the ministry's single sign-on; the link is then used up", async ({
  browser,
  signedInPage,
}) => {
  const invitee = providerAccount("invitee@ministry.example");
  const admin = await signedInPage("admin");
  await admin.goto("/admin/dialogues/rabat");
  const form = admin.getByRole("form", { name: "Add a member" });
  await form.getByLabel("Email").fill(invitee.email);
  await form.getByLabel("Role").selectOption("observer");
  await form.getByLabel("On behalf of").selectOption({ label: "Mali" });
  await form.getByLabel("Name").fill("Aminata Traoré");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("status")).toContainText("Invitation sent");

  const link = linkIn(await latestMailTo(invitee.email, /invited to Accord/));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText("Or, if your ministry uses it:")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: ssoButton }).click();
  await page.getByLabel("Ministry email").fill(invitee.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("banner")).toContainText("Aminata Traoré");
  await page.goto("/dialogues");
  await expect(page.getByRole("region", { name: "Rabat Process" }).getByTestId("my-role")).toHaveText(
    "You: Observer for Mali",
  );
  // Accepted by single sign-on: the emailed link can no longer set a password.
  await page.goto(link);
  await expect(page.getByTestId("account-link-state")).toContainText("already been used");
  await context.close();
});
