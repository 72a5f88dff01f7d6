// Any screen, any user: every page, in English, French and Arabic (the browser's language, since the
// seeded people have saved none), on a 390 px phone with no horizontal scroll, one h1, and no
// WCAG 2.2 AA violation; screenshots at 390 px and 1280 px are kept as test artefacts. The paper
// page's layout (text first, panel beside or after) is checked by desk.spec.
import type { Browser, Page, TestInfo } from "@playwright/test";
import { demo, expect, expectAccessible, signInAs, test } from "./fixtures";
import { latestMailTo, linkIn } from "./mailbox";
import { DialoguePage } from "./pages/dialogue-page";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
// English and French, and Arabic for right to left on every page; the other UN languages are
// checked on a few pages below (their layout is English's, left to right).
const languages = [
  { lang: "en", browserLocale: "en-GB" },
  { lang: "fr", browserLocale: "fr-FR" },
  { lang: "ar", browserLocale: "ar" },
] as const;

type Screen = {
  name: string;
  /** The email of whoever looks at it; null: nobody signed in. */
  who: string | null;
  /** The path, or how to find it once signed in (seeded papers have ids made at seed time). */
  path: string | ((page: Page) => Promise<string>);
};

async function seededPaper(page: Page, slug: string): Promise<string> {
  return new DialoguePage(page, slug).seededPaperHref();
}

/** The side-by-side page of the seeded paper's language version (mtm's paper has a French one). */
async function seededParallel(page: Page, slug: string): Promise<string> {
  await page.goto(await seededPaper(page, slug));
  const link = page.getByTestId("language-versions").locator('a[href*="/parallel?with="]');
  await expect(link).toHaveCount(1);
  return (await link.getAttribute("href")) ?? "";
}

/** The seeded language version's own page. */
async function seededVersion(page: Page, slug: string): Promise<string> {
  const parallel = new URL(await seededParallel(page, slug), "http://localhost");
  return `/papers/${parallel.searchParams.get("with")}`;
}

// The language comes from the browser, so only people whose language no spec saves are used
// (i18n.spec saves one for the Rabat chair, account.spec for de@mme). mme's seeded paper is submitted (a revision, a closed round, a submission); rabat's is in
// consultation (the compilation of amendments); mtm's, in an open round, has a French version. The paper page's layout has its own spec (desk.spec).
const screens: Screen[] = [
  { name: "sign-in", who: null, path: "/signin" },
  { name: "verify", who: null, path: "/verify" },
  { name: "not-found", who: null, path: "/no-such-page" },
  { name: "desk", who: demo.rabatPen, path: "/desk" },
  { name: "dialogues", who: demo.rabatPen, path: "/dialogues" },
  { name: "paper", who: demo.rabatPen, path: async (page) => seededPaper(page, "rabat") },
  { name: "paper-submitted", who: demo.mmeChair, path: async (page) => seededPaper(page, "mme") },
  { name: "paper-in-round", who: "chair@mtm.accord.test", path: async (page) => seededPaper(page, "mtm") },
  // mtm's paper has a French version, frozen with it and in the round: read-only side by side.
  { name: "parallel", who: "chair@mtm.accord.test", path: async (page) => seededParallel(page, "mtm") },
  { name: "paper-version", who: "chair@mtm.accord.test", path: async (page) => seededVersion(page, "mtm") },
  { name: "progress", who: demo.mmeChair, path: async (page) => `${await seededPaper(page, "mme")}/progress` },
  { name: "dialogue", who: demo.rabatPen, path: "/dialogues/rabat" },
  { name: "compilation", who: demo.rabatPen, path: async (page) => `${await seededPaper(page, "rabat")}/compilation` },
  { name: "approval", who: demo.mmeChair, path: async (page) => `${await seededPaper(page, "mme")}/approval` },
  // mtm's paper is in an open approval round: its chair sees the form to record a position.
  {
    name: "approval-open",
    who: "chair@mtm.accord.test",
    path: async (page) => `${await seededPaper(page, "mtm")}/approval`,
  },
  { name: "revisions", who: demo.mmeChair, path: async (page) => `${await seededPaper(page, "mme")}/revisions` },
  { name: "revision", who: demo.mmeChair, path: async (page) => `${await seededPaper(page, "mme")}/revisions/1` },
  {
    name: "compare",
    who: demo.mmeChair,
    path: async (page) => `${await seededPaper(page, "mme")}/compare?from=1&to=live&view=side`,
  },
  { name: "history", who: demo.mmeChair, path: async (page) => `${await seededPaper(page, "mme")}/history` },
  { name: "notifications", who: demo.rabatFr, path: "/notifications" },
  { name: "search", who: demo.rabatPen, path: "/search?q=migration" },
  { name: "account", who: demo.rabatPen, path: "/account" },
  { name: "two-factor", who: demo.rabatPen, path: "/account/two-factor" },
  { name: "delegation", who: demo.rabatPen, path: "/delegation" },
  { name: "admin", who: demo.admin, path: "/admin" },
  { name: "admin-users", who: demo.admin, path: "/admin/users" },
  { name: "admin-audit", who: demo.admin, path: "/admin/audit" },
  { name: "admin-dialogue", who: demo.admin, path: "/admin/dialogues/rabat" },
  { name: "hld", who: demo.hld, path: "/hld" },
];

/**
 * Checkboxes and radio buttons wider than a box, by their visible labels' text: a box stretched
 * across the page (as inputs are by default) leaves its label far from it.
 */
async function expectBoxesBesideLabels(page: Page): Promise<void> {
  const stretched = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')]
      .filter((box) => box.offsetParent !== null && box.getBoundingClientRect().width > 24)
      .map((box) => `${box.name || box.id}: ${Math.round(box.getBoundingClientRect().width)} px`),
  );
  expect.soft(stretched, "checkboxes far from their labels").toEqual([]);
}

/** The checks every page passes, and its screenshots at both widths attached to the report. */
async function checkScreen(page: Page, lang: string, name: string, testInfo: TestInfo): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  await page.setViewportSize(PHONE);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(scrollWidth, `${name} (${lang}) is wider than the phone`).toBeLessThanOrEqual(PHONE.width);
  await expect.soft(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expectAccessible(page, { wcag22: true });
  for (const [label, size] of [
    ["390", PHONE],
    ["1280", DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    await expectBoxesBesideLabels(page);
    const file = testInfo.outputPath(`${name}-${lang}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name}-${lang}-${label}`, { path: file, contentType: "image/png" });
  }
}

for (const { lang, browserLocale } of languages) {
  for (const screen of screens) {
    test(`${screen.name} in ${lang}: fits 390 px, one h1, no axe violation`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ locale: browserLocale, viewport: PHONE });
      if (screen.who) await signInAs(context, screen.who);
      const page = await context.newPage();
      const path = typeof screen.path === "string" ? screen.path : await screen.path(page);
      await page.goto(path);
      await checkScreen(page, lang, screen.name, testInfo);
      await context.close();
    });
  }
}

async function invitationLink(browser: Browser): Promise<string> {
  const email = `screens-${Date.now().toString(36)}@accord.test`;
  const context = await browser.newContext({ locale: "en-GB" });
  await signInAs(context, demo.admin);
  const admin = await context.newPage();
  await admin.goto("/admin/users");
  const create = admin.getByRole("form", { name: "New account" });
  await create.getByLabel("Name").fill("Screens Reviewer");
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Global role").selectOption("hld_reviewer");
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByRole("status")).toContainText("Account created");
  await context.close();
  return linkIn(await latestMailTo(email, /invited to Accord/));
}

test("the invitation page fits 390 px and passes axe in English, French and Arabic", async ({ browser }, testInfo) => {
  const link = await invitationLink(browser);
  for (const { lang, browserLocale } of languages) {
    const context = await browser.newContext({ locale: browserLocale, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(link);
    await checkScreen(page, lang, "invitation", testInfo);
    await context.close();
  }
});

test("the formatting toolbar's buttons are named in words, with a tooltip on hover and on keyboard focus", async ({
  openPaperAs,
  signedInPage,
}) => {
  const pen = await signedInPage("rabatPen");
  const path = await new DialoguePage(pen, "rabat").seededPaperHref();
  const paper = await openPaperAs("rabatPen", path);
  await expectBoxesBesideLabels(paper.page);
  const buttons = paper.formattingToolbar.getByRole("button");
  expect(await buttons.count()).toBeGreaterThan(10);
  for (const button of await buttons.all()) {
    // A word or more, never a glyph such as "B", "¶" or "↶".
    await expect(button).toHaveAccessibleName(/\p{L}{3,}/u);
  }
  const bold = paper.formattingToolbar.getByRole("button", { name: "Bold", exact: true });
  await bold.hover();
  await expect(bold.locator(".toolbar-tooltip")).toBeVisible();
  await expect(bold.locator(".toolbar-tooltip")).toHaveText("Bold (Ctrl+B)");
  await expect(bold).toHaveAttribute("aria-keyshortcuts", "Control+B");
  // By keyboard: the arrow keys move along the toolbar, and the focused button shows its tooltip.
  await bold.focus();
  await paper.page.keyboard.press("ArrowRight");
  const italic = paper.formattingToolbar.getByRole("button", { name: "Italic", exact: true });
  await expect(italic).toBeFocused();
  await paper.page.mouse.move(0, 0);
  await expect(italic.locator(".toolbar-tooltip")).toBeVisible();
  await expect(italic.locator(".toolbar-tooltip")).toHaveText("Italic (Ctrl+I)");
  await expect(bold.locator(".toolbar-tooltip")).toBeHidden();
});
