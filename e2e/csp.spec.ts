// Issue 15, finding 7: the Content Security Policy lets only the scripts of this response run.
// Every page is served with a fresh nonce that Next puts on its own scripts; the sign-in page,
// the live editor and the verify page work under it without a single reported violation, while
// a script injected into the page without the nonce does not run.
import type { BrowserContext, Page, Response } from "@playwright/test";
import { demo, expect, signInAs, test } from "./fixtures";
import { PaperPage } from "./pages/paper-page";

type Violation = { directive: string; blocked: string; sample: string };

/**
 * A page whose CSP violations are collected as the browser reports them (the listener is added
 * by the browser before any of the page's scripts, so the policy does not apply to it).
 */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; violations: () => Promise<Violation[]> }> {
  await context.addInitScript(() => {
    const seen: { directive: string; blocked: string; sample: string }[] = [];
    (window as unknown as { __cspViolations: typeof seen }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  const page = await context.newPage();
  const consoleRefusals: Violation[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      consoleRefusals.push({ directive: "console", blocked: "", sample: message.text() });
  });
  return {
    page,
    violations: async () => [
      ...(await page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations)),
      ...consoleRefusals,
    ],
  };
}

/** Whether React hydrated the page, which only Next's scripts do (React marks the nodes it owns). */
async function expectHydrated(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__react"))),
    )
    .toBe(true);
}

/** The nonce of the response's script-src, after checking the policy's other essentials. */
function nonceOf(response: Response | null): string {
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval");
  const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce as string;
}

test("the sign-in page runs under a nonce policy, fresh for every response", async ({ browser }) => {
  const context = await browser.newContext();
  const { page, violations } = await watchedPage(context);
  const first = nonceOf(await page.goto("/signin"));
  // Next's scripts carry the nonce (the browser hides the attribute's value from the DOM).
  expect(await page.evaluate(() => [...document.scripts].every((script) => script.nonce !== ""))).toBe(true);
  await expectHydrated(page);
  expect(await violations()).toEqual([]);
  const second = nonceOf(await page.goto("/signin"));
  expect(second).not.toBe(first);
  await context.close();
});

test("the live editor connects, syncs and saves without a violation", async ({ browser, paperInConsultation }) => {
  const paperPath = await paperInConsultation(`CSP paper ${Date.now()}`, "Text written under the policy.");
  const context = await browser.newContext();
  await signInAs(context, demo.rabatPen);
  const { page, violations } = await watchedPage(context);
  nonceOf(await page.goto(paperPath));
  const paper = new PaperPage(page, paperPath);
  await paper.waitForText();
  await expect(paper.editor).toContainText("Text written under the policy.");
  await paper.editor.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" And more.");
  await expect(paper.allChangesSaved).toBeVisible();
  expect(await violations()).toEqual([]);
  await context.close();
});

test("the verify page checks a file without a violation", async ({ browser }) => {
  const context = await browser.newContext();
  const { page, violations } = await watchedPage(context);
  nonceOf(await page.goto("/verify"));
  await expectHydrated(page);
  await page.getByLabel(/^Exported file/).setInputFiles({
    name: "copy.md",
    mimeType: "text/markdown",
    buffer: Buffer.from("# Not a submitted paper\n", "utf8"),
  });
  await page
    .locator("form")
    .filter({ has: page.getByLabel(/^Exported file/) })
    .getByRole("button", { name: "Verify" })
    .click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-outcome", /\w/);
  expect(await violations()).toEqual([]);
  await context.close();
});

test("a script injected into the page without the nonce does not run, and the page still works", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const { page, violations } = await watchedPage(context);
  // As if stored markup reached the HTML as served (with the real policy): an inline script and
  // an inline event handler, the two shapes of an XSS payload.
  const payload =
    '<script>window.__injected = "script"</script>' +
    '<img src="/nothing-here.png" alt="" onerror="window.__injected = \'handler\'">';
  await page.route("**/signin", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${payload}</body>`) });
  });
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  const refused = (await violations()).map((v) => v.directive);
  expect(refused).toContain("script-src-elem");
  expect(refused).toContain("script-src-attr");
  // Next's own scripts ran.
  await expectHydrated(page);
  await context.close();
});
