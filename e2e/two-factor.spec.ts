// Two-factor sign-in in a real browser: setting up an authenticator app from the page (the test
// computes the app's codes with the server's own TOTP code), signing in with a code and with a
// recovery code, and a dialogue whose members are sent to set it up.
import type { Page } from "@playwright/test";
import { totpCode } from "../server/auth/totp";
import { DEMO_PASSWORD, expect, expectAccessible, test } from "./fixtures";

/** Demo accounts no other spec signs in as: turning on their second factor disturbs nobody. */
const mtmDelegate = "tn@mtm.accord.test";
const euromedDelegate = "gr@euromed.accord.test";

/** The next time step's code: the current one may have just confirmed the set-up, and is spent. */
const nextCode = (secret: string) => totpCode(secret, Date.now() + 30_000);

async function signInWithForm(page: Page, email: string, code?: () => string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (!code) return;
  // The password was right: the form asks for the code, keeping the email and password.
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Enter the code from your authenticator app to finish signing in.",
  );
  const field = page.getByLabel("Code", { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await expect(field).toHaveAttribute("inputmode", "numeric");
  await field.fill(code());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** From the set-up page, off: starts, reads the key, confirms with a code; returns the key and the recovery codes. */
async function setUpTwoFactor(page: Page): Promise<{ secret: string; codes: string[] }> {
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const key = page.getByTestId("totp-secret");
  await expect(key).toHaveText(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  const secret = ((await key.textContent()) ?? "").replace(/\s/g, "");
  await expect(page.getByTestId("totp-uri")).toHaveAttribute(
    "href",
    new RegExp(`^otpauth://totp/Accord:.*\\?secret=${secret}&issuer=Accord`),
  );
  // The same key as a QR code to scan, drawn on the server (a data: SVG the CSP allows).
  const qr = page.getByRole("img", { name: "QR code of the key: scan it with your authenticator app" });
  await expect(qr).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "2. Enter the code the app shows" });
  await form.getByLabel("Code from the app").fill("000000" === totpCode(secret) ? "111111" : "000000");
  await form.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(form.getByRole("alert")).toContainText("That code is not the current one.");
  await form.getByLabel("Code from the app").fill(totpCode(secret));
  await form.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const shown = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(shown).toHaveCount(10);
  const codes = await shown.allTextContents();
  for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
  await expectAccessible(page);
  await page.getByRole("link", { name: "I have kept my codes" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Two-factor sign-in is on since");
  await expect(page.getByText("10 unused recovery codes left.")).toBeVisible();
  return { secret, codes };
}

test("a delegate sets up two-factor sign-in, then signs in with a code, and once with a recovery code", async ({
  page,
}) => {
  await signInWithForm(page, mtmDelegate);
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto("/account/two-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-factor sign-in");
  await expect(page.getByRole("heading", { name: "Two-factor sign-in is off." })).toBeVisible();
  await expectAccessible(page);
  const { secret, codes } = await setUpTwoFactor(page);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // A wrong code is refused with the form still filled in.
  await signInWithForm(page, mtmDelegate, () => (nextCode(secret) === "123456" ? "654321" : "123456"));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Wrong or already used code\./);
  await expect(page.getByLabel("Email")).toHaveValue(mtmDelegate);
  await page.getByLabel("Code", { exact: true }).fill(nextCode(secret));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText("Sami Ben Salah");

  // A recovery code signs in once.
  await page.getByRole("button", { name: "Sign out" }).click();
  const recovery = codes[0] ?? "";
  await signInWithForm(page, mtmDelegate, () => recovery);
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto("/account/two-factor");
  await expect(page.getByText("9 unused recovery codes left.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInWithForm(page, mtmDelegate, () => recovery);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Wrong or already used code\./);
  await expect(page).toHaveURL(/\/signin/);
});

test("an admin requires two-factor sign-in for a dialogue; a member without it is sent to set it up at next sign-in", async ({
  page,
  signedInPage,
}) => {
  const admin = await signedInPage("admin");
  await admin.goto("/admin/dialogues/euromed");
  const control = admin.getByRole("form", { name: "Two-factor sign-in" });
  await expect(admin.getByTestId("dialogue-two-factor")).toHaveText("Members may sign in with a password alone.");
  await expectAccessible(admin);
  await control.getByRole("button", { name: "Require two-factor sign-in" }).click();
  await expect(control.getByRole("status")).toHaveText("Two-factor sign-in is now required in this dialogue.");
  await expect(admin.getByTestId("dialogue-two-factor")).toContainText("Members must sign in with a second factor");
  try {
    // The member signs in with a password: every page sends them to set up a second factor.
    await signInWithForm(page, euromedDelegate);
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await expect(page.getByTestId("two-factor-needed")).toHaveText(
      "Euromed Migration III requires two-factor sign-in. Set it up now: from your next sign-in, you will be asked for a code, and the dialogue will open again.",
    );
    await page.goto("/dialogues/euromed");
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await expectAccessible(page);

    const { secret } = await setUpTwoFactor(page);
    // Set up, but this session proved no second factor: sign in again with a code.
    await expect(page.getByTestId("two-factor-needed")).toContainText(
      "Sign out, then sign in again with a code to reach Euromed Migration III.",
    );
    await expect(page.getByText("You cannot turn it off: Euromed Migration III requires it.")).toBeVisible();
    await page.getByRole("button", { name: "Sign out now" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await signInWithForm(page, euromedDelegate, () => nextCode(secret));
    await expect(page).toHaveURL(/\/desk$/);
    await page.goto("/dialogues/euromed");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Euromed Migration III");
  } finally {
    await admin.goto("/admin/dialogues/euromed");
    await admin
      .getByRole("form", { name: "Two-factor sign-in" })
      .getByRole("button", { name: "Make two-factor sign-in optional" })
      .click();
    await expect(admin.getByTestId("dialogue-two-factor")).toHaveText("Members may sign in with a password alone.");
  }
});
