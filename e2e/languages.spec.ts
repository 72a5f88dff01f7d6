// The six UN languages in Chromium: every page, the sign-in page first, speaks the browser's
// language until the user chooses one, and `<html lang dir>` says which; Arabic reads right to
// left while a paper's own text keeps its direction; a choice made in the header is saved and
// follows the user. (Every page in Arabic, at 390 px and with axe, is in screens.spec.)

import { localeNames, locales } from "../lib/i18n/locales";
import { catalogs } from "../lib/i18n/translate";
import { expect, expectAccessible, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";

// A seeded person whose language no other spec saves or relies on.
const DEMO_USER = "budapestHu";

for (const lang of locales) {
  test(`a browser in ${localeNames[lang]} gets the sign-in page in ${lang}`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ locale: lang === "zh" ? "zh-CN" : lang });
    const page = await context.newPage();
    await page.goto("/signin");
    const html = page.locator("html");
    await expect(html).toHaveAttribute("lang", lang);
    await expect(html).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(catalogs[lang].signIn.title);
    await expect(page.getByLabel(catalogs[lang].signIn.email)).toBeVisible();
    // Every language is offered, each by its own name.
    const switcher = page.getByRole("form", { name: catalogs[lang].nav.language });
    for (const other of locales) await expect(switcher.getByRole("button", { name: localeNames[other] })).toBeVisible();
    await expectAccessible(page);
    const file = testInfo.outputPath(`signin-${lang}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`signin-${lang}`, { path: file, contentType: "image/png" });
    await context.close();
  });
}

test("a delegate chooses Arabic: the desk reads right to left, the English paper stays left to right, and the choice is kept", async ({
  signedInPage,
}, testInfo) => {
  test.setTimeout(90_000);
  const page = await signedInPage(DEMO_USER);
  try {
    await page.goto("/desk");
    await page.getByRole("button", { name: "العربية" }).click();
    const html = page.locator("html");
    await expect(html).toHaveAttribute("dir", "rtl");
    await expect(html).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(catalogs.ar.desk.title);
    await expect(page.getByRole("button", { name: "العربية" })).toHaveAttribute("aria-pressed", "true");
    // The header's links sit from the right: the first is to the right of the second.
    const nav = page.getByRole("navigation", { name: catalogs.ar.nav.label });
    const [first, second] = [
      await nav.getByRole("link").nth(0).boundingBox(),
      await nav.getByRole("link").nth(1).boundingBox(),
    ];
    expect(first && second && first.x > second.x).toBe(true);
    await expectAccessible(page);

    // The Budapest paper is written in English: its text stays left to right inside the Arabic page.
    const href = await new DialoguePage(page, "budapest").seededPaperHref();
    await page.goto(href);
    // The live editor, or the stored text until it loads: both are the paper's text.
    const text = page.locator(".paper-text").first();
    await expect(text).toBeVisible();
    expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    expect(await page.locator("body").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    await expectAccessible(page);
    const file = testInfo.outputPath("paper-ar.png");
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach("paper-ar", { path: file, contentType: "image/png" });

    // Saved on the account: a new session opens in Arabic whatever the browser says.
    const again = await signedInPage(DEMO_USER);
    await again.goto("/account");
    await expect(again.locator("html")).toHaveAttribute("lang", "ar");
    await expect(again.getByRole("radio", { name: "العربية" })).toBeChecked();
    await again.context().close();
  } finally {
    // Back to English, so that no later spec meets an Arabic page.
    await page.goto("/desk");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
});

test("in the Arabic interface an English text with its ledger labels in Arabic stays left to right", async ({
  signedInPage,
}) => {
  // Arabic from the browser (nothing saved); the seeded Rabat text records ledger statuses, whose
  // labels are in Arabic and come first in their paragraphs.
  const page = await signedInPage("rabatObserver", { locale: "ar" });
  const href = await new DialoguePage(page, "rabat").seededPaperHref();
  // The stored text, as read before the editor loads (and without JavaScript)…
  const plain = await signedInPage("rabatObserver", { locale: "ar", javaScriptEnabled: false });
  await plain.goto(href);
  await expect(plain.locator("html")).toHaveAttribute("dir", "rtl");
  const article = plain.locator("article.paper-text");
  await expect(article.locator(".ledger-status").first()).toHaveText(catalogs.ar.ledger.status.agreed);
  expect(await article.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  // …and the live editor.
  await page.goto(href);
  const editor = page.locator(".paper-editor-content");
  await expect(editor.locator(".ledger-status").first()).toHaveText(catalogs.ar.ledger.status.agreed);
  expect(await editor.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  const paragraph = editor.locator("[data-paragraph-number='1']");
  expect(await paragraph.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
});
