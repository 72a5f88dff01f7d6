// Drafting on a poor connection: edits made offline stay in the page, the indicator says so,
// leaving asks first, and everything merges when the connection returns.
import type { Page, WebSocketRoute } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";
import { PaperPage } from "./pages/paper-page";

/** The connection line while it changes state (the page object's `saved` covers only the last). */
const status = (page: Page) => page.locator("[role=status]").filter({ hasText: /Offline|Saving|All changes saved/ });

/**
 * Routes a page's collaboration socket through a switch, so a test can cut the line as a bad
 * connection would (emulated offline mode does not close open WebSockets), and restore it.
 */
async function cuttableLine(page: Page) {
  let cut = false;
  const sockets = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/collab/, (ws) => {
    if (cut) {
      ws.close();
      return;
    }
    ws.connectToServer();
    sockets.add(ws);
  });
  return {
    async cut() {
      cut = true;
      await page.context().setOffline(true);
      for (const ws of sockets) await ws.close();
    },
    async restore() {
      cut = false;
      await page.context().setOffline(false);
    },
  };
}

test("edits made offline are kept, announced, and merged when the connection returns", async ({ signedInPage }) => {
  const dialogue = new DialoguePage(await signedInPage("rabatPen"), "rabat");
  await dialogue.goto();
  const penPaper = await dialogue.createPaper("Offline drafting on diaspora remittances");
  const { page: pen, path: paperPath } = penPaper;
  await penPaper.waitForText();
  await penPaper.editor.click();
  await pen.keyboard.type("Remittances reduce poverty.");
  await expect(status(pen)).toHaveText("All changes saved");

  const fr = await signedInPage("rabatFr");
  const frPaper = new PaperPage(fr, paperPath);
  const line = await cuttableLine(fr);
  await frPaper.goto();
  await expect(frPaper.editor).toContainText("Remittances reduce poverty.");
  await expect(status(fr)).toHaveText("All changes saved");

  await line.cut();
  await expect(status(fr)).toContainText("Offline");
  await frPaper.typeAtEndOfFirstParagraph(" France adds: costs must fall.");
  await expect(frPaper.editor).toContainText("France adds: costs must fall.");
  await expect(status(fr)).toContainText("Offline");

  // Meanwhile the penholder goes on writing.
  await penPaper.editor.locator("p").first().click();
  await pen.keyboard.press("Control+End");
  await pen.keyboard.press("Enter");
  await pen.keyboard.type("Morocco proposes a diaspora bond.");
  await expect(status(pen)).toHaveText("All changes saved");
  await expect(penPaper.editor).not.toContainText("France adds");

  // Leaving with edits not yet sent asks first.
  const asked = fr.waitForEvent("dialog");
  await fr.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  expect(fr.isClosed()).toBe(false);

  await line.restore();
  for (const { editor } of [frPaper, penPaper]) {
    // The provider retries with a growing delay (up to 30 s).
    await expect(editor).toContainText("Remittances reduce poverty. France adds: costs must fall.", {
      timeout: 45_000,
    });
    await expect(editor).toContainText("Morocco proposes a diaspora bond.");
  }
  await expect(status(fr)).toHaveText("All changes saved");

  // Nothing acknowledged is lost: a fresh load shows both.
  await pen.reload();
  await expect(penPaper.editor).toContainText("France adds: costs must fall.");
  await expect(penPaper.editor).toContainText("Morocco proposes a diaspora bond.");
});

test("words typed offline that the server can no longer take are kept for copying, with why", async ({
  signedInPage,
}) => {
  const dialogue = new DialoguePage(await signedInPage("rabatPen"), "rabat");
  await dialogue.goto();
  const penPaper = await dialogue.createPaper("Offline drafting overtaken by consultation");
  await penPaper.waitForText();
  await penPaper.editor.click();
  await penPaper.page.keyboard.type("Return is voluntary.");
  await expect(penPaper.allChangesSaved).toBeVisible();

  const fr = await signedInPage("rabatFr");
  const frPaper = new PaperPage(fr, penPaper.path);
  const line = await cuttableLine(fr);
  await frPaper.open();
  // In draft the delegate edits directly; the line drops while they type.
  await line.cut();
  await expect(status(fr)).toContainText("Offline");
  await frPaper.typeAtEndOfFirstParagraph(" France adds: with reintegration support.");

  // Meanwhile the penholder opens consultation: delegates may now only suggest.
  await penPaper.openConsultation();

  await line.restore();
  // The server refuses the direct edit; the page starts again from the server's text, and what
  // the delegate typed is kept, with why, for copying.
  const kept = fr.getByRole("alert").filter({ hasText: "Not saved: what you typed is kept here" });
  await expect(kept).toBeVisible({ timeout: 45_000 });
  await expect(kept.getByRole("textbox", { name: "What you typed" })).toHaveValue(
    "France adds: with reintegration support.",
  );
  await expect(kept).toContainText(/only propose changes as suggestions|refused your last change/);
  await expect(frPaper.editor).not.toContainText("France adds");
  await expect(penPaper.editor).not.toContainText("France adds");
  await expectAccessible(fr);
  await kept.getByRole("button", { name: "Dismiss" }).click();
  await expect(kept).toHaveCount(0);
});
