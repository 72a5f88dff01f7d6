// The shared editor end to end: two delegates typing into one paper at once, presence and
// carets, live paragraph numbers, read-only access and refusals.
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { demo, expectAccessible, seededPaperHref, signInAs, waitForText } from "./fixtures";

/** Signs in, opens the seeded paper of the dialogue and waits for the live editor. */
async function openEditor(
  browser: { newContext: () => Promise<BrowserContext> },
  email: string,
  dialogueSlug: string,
): Promise<{ context: BrowserContext; page: Page; href: string }> {
  const context = await browser.newContext();
  await signInAs(context, email);
  const page = await context.newPage();
  const href = await seededPaperHref(page, dialogueSlug);
  await page.goto(href);
  await expect(editorOf(page)).toBeVisible();
  await waitForText(page);
  return { context, page, href };
}

const editorOf = (page: Page) => page.getByRole("textbox", { name: /^Text of / });

/**
 * Runs in the page: opens /collab and sends Hocuspocus's authentication message for one
 * document, as the provider does. Reports whether the server denied it or granted a scope.
 */
async function authenticateOnSocket(name: string): Promise<{ denied: boolean; scope: string | null }> {
  const encoder = new TextEncoder();
  const varString = (s: string) => {
    const bytes = encoder.encode(s);
    return [bytes.length, ...bytes]; // one-byte length: names and tokens here are short
  };
  const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/collab`);
  ws.binaryType = "arraybuffer";
  return new Promise((resolve) => {
    const done = (result: { denied: boolean; scope: string | null }) => {
      ws.close();
      resolve(result);
    };
    setTimeout(() => done({ denied: false, scope: null }), 10_000);
    // [document name][message type 2 = auth][auth type 0 = token][token]
    ws.onopen = () => ws.send(new Uint8Array([...varString(name), 2, 0, ...varString("cookie")]));
    ws.onmessage = (event) => {
      const bytes = new Uint8Array(event.data as ArrayBuffer);
      const rest = bytes.slice((bytes[0] ?? 0) + 1);
      if (rest[0] !== 2) return; // not an auth message
      const text = new TextDecoder().decode(rest.slice(3));
      if (rest[1] === 1) done({ denied: true, scope: null });
      else if (rest[1] === 2) done({ denied: false, scope: text });
    };
    ws.onclose = () => done({ denied: true, scope: null });
  });
}

/** The paragraph numbers the editor shows, in order. */
async function editorNumbers(page: Page): Promise<number[]> {
  return editorOf(page)
    .locator("p[data-paragraph-number]")
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-paragraph-number"))));
}

test("two delegates edit the same paper at the same time", async ({ browser }) => {
  const chair = await openEditor(browser, demo.budapestChair, "budapest");
  const hu = await openEditor(browser, demo.budapestHu, "budapest");
  for (const { page } of [chair, hu]) {
    await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
    await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
  }

  // Both see each other in the presence list.
  for (const { page } of [chair, hu]) {
    const present = page.getByRole("list", { name: "In this paper now" });
    await expect(present.getByRole("listitem").filter({ hasText: "Elif Yılmaz" })).toBeVisible();
    await expect(present.getByRole("listitem").filter({ hasText: "Gábor Nagy" })).toBeVisible();
  }

  const before = await editorNumbers(chair.page);
  expect(before.length).toBeGreaterThan(1);
  expect(before).toEqual(before.map((_, i) => i + 1));

  // The delegate opens a paragraph after the first heading (a one-line block, so End reaches its
  // end); once the chair's page has it, both type at the same time: the chair at the end of the
  // last paragraph, the delegate in the new one. (Two paragraphs opened at the same moment are the
  // next test's case.)
  await editorOf(hu.page).locator("h2").first().click();
  await hu.page.keyboard.press("End");
  await hu.page.keyboard.press("Enter");
  // Empty but for the delegate's caret label.
  await expect(editorOf(chair.page).locator("h2 + p").first()).toHaveText(/^(Gábor Nagy)?$/);
  await editorOf(chair.page).locator("p").last().click();
  await chair.page.keyboard.press("Control+End");
  const chairTyping = chair.page.keyboard.type(" Türkiye proposes a ministerial declaration.", { delay: 15 });
  const huTyping = hu.page.keyboard.type("Hungary supports the Silk Routes partnership.", { delay: 15 });
  await Promise.all([chairTyping, huTyping]);
  for (const { page } of [chair, hu]) {
    await expect(editorOf(page)).toContainText("HLD. Türkiye proposes a ministerial declaration.");
    // The other user's caret label may sit at the end of the paragraph.
    await expect(editorOf(page).locator('p[data-paragraph-number="1"]')).toHaveText(
      /^Hungary supports the Silk Routes partnership\./,
    );
    await expect.poll(() => editorNumbers(page)).toEqual([...before, before.length + 1]);
  }

  // A paragraph added at the end is numbered next, on both sides.
  await chair.page.keyboard.press("Enter");
  await chair.page.keyboard.type("Türkiye also proposes a follow-up meeting.", { delay: 10 });
  for (const { page } of [chair, hu]) {
    await expect(editorOf(page).locator(`p[data-paragraph-number="${before.length + 2}"]`)).toHaveText(
      /^Türkiye also proposes a follow-up meeting\./,
    );
    await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  }

  // Each sees the other's caret, labelled with their name.
  await expect(chair.page.locator(".collaboration-carets__label", { hasText: "Gábor Nagy" })).toBeVisible();
  await expect(hu.page.locator(".collaboration-carets__label", { hasText: "Elif Yılmaz" })).toBeVisible();

  // Formatting from the toolbar reaches the other side.
  await chair.page.keyboard.press("Shift+Home");
  const bold = chair.page.getByRole("button", { name: "Bold" });
  // On a retry the seeded paper's last paragraph was made bold by the first try, and a new one
  // typed after it is bold already: taken off first, so the click below is what makes it bold.
  if ((await bold.getAttribute("aria-pressed")) === "true") {
    await bold.click();
    await expect(bold).toHaveAttribute("aria-pressed", "false");
  }
  await bold.click();
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await expect(
    editorOf(hu.page).locator("strong", { hasText: "Türkiye also proposes a follow-up meeting." }).last(),
  ).toBeVisible();

  // A link with a forbidden scheme is refused with a message.
  await chair.page.getByRole("button", { name: "Link" }).click();
  await chair.page.getByLabel("Link address (http, https or mailto)").fill("javascript:alert(1)");
  await chair.page.getByRole("button", { name: "Apply" }).click();
  await expect(
    chair.page.getByRole("alert").filter({ hasText: "Only http://, https:// and mailto: links are allowed." }),
  ).toBeVisible();
  // An allowed one is applied to the selection and reaches the other side.
  await chair.page.getByLabel("Link address (http, https or mailto)").fill("https://www.budapestprocess.org");
  await chair.page.getByRole("button", { name: "Apply" }).click();
  await expect(editorOf(hu.page).locator('a[href="https://www.budapestprocess.org"]').last()).toContainText(
    "Türkiye also proposes",
  );

  await expectAccessible(chair.page);

  // The text survives a reload: it was stored by the server, not only kept in the page.
  await hu.page.reload();
  await expect(editorOf(hu.page)).toContainText("Türkiye also proposes a follow-up meeting.");
  await expect(editorOf(hu.page)).toContainText("Hungary supports the Silk Routes partnership.");
  await chair.context.close();
  await hu.context.close();
});

test("no editable text is shown until the text has arrived", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, demo.budapestChair);
  const page = await context.newPage();
  const href = await seededPaperHref(page, "budapest");
  // A connection that never answers, as on a very slow line: the text never arrives.
  await page.routeWebSocket(/\/collab/, () => {});
  await page.goto(href);
  await expect(page.locator(".connection-status")).toHaveText("Connecting…");
  // No empty copy to type into: keystrokes there would land at the top of the text on merge.
  await page.waitForTimeout(1_000);
  await expect(editorOf(page)).toHaveCount(0);
  await context.close();
});

// y-tiptap 3.0.9 used to move one of the carets here (to the other user's empty paragraph or
// to the start of the text); lib/editor/caret-guard.ts makes Yjs's own position win.
test("two users starting new paragraphs at the same moment keep their own carets", async ({ browser }) => {
  const chair = await openEditor(browser, demo.budapestChair, "budapest");
  const hu = await openEditor(browser, demo.budapestHu, "budapest");
  // Words of this attempt only: the paper is shared by the specs and a retry runs on the same one.
  const run = Math.random().toString(36).slice(2, 8);
  await Promise.all([
    (async () => {
      await editorOf(chair.page).click();
      await chair.page.keyboard.press("Control+End");
      await chair.page.keyboard.press("Enter");
      await chair.page.keyboard.type(`Chair paragraph ${run}.`, { delay: 15 });
    })(),
    (async () => {
      await editorOf(hu.page).locator("h2").first().click();
      await hu.page.keyboard.press("End");
      await hu.page.keyboard.press("Enter");
      await hu.page.keyboard.type(`Delegate paragraph ${run}.`, { delay: 15 });
    })(),
  ]);
  for (const { page } of [chair, hu]) {
    await expect(editorOf(page).locator("p", { hasText: new RegExp(`^Chair paragraph ${run}\\.`) })).toHaveCount(1);
    await expect(editorOf(page).locator("p", { hasText: new RegExp(`^Delegate paragraph ${run}\\.`) })).toHaveCount(1);
  }
  await chair.context.close();
  await hu.context.close();
});

test("the toolbar is one tab stop with arrow-key navigation", async ({ browser }) => {
  const { context, page } = await openEditor(browser, demo.budapestHu, "budapest");
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await toolbar.getByRole("button").first().focus();
  await expect(toolbar.getByRole("button", { name: "Heading", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Subheading" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(toolbar.getByRole("button", { name: "Redo" })).toBeFocused();
  expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
  await context.close();
});

test("an observer sees the live text read-only, with the reason", async ({ browser }) => {
  const { context, page } = await openEditor(browser, demo.rabatObserver, "rabat");
  const editor = editorOf(page);
  await expect(editor).toHaveAttribute("contenteditable", "false");
  await expect(editor).toHaveAttribute("aria-readonly", "true");
  await expect(page.getByText("Observers can read and comment on the text but not edit it.")).toBeVisible();
  await expect(page.getByRole("toolbar")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Up to date" })).toBeVisible();
  // Read-only users are present too.
  await expect(page.getByRole("list", { name: "In this paper now" }).getByRole("listitem")).toContainText([
    "Helen Okafor",
  ]);
  const numbers = await editorNumbers(page);
  expect(numbers.length).toBeGreaterThan(2);
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  await expectAccessible(page);
  await context.close();
});

test("a delegate in consultation can only suggest and is told why", async ({ browser }) => {
  const { context, page } = await openEditor(browser, demo.rabatFr, "rabat");
  // Typing becomes suggestions (e2e/comments.spec.ts): no formatting toolbar, suggest mode forced on.
  await expect(editorOf(page)).toHaveAttribute("contenteditable", "true");
  await expect(page.getByRole("button", { name: "Suggest changes" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
  await expect(page.getByText(/you propose changes as suggestions/)).toBeVisible();
  await context.close();
});

test("a user of another dialogue gets a 404 and no live text", async ({ browser }) => {
  const budapest = await browser.newContext();
  await signInAs(budapest, demo.budapestChair);
  const href = await seededPaperHref(await budapest.newPage(), "budapest");
  await budapest.close();

  const rabat = await browser.newContext();
  await signInAs(rabat, demo.rabatFr);
  const page = await rabat.newPage();
  const response = await page.goto(href);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("textbox", { name: /^Text of / })).toHaveCount(0);

  // Opening the socket by hand (same origin, with this user's session cookie) is refused too.
  await page.goto("/dialogues");
  const paperId = href.split("/").pop() as string;
  const answer = await page.evaluate(authenticateOnSocket, paperId);
  expect(answer.scope).toBeNull();
  expect(answer.denied).toBe(true);
  await rabat.close();
});
