// A paper's history reads as sentences in the viewer's language: every audit action and its
// details translated (status names, procedure, outcome, positions, countries), never raw
// `to: consultation · from: draft`; in French with its narrow no-break spaces.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { demo, signInAs } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";

const NNBSP = "\u202f";

/** The seeded submitted paper's history, as the MME chair (no saved language) in a browser set to `locale`. */
async function historyAs(browser: Browser, locale: string): Promise<{ page: Page; events: string[] }> {
  const context = await browser.newContext({ locale });
  await signInAs(context, demo.mmeChair);
  const page = await context.newPage();
  const paper = await new DialoguePage(page, "mme").seededPaperHref();
  await page.goto(`${paper}/history`);
  const events = page.getByTestId("history-event");
  await expect(events.first()).toBeVisible();
  // textContent, not innerText: the narrow no-break spaces must be there as they are.
  return { page, events: await events.evaluateAll((items) => items.map((item) => item.textContent ?? "")) };
}

function expectNoRawDetails(events: string[]): void {
  for (const event of events) {
    expect(event).not.toMatch(/\b(?:to|from|number|hash|outcome|partner|value|procedure|deadline|reference): /);
    // Enum values as stored (status_changed, not_agreed, position_paper…).
    expect(event).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  }
}

test("the history is told in English sentences", async ({ browser }) => {
  const { page, events } = await historyAs(browser, "en-GB");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const all = events.join("\n");
  expect(all).toContain("Paper created: “");
  expect(all).toContain("Status changed from Draft to Consultation");
  expect(all).toContain("Status changed from Consultation to Approval");
  expect(all).toContain("Status changed from Agreed to Submitted");
  expect(all).toMatch(/Rev\.1 frozen/);
  expect(all).toMatch(/SHA-256: [0-9a-f]{64}/);
  expect(all).toMatch(/Approval round opened on Rev\.1 \(consensus\), deadline /);
  expect(all).toContain("Approval round closed: agreed");
  expect(all).toContain("Position of Germany recorded: Approve");
  expect(all).toMatch(/Submitted to the HLD as \S+ \(Rev\.1\)/);
  expectNoRawDetails(events);
  await page.context().close();
});

test("the history is told in French sentences, with French spacing", async ({ browser }) => {
  const { page, events } = await historyAs(browser, "fr-FR");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Historique");
  const all = events.join("\n");
  expect(all).toContain(`Document créé${NNBSP}: «${NNBSP}`);
  expect(all).toContain(`Statut modifié${NNBSP}: de Projet à Consultation`);
  expect(all).toContain(`Statut modifié${NNBSP}: de Consultation à Approbation`);
  expect(all).toContain(`Statut modifié${NNBSP}: de Adopté à Soumis`);
  expect(all).toMatch(/Rév\.1 figée/);
  expect(all).toMatch(new RegExp(`SHA-256${NNBSP}: [0-9a-f]{64}`));
  expect(all).toMatch(/Tour d’approbation ouvert sur la Rév\.1 \(consensus\), échéance le /);
  expect(all).toContain(`Tour d’approbation clos${NNBSP}: adopté`);
  expect(all).toContain(`Position enregistrée pour Allemagne${NNBSP}: Approuve`);
  expect(all).toMatch(/Soumis au DHN sous la référence \S+ \(Rév\.1\)/);
  expectNoRawDetails(events);
  // No English left: not a single sentence of the English history.
  expect(all).not.toMatch(/Status changed|Position of|Approval round|Paper created/);
  await page.context().close();
});
