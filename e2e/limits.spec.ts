// The collaboration socket's limits as a person meets them: a change too large to send is
// explained and the editor starts again from the server's copy, instead of sending it again on
// every reconnection (issue 15, finding 1).
import { expect, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";

test("a paste above the frame limit is explained, and the text comes back from the server", async ({
  signedInPage,
}) => {
  const dialogue = new DialoguePage(await signedInPage("rabatPen"), "rabat");
  await dialogue.goto();
  const paper = await dialogue.createPaper("Too large a paste");
  const { editor, page } = paper;
  await paper.waitForText();
  await editor.click();
  await page.keyboard.type("Kept words.");
  await expect(paper.connectionStatus).toHaveAttribute("data-state", "saved");

  // About 1.3 MB of text in one paste: above the 1 MiB frame limit.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "The partners commit to mobility partnerships. ".repeat(28_000));
    const target = document.querySelector(".ProseMirror");
    target?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });

  await expect(paper.editorNotice).toHaveText(/too large to send/, { timeout: 30_000 });
  await expect(editor).toContainText("Kept words.");
  await expect(editor).not.toContainText("mobility partnerships");
  await expect(paper.connectionStatus).toHaveAttribute("data-state", "saved");
});
