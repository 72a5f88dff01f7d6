// Comments, mentions and suggestions end to end, on a paper of the Rabat Process created here
// (the seeded ones are left as they are): a delegate comments and the penholder sees it
// live and replies; a mention notifies; a delegate in consultation suggests instead of editing;
// the penholder accepts one suggestion and rejects another; an observer comments but has no
// suggest or accept control.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { demo, expectAccessible, paperInConsultation, signInAs, waitForText } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = `Rabat comments ${Date.now().toString(36)}`;
const TEXT = "Partners commit to mobility partnerships";
let paperPath = "";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  await signInAs(context, email);
  return context.newPage();
}

const editorOf = (page: Page) => page.getByRole("textbox", { name: /^Text of / });
const panelOf = (page: Page) => page.getByRole("complementary", { name: "Comments and suggestions" });

async function openPaper(browser: Browser, email: string): Promise<Page> {
  const page = await pageAs(browser, email);
  await page.goto(paperPath);
  await expect(editorOf(page)).toBeVisible();
  await waitForText(page);
  await expect(page.getByRole("status").filter({ hasText: /All changes saved|Up to date/ })).toBeVisible();
  return page;
}

/** The editor's text without other users' caret labels. */
const plainText = (page: Page) =>
  editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  });

/** Selects the text of the first paragraph with the mouse, as a reader would. */
async function selectFirstParagraph(page: Page) {
  await editorOf(page).locator("p").first().click({ clickCount: 3 });
}

test("the penholder prepares a paper in consultation", async ({ browser }) => {
  paperPath = await paperInConsultation(browser, TITLE, TEXT);
});

test("a delegate comments on a passage; the penholder sees it live and replies; the mention notifies", async ({
  browser,
}) => {
  const pen = await openPaper(browser, demo.rabatPen);
  const fr = await openPaper(browser, demo.rabatFr);

  await selectFirstParagraph(fr);
  await panelOf(fr).getByRole("button", { name: "Comment on the selected text" }).click();
  const body = "@Youssef El Amrani could we add visas? <script>alert(1)</script>";
  await panelOf(fr).getByLabel("Your comment").fill(body);
  await panelOf(fr).getByRole("button", { name: "Post comment" }).click();
  const frThread = panelOf(fr).getByRole("article", { name: "Thread by Claire Dubois" });
  await expect(frThread).toBeVisible();
  await expect(editorOf(fr).locator(".comment-highlight").first()).toBeVisible();

  // Live on the penholder's page, without reloading; the body is text, not markup.
  const penThread = panelOf(pen).getByRole("article", { name: "Thread by Claire Dubois" });
  await expect(penThread).toContainText("<script>alert(1)</script>");
  await expect(penThread.locator("script")).toHaveCount(0);
  await expect(penThread.locator(".mention")).toHaveText("@Youssef El Amrani");
  await expect(editorOf(pen).locator("p[data-open-threads='1']")).toHaveCount(1);
  await penThread.getByLabel("Reply to the thread of Claire Dubois").fill("Yes, with legal pathways.");
  await penThread.getByRole("button", { name: "Reply" }).click();
  await expect(frThread).toContainText("Yes, with legal pathways.");
  await expectAccessible(pen);

  // The mention: the bell counts it and the list links to the thread.
  await pen.reload();
  await expect(pen.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await pen.goto("/notifications");
  const entry = pen.getByTestId("notification").filter({ hasText: `You were mentioned in a comment on “${TITLE}”` });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("link")).toHaveAttribute("href", /\/papers\/[0-9a-f-]{36}#thread-[0-9a-f-]{36}$/);
  await pen.context().close();
  await fr.context().close();
});

test("a delegate's typing becomes suggestions; the penholder accepts one and rejects another", async ({ browser }) => {
  const pen = await openPaper(browser, demo.rabatPen);
  const fr = await openPaper(browser, demo.rabatFr);
  await expect(fr.getByRole("button", { name: "Suggest changes" })).toHaveAttribute("aria-pressed", "true");
  await expect(fr.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);

  const editor = editorOf(fr);
  await editor.locator("p").first().click();
  await fr.keyboard.press("End");
  await fr.keyboard.type(" and visas");
  await expect(editor.locator("ins.suggestion-insert")).toHaveText(" and visas");
  await fr.keyboard.press("Home");
  for (let i = 0; i < "Partners ".length; i++) await fr.keyboard.press("Shift+ArrowRight");
  await fr.keyboard.press("Delete");
  await expect(editor.locator("del.suggestion-delete")).toHaveText("Partners ");
  // The text is unchanged for everyone: the deletion is only proposed.
  await expect(editorOf(pen).locator("del.suggestion-delete")).toHaveText("Partners ");
  await expect(editorOf(pen).locator("ins.suggestion-insert")).toHaveText(" and visas");
  await expect(fr.getByTestId("editor-notice")).toHaveCount(0);

  const suggestions = panelOf(pen).getByRole("list", { name: "Suggestions" });
  await expect(suggestions.getByRole("listitem")).toHaveCount(2);
  await expectAccessible(pen);
  await panelOf(pen)
    .getByRole("button", { name: /^Accept the suggestion of Claire Dubois: Insert/ })
    .click();
  await expect(editorOf(pen).locator("ins.suggestion-insert")).toHaveCount(0);
  await panelOf(pen)
    .getByRole("button", { name: /^Reject the suggestion of Claire Dubois: Delete/ })
    .click();
  for (const page of [pen, fr]) {
    await expect(editorOf(page).locator("del.suggestion-delete")).toHaveCount(0);
    await expect(editorOf(page).locator("ins.suggestion-insert")).toHaveCount(0);
    await expect.poll(() => plainText(page)).toContain(`${TEXT} and visas`);
  }
  // The delegate has no accept control.
  await expect(panelOf(fr).getByRole("button", { name: /^Accept/ })).toHaveCount(0);
  await pen.context().close();
  await fr.context().close();
});

test("an observer can comment but has no suggest or accept control", async ({ browser }) => {
  const observer = await openPaper(browser, demo.rabatObserver);
  await expect(editorOf(observer)).toHaveAttribute("aria-readonly", "true");
  await expect(observer.getByRole("button", { name: "Suggest changes" })).toHaveCount(0);
  await expect(panelOf(observer).getByRole("button", { name: /^(Accept|Reject)/ })).toHaveCount(0);
  await selectFirstParagraph(observer);
  await panelOf(observer).getByRole("button", { name: "Comment on the selected text" }).click();
  await panelOf(observer).getByLabel("Your comment").fill("IOM supports this paragraph.");
  await panelOf(observer).getByRole("button", { name: "Post comment" }).click();
  await expect(panelOf(observer).getByRole("article", { name: "Thread by Helen Okafor" })).toBeVisible();
  await expect(observer.getByTestId("editor-notice")).toHaveCount(0);
  await expectAccessible(observer);
  await observer.context().close();
});
