// The account page: a password changed and used to sign in, an email choice saved, the language
// chosen, and a session signed out from another browser. Each test uses a seeded account no
// other spec uses, so their changes stay their own.
import type { BrowserContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, test } from "./fixtures";

const accounts = {
  password: "et@mme.accord.test",
  emails: "de@mme.accord.test",
  sessions: "jo@euromed.accord.test",
} as const;

async function openAccount(page: Page) {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
}

test("a delegate changes their password, then signs in with the new one only", async ({ signedInPage, browser }) => {
  const page = await signedInPage({ email: accounts.password, password: DEMO_PASSWORD });
  await openAccount(page);
  await expectAccessible(page);
  await expect(page.getByTestId("two-step-status")).toHaveText("Off: signing in asks only for your password.");
  await expect(page.getByRole("link", { name: "Manage two-step sign-in" })).toHaveAttribute(
    "href",
    "/account/two-factor",
  );

  const form = page.getByRole("form", { name: "Password" });
  const newPassword = "olive groves above the harbour of Piraeus";
  // A wrong current password is refused, and nothing changes.
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("New password, again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("The current password is not right.");

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Password changed. Every other session of your account is signed out.",
  );
  await expect(form.getByLabel("Current password")).toHaveValue("");
  await expectAccessible(page);

  const fresh = await browser.newContext();
  try {
    const signIn = await fresh.newPage();
    const attempt = async (password: string) => {
      await signIn.goto("/signin");
      await signIn.getByLabel("Email").fill(accounts.password);
      await signIn.getByLabel("Password").fill(password);
      await signIn.getByRole("button", { name: "Sign in", exact: true }).click();
    };
    await attempt(DEMO_PASSWORD);
    await expect(signIn.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    await attempt(newPassword);
    await expect(signIn).toHaveURL(/\/desk$/);
    await expect(signIn.getByTestId("signed-in-user")).toHaveText("Selam Tesfaye");
  } finally {
    await fresh.close();
  }
});

test("a delegate turns an email kind off and chooses French; both are saved", async ({ signedInPage }) => {
  const page = await signedInPage({ email: accounts.emails, password: DEMO_PASSWORD });
  await openAccount(page);
  const form = page.getByRole("form", { name: "Email notifications" });
  const mentions = form.getByRole("checkbox", { name: "someone mentions me in a comment" });
  await expect(mentions).toBeChecked();
  await mentions.uncheck();
  await form.getByRole("button", { name: "Save email choices" }).click();
  await expect(form.getByRole("status")).toHaveText("Email choices saved.");

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "someone mentions me in a comment" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "an approval round opens on a paper" })).toBeChecked();

  const language = page.getByRole("form", { name: "Language" });
  await language.getByRole("radio", { name: "Français" }).check();
  await language.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre compte");
  await expect(page.getByRole("checkbox", { name: "quelqu’un me mentionne dans un commentaire" })).not.toBeChecked();
  await expectAccessible(page);
});

test("signing out another browser from the sessions list signs it out at its next page load", async ({
  signedInPage,
}) => {
  const laptop = await signedInPage({ email: accounts.sessions, password: DEMO_PASSWORD });
  const phone = await signedInPage(
    { email: accounts.sessions, password: DEMO_PASSWORD },
    {
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    },
  );
  await phone.goto("/dialogues");
  await expect(phone.getByTestId("signed-in-user")).toHaveText("Omar Al-Khatib");

  await openAccount(laptop);
  const sessions = laptop.getByTestId("account-session");
  await expect(sessions).toHaveCount(2);
  const current = sessions.filter({ hasText: "This session" });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(/Chrome on (Windows|Linux)/);
  const other = sessions.filter({ hasText: "Safari on iPhone" });
  await expect(other).toContainText("Password");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(sessions).toHaveCount(1);
  await expect(laptop.getByText("You are signed in nowhere else.")).toBeVisible();
  await expectAccessible(laptop);

  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/signin/);
  // The laptop is still signed in.
  await laptop.reload();
  await expect(laptop.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await closeAll([laptop.context(), phone.context()]);
});

async function closeAll(contexts: BrowserContext[]) {
  for (const context of contexts) await context.close();
}
