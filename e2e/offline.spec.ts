// Drafting on a poor connection: edits made offline stay in the page, the indicator says so,
// leaving asks first, and everything merges when the connection returns.
import { expect, type Page, test, type WebSocketRoute } from "@playwright/test";
import { demo, signInAs, waitForText } from "./fixtures";

const editorOf = (page: Page) => page.getByRole("textbox", { name: /^Text of / });
const status = (page: Page) => page.locator("[role=status]").filter({ hasText: /Offline|Saving|All changes saved/ });

test("edits made offline are kept, announced, and merged when the connection returns", async ({ browser }) => {
  const penContext = await browser.newContext();
  await signInAs(penContext, demo.rabatPen);
  const pen = await penContext.newPage();
  await pen.goto("/dialogues/rabat");
  const newPaper = pen.getByRole("region", { name: "New paper" });
  await newPaper.getByLabel("Title").fill("Offline drafting on diaspora remittances");
  await newPaper.getByRole("button", { name: "Create paper" }).click();
  await expect(pen).toHaveURL(/\/papers\/[0-9a-f-]{36}$/);
  const paperPath = new URL(pen.url()).pathname;
  await waitForText(pen);
  await editorOf(pen).click();
  await pen.keyboard.type("Remittances reduce poverty.");
  await expect(status(pen)).toHaveText("All changes saved");

  const frContext = await browser.newContext();
  await signInAs(frContext, demo.rabatFr);
  const fr = await frContext.newPage();
  // The collaboration socket goes through a switch, so the test can cut the line as a bad
  // connection would (emulated offline mode does not close open WebSockets).
  let lineCut = false;
  const sockets = new Set<WebSocketRoute>();
  await fr.routeWebSocket(/\/collab/, (ws) => {
    if (lineCut) {
      ws.close();
      return;
    }
    ws.connectToServer();
    sockets.add(ws);
  });
  await fr.goto(paperPath);
  await expect(editorOf(fr)).toContainText("Remittances reduce poverty.");
  await expect(status(fr)).toHaveText("All changes saved");

  lineCut = true;
  await frContext.setOffline(true);
  for (const ws of sockets) await ws.close();
  await expect(status(fr)).toContainText("Offline");
  await editorOf(fr).locator("p").first().click();
  await fr.keyboard.press("End");
  await fr.keyboard.type(" France adds: costs must fall.");
  await expect(editorOf(fr)).toContainText("France adds: costs must fall.");
  await expect(status(fr)).toContainText("Offline");

  // Meanwhile the penholder goes on writing.
  await editorOf(pen).locator("p").first().click();
  await pen.keyboard.press("Control+End");
  await pen.keyboard.press("Enter");
  await pen.keyboard.type("Morocco proposes a diaspora bond.");
  await expect(status(pen)).toHaveText("All changes saved");
  await expect(editorOf(pen)).not.toContainText("France adds");

  // Leaving with edits not yet sent asks first.
  const asked = fr.waitForEvent("dialog");
  await fr.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  expect(fr.isClosed()).toBe(false);

  lineCut = false;
  await frContext.setOffline(false);
  for (const page of [fr, pen]) {
    // The provider retries with a growing delay (up to 30 s).
    await expect(editorOf(page)).toContainText("Remittances reduce poverty. France adds: costs must fall.", {
      timeout: 45_000,
    });
    await expect(editorOf(page)).toContainText("Morocco proposes a diaspora bond.");
  }
  await expect(status(fr)).toHaveText("All changes saved");

  // Nothing acknowledged is lost: a fresh load shows both.
  await pen.reload();
  await expect(editorOf(pen)).toContainText("France adds: costs must fall.");
  await expect(editorOf(pen)).toContainText("Morocco proposes a diaspora bond.");
  await penContext.close();
  await frContext.close();
});
