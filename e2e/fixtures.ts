// The e2e specs' `test`: pages signed in through Auth.js's API (the form itself is tested once, in
// auth.spec), closed after the test, and a paper in consultation made by the Rabat penholder.
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, type BrowserContextOptions, test as base, expect, type Page } from "@playwright/test";
import { DialoguePage } from "./pages/dialogue-page";
import { PaperPage } from "./pages/paper-page";

export { expect };

export const DEMO_PASSWORD = "accord-demo-2013";

/** Seeded accounts (db seed), by the role they play in the specs. */
export const demo = {
  admin: "admin@accord.test",
  hld: "hld@accord.test",
  rabatChair: "chair@rabat.accord.test",
  rabatPen: "pen@rabat.accord.test",
  rabatFr: "fr@rabat.accord.test",
  rabatEs: "es@rabat.accord.test",
  rabatMl: "ml@rabat.accord.test",
  rabatObserver: "observer@rabat.accord.test",
  budapestChair: "chair@budapest.accord.test",
  budapestHu: "hu@budapest.accord.test",
  mmeChair: "chair@mme.accord.test",
} as const;

export type DemoRole = keyof typeof demo;
/** An account the spec made itself. */
export type Account = { email: string; password: string };

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

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Fails with the list of violations when a page breaks WCAG 2.1 A/AA rules (with `wcag22`, 2.2 AA
 * too: e2e/screens.spec checks every page so; other specs keep 2.1).
 */
export async function expectAccessible(page: Page, options: { wcag22?: boolean } = {}): Promise<void> {
  const tags = options.wcag22 ? [...WCAG_21_AA, "wcag22a", "wcag22aa"] : WCAG_21_AA;
  // A page a server action has just re-rendered gets its <title> back from the streamed metadata
  // a moment later: judge the settled page (every page has a title, which this also checks).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

/**
 * A page in a browser context of its own, signed in as a demo role (or an account the spec made).
 * Each call is a separate session; every context is closed after the test.
 */
export type SignedInPage = (who: DemoRole | Account, options?: BrowserContextOptions) => Promise<Page>;

type Fixtures = {
  signedInPage: SignedInPage;
  /** The paper at `path`, opened as `role` in a session of its own (see PaperPage.open). */
  openPaperAs: (role: DemoRole, path: string) => Promise<PaperPage>;
  /**
   * As the Rabat penholder, in a context of its own: creates a paper titled `title` whose text is
   * `text`, opens consultation, and waits until the text is saved. Returns the paper's path.
   */
  paperInConsultation: (title: string, text: string) => Promise<string>;
};

export const test = base.extend<Fixtures>({
  signedInPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who, options) => {
      const { email, password } = typeof who === "string" ? { email: demo[who], password: DEMO_PASSWORD } : who;
      const context = await browser.newContext(options);
      contexts.push(context);
      await signInAs(context, email, password);
      return context.newPage();
    });
    // Closing a context twice is harmless: specs close some early to free the browser.
    for (const context of contexts) await context.close();
  },

  openPaperAs: async ({ signedInPage }, use) => {
    await use(async (role, path) => new PaperPage(await signedInPage(role), path).open());
  },

  paperInConsultation: async ({ signedInPage }, use) => {
    await use(async (title, text) => {
      const pen = await signedInPage("rabatPen");
      const dialogue = new DialoguePage(pen, "rabat");
      await dialogue.goto();
      const paper = await dialogue.createPaper(title);
      await paper.openConsultation();
      await paper.waitForText();
      await paper.replaceText(text);
      await expect(paper.allChangesSaved).toBeVisible();
      await pen.context().close();
      return paper.path;
    });
  },
});
