// Shared steps: signing in through Auth.js's API (the form itself is tested once, in auth.spec).
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "accord-demo-2013";

export const demo = {
  admin: "admin@accord.test",
  hld: "hld@accord.test",
  rabatChair: "chair@rabat.accord.test",
  rabatPen: "pen@rabat.accord.test",
  rabatFr: "fr@rabat.accord.test",
  rabatObserver: "observer@rabat.accord.test",
  budapestChair: "chair@budapest.accord.test",
  budapestHu: "hu@budapest.accord.test",
} as const;

export async function signInAs(context: BrowserContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await context.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBe(302);
  const cookies = await context.cookies();
  expect(
    cookies.some((c) => c.name.includes("authjs.session-token")),
    `session cookie for ${email}`,
  ).toBe(true);
}

/** Fails with the list of violations when a page breaks WCAG 2.1 A/AA rules. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

/**
 * The link of the dialogue's seeded paper (every seeded title ends so; papers the specs create do
 * not), looked up page by page on the dialogue's page, whatever has been created meanwhile.
 */
export async function seededPaperHref(page: Page, slug: string): Promise<string> {
  const seeded = page.getByRole("table").getByRole("link", { name: / (for|to) the 2013 High-Level Dialogue$/ });
  for (let n = 1; n <= 20; n++) {
    await page.goto(`/dialogues/${slug}?page=${n}`);
    if ((await seeded.count()) > 0) {
      const href = await seeded.first().getAttribute("href");
      expect(href).toMatch(/^\/papers\/[0-9a-f-]{36}$/);
      return href as string;
    }
  }
  throw new Error(`no seeded paper listed in the dialogue ${slug}`);
}

/**
 * Waits until the paper's text has arrived from the collaboration server: until then the page
 * shows "Connecting…" and no editor to type into.
 */
export async function waitForText(page: Page): Promise<void> {
  await expect(page.locator(".connection-status")).not.toHaveAttribute("data-state", "connecting");
}

/**
 * As the Rabat penholder, in a context of its own: creates a paper titled `title` whose text is
 * `text`, opens consultation, and waits until the text is saved. Returns the paper's path.
 */
export async function paperInConsultation(browser: Browser, title: string, text: string): Promise<string> {
  const context = await browser.newContext();
  await signInAs(context, demo.rabatPen);
  const pen = await context.newPage();
  await pen.goto("/dialogues/rabat");
  const form = pen.getByRole("region", { name: "New paper" });
  await form.getByLabel("Title").fill(title);
  await form.getByRole("button", { name: "Create paper" }).click();
  await expect(pen).toHaveURL(/\/papers\/[0-9a-f-]{36}$/);
  const paperPath = new URL(pen.url()).pathname;
  await pen.getByRole("button", { name: "Open consultation" }).click();
  await expect(pen.getByText("Consultation", { exact: true })).toBeVisible();
  await waitForText(pen);
  await pen.getByRole("textbox", { name: /^Text of / }).click();
  await pen.keyboard.press("ControlOrMeta+a");
  await pen.keyboard.type(text);
  await expect(pen.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  await context.close();
  return paperPath;
}
