// The collaboration socket's limits as a person meets them: a change too large to send is
// explained and the editor starts again from the server's copy, instead of sending it again on
// every reconnection (issue 15, finding 1).
import { expect, test } from "@playwright/test";
import { demo, signInAs, waitForText } from "./fixtures";

test("a paste above the frame limit is explained, and the text comes back from the server", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, demo.rabatPen);
  const page = await context.newPage();
  await page.goto("/dialogues/rabat");
  const newPaper = page.getByRole("region", { name: "New paper" });
  await newPaper.getByLabel("Title").fill("Too large a paste");
  await newPaper.getByRole("button", { name: "Create paper" }).click();
  await expect(page).toHaveURL(/\/papers\/[0-9a-f-]{36}$/);
  const editor = page.getByRole("textbox", { name: /^Text of / });
  await waitForText(page);
  await editor.click();
  await page.keyboard.type("Kept words.");
  await expect(page.locator(".connection-status")).toHaveAttribute("data-state", "saved");

  // About 1.3 MB of text in one paste: above the 1 MiB frame limit.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "The partners commit to mobility partnerships. ".repeat(28_000));
    const target = document.querySelector(".ProseMirror");
    target?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });

  await expect(page.getByTestId("editor-notice")).toHaveText(/too large to send/, { timeout: 30_000 });
  await expect(editor).toContainText("Kept words.");
  await expect(editor).not.toContainText("mobility partnerships");
  await expect(page.locator(".connection-status")).toHaveAttribute("data-state", "saved");
  await context.close();
});
