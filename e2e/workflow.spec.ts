import { type Browser, expect, type Page, test } from "@playwright/test";
import { demo, expectAccessible, signInAs } from "./fixtures";

const rabatStates = [
  { email: demo.rabatChair, partner: "Senegal" },
  { email: demo.rabatPen, partner: "Morocco" },
  { email: demo.rabatFr, partner: "France" },
  { email: "es@rabat.accord.test", partner: "Spain" },
  { email: "ml@rabat.accord.test", partner: "Mali" },
];

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  await signInAs(context, email);
  return context.newPage();
}

async function openPaper(page: Page, title: RegExp | string): Promise<string> {
  await page.goto("/dialogues/rabat");
  await page.getByRole("link", { name: title }).first().click();
  await expect(page).toHaveURL(/\/papers\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

async function freezeAndOpenRound(chair: Page, procedure: "consensus" | "silence" = "consensus") {
  const form = chair.getByRole("form", { name: "Freeze Rev.1 and open an approval round" });
  await form.getByLabel(procedure === "consensus" ? /^Consensus/ : /^Silence procedure/).check();
  await form.getByRole("button", { name: "Freeze Rev.1 and open the round" }).click();
  await expect(chair).toHaveURL(/\/approval$/);
  await expect(chair.getByRole("heading", { name: "Round on Rev.1 · open" })).toBeVisible();
}

async function recordPosition(
  page: Page,
  paperPath: string,
  partner: string,
  value: "Approve" | "Abstain" | "Object",
  reason?: string,
) {
  await page.goto(`${paperPath}/approval`);
  const form = page.getByRole("form", { name: `Position of ${partner}` });
  await form.getByLabel(value, { exact: true }).check();
  if (reason) await form.getByLabel(/^Reason/).fill(reason);
  await form.getByRole("button", { name: "Record position" }).click();
  // The outcome, as every member sees it: the partner's line of the round.
  await expect(page.getByTestId("position-row").filter({ hasText: partner })).toContainText(value);
}

test("the Rabat Process agrees Rev.1 and the chair submits it to the HLD, hash intact", async ({ browser }) => {
  const chair = await pageAs(browser, demo.rabatChair);
  const paperPath = await openPaper(chair, /Rabat Process recommendations/);
  await freezeAndOpenRound(chair);
  const roundHash = (await chair.getByTestId("round-hash").textContent())?.trim() ?? "";
  expect(roundHash).toMatch(/^[0-9a-f]{64}$/);
  await expect(chair.getByTestId("position-row")).toHaveCount(5);
  await expect(chair.getByText("Not answered yet")).toHaveCount(5);
  await expectAccessible(chair);

  // Every state speaks through its own delegate, in its own session.
  for (const [i, state] of rabatStates.entries()) {
    const page = state.email === demo.rabatChair ? chair : await pageAs(browser, state.email);
    if (i === 2) {
      await page.goto("/notifications");
      await expect(page.getByTestId("notification").first()).toContainText("An approval round is open");
    }
    await recordPosition(page, paperPath, state.partner, "Approve");
    if (page !== chair) await page.context().close();
  }

  await chair.goto(paperPath);
  await expect(chair.getByText("Agreed", { exact: true })).toBeVisible();
  const submit = chair.getByRole("form", { name: "Submit to the HLD" });
  await submit.getByRole("button", { name: "Submit to the HLD" }).click();
  await expect(chair).toHaveURL(/\/approval$/);
  await expect(chair.getByTestId("submission-reference")).toHaveText("HLD/2013/RABAT/001");
  await expect(chair.getByTestId("submission-hash")).toHaveText(roundHash);

  await chair.goto(`${paperPath}/history`);
  const history = chair.getByTestId("history-event");
  await expect(history.filter({ hasText: "Revision frozen" })).toHaveCount(1);
  await expect(history.filter({ hasText: "Position recorded" })).toHaveCount(5);
  await expect(history.filter({ hasText: "Submitted to the HLD" })).toHaveCount(1);
  await chair.context().close();

  const hld = await pageAs(browser, demo.hld);
  await hld.goto("/hld");
  const row = hld.getByRole("row").filter({ hasText: "HLD/2013/RABAT/001" });
  await expect(row).toContainText(roundHash);
  await hld.context().close();
});

test("one objection sends the paper back to consultation", async ({ browser }) => {
  const chair = await pageAs(browser, demo.rabatChair);
  await chair.goto("/dialogues/rabat");
  await chair.getByLabel("Title").fill("Rabat Process position on visa facilitation");
  await chair.getByRole("button", { name: "Create paper" }).click();
  await expect(chair).toHaveURL(/\/papers\/[0-9a-f-]{36}$/);
  const paperPath = new URL(chair.url()).pathname;
  await chair.getByRole("button", { name: "Open consultation" }).click();
  await expect(chair.getByText("Consultation", { exact: true })).toBeVisible();
  await freezeAndOpenRound(chair);

  const spain = await pageAs(browser, "es@rabat.accord.test");
  await spain.goto(`${paperPath}/approval`);
  const form = spain.getByRole("form", { name: "Position of Spain" });
  // An objection without a reason is refused and changes nothing.
  await form.getByLabel("Object", { exact: true }).check();
  await form.getByRole("button", { name: "Record position" }).click();
  await expect(form.getByRole("alert")).toHaveText("An objection needs a reason.");
  await expect(spain.getByText("Not answered yet")).toHaveCount(5);
  await recordPosition(
    spain,
    paperPath,
    "Spain",
    "Object",
    "Paragraph 2 prejudges the outcome of the Rabat ministerial.",
  );
  await spain.context().close();

  await chair.goto(`${paperPath}/approval`);
  await expect(chair.getByRole("heading", { name: /Round on Rev.1 · not agreed/ })).toBeVisible();
  await expect(chair.getByTestId("position-row").filter({ hasText: "Spain" })).toContainText("Paragraph 2 prejudges");
  await chair.goto(paperPath);
  await expect(chair.getByText("Consultation", { exact: true })).toBeVisible();
  await chair.context().close();
});
