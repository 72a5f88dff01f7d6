import { type Browser, expect, type Page, test } from "@playwright/test";
import { demo, expectAccessible, paperInConsultation, signInAs } from "./fixtures";

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

// Each test works on papers of its own, so a retry starts from the same state as the first try.
const unique = () => Date.now().toString(36);

test("the Rabat Process agrees Rev.1 and the chair submits it to the HLD, hash intact", async ({ browser }) => {
  const paperPath = await paperInConsultation(
    browser,
    `Rabat Process conclusions on legal migration ${unique()}`,
    "Partners will open legal pathways for workers and students.",
  );
  const chair = await pageAs(browser, demo.rabatChair);
  await chair.goto(paperPath);
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
  const referenceCell = chair.getByTestId("submission-reference");
  await expect(referenceCell).toHaveText(/^HLD\/2013\/RABAT\/\d{3}$/);
  const reference = (await referenceCell.textContent())?.trim() ?? "";
  await expect(chair.getByTestId("submission-hash")).toHaveText(roundHash);

  await chair.goto(`${paperPath}/history`);
  const history = chair.getByTestId("history-event");
  await expect(history.filter({ hasText: "Revision frozen" })).toHaveCount(1);
  await expect(history.filter({ hasText: "Position recorded" })).toHaveCount(5);
  await expect(history.filter({ hasText: "Submitted to the HLD" })).toHaveCount(1);
  await chair.context().close();

  const hld = await pageAs(browser, demo.hld);
  await hld.goto("/hld");
  const row = hld.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText(roundHash);
  await hld.context().close();
});

test("one objection sends the paper back to consultation", async ({ browser }) => {
  const chair = await pageAs(browser, demo.rabatChair);
  await chair.goto("/dialogues/rabat");
  const newPaper = chair.getByRole("region", { name: "New paper" });
  await newPaper.getByLabel("Title").fill(`Rabat Process position on visa facilitation ${unique()}`);
  await newPaper.getByRole("button", { name: "Create paper" }).click();
  await expect(chair).toHaveURL(/\/papers\/[0-9a-f-]{36}$/);
  const paperPath = new URL(chair.url()).pathname;
  const text = chair.getByRole("textbox", { name: /^Text of / });
  await text.click();
  await chair.keyboard.type("Visa facilitation for researchers.");
  await expect(chair.getByRole("status").filter({ hasText: /saved|up to date/i })).toBeVisible();
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

  // The chair amends the text; Rev.1 compared with the live text shows the new words.
  const live = chair.getByRole("textbox", { name: /^Text of / });
  await live.locator("p[data-paragraph-number='1']").click();
  await chair.keyboard.press("End");
  await chair.keyboard.press("ArrowLeft");
  await chair.keyboard.type(" and students");
  await expect(live).toContainText("Visa facilitation for researchers and students.");
  await expect(async () => {
    await chair.goto(`${paperPath}/compare?from=1&to=live&view=inline`);
    await expect(chair.getByTestId("compare-inline").locator("ins")).toContainText("and students", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(chair.getByTestId("compare-inline").locator("[data-number='1'], .paragraph-number").first()).toHaveText(
    "1.",
  );
  await expectAccessible(chair);
  await chair.goto(`${paperPath}/compare?from=1&to=live&view=side`);
  await expect(chair.getByTestId("compare-side").locator("ins")).toContainText("and students");
  await chair.context().close();
});

test("the penholder brackets a paragraph; bracketed text cannot be put to a round until agreed", async ({
  browser,
}) => {
  const paperPath = await paperInConsultation(
    browser,
    `Rabat Process position on return ${unique()}`,
    "Return should be voluntary wherever possible.",
  );
  const chair = await pageAs(browser, demo.rabatChair);
  await chair.goto(paperPath);
  const text = chair.getByRole("textbox", { name: /^Text of / });
  await text.locator("p[data-paragraph-number='1']").click();
  const toolbar = chair.getByRole("toolbar");
  const bracket = toolbar.getByRole("button", { name: "Bracket the paragraph (not agreed)" });
  await bracket.click();
  await expect(bracket).toHaveAttribute("aria-pressed", "true");
  await expect(text.locator("p[data-paragraph-number='1']")).toHaveAttribute("data-agreement", "bracketed");
  await expect(text.locator("p[data-paragraph-number='1'] .agreement-bracket")).toHaveText(["[", "]"]);
  await expect(chair.getByRole("status").filter({ hasText: /saved|up to date/i })).toBeVisible();

  // A delegate sees the brackets live, but has no control to change them.
  const france = await pageAs(browser, demo.rabatFr);
  await france.goto(paperPath);
  const franceText = france.getByRole("textbox", { name: /^Text of / });
  await expect(franceText.locator("p[data-paragraph-number='1']")).toHaveAttribute("data-agreement", "bracketed");
  await expect(france.getByRole("button", { name: "Bracket the paragraph (not agreed)" })).toHaveCount(0);
  await france.context().close();

  // Either the panel already knows, or the server refuses the freeze: the same message.
  const freeze = chair.getByRole("button", { name: "Freeze Rev.1 and open the round" });
  if (await freeze.isVisible()) await freeze.click();
  await expect(chair.getByText(/still has \[bracketed\] paragraphs/).first()).toBeVisible();
  await expect(chair).not.toHaveURL(/\/approval$/);

  await chair.goto(paperPath);
  await chair
    .getByRole("textbox", { name: /^Text of / })
    .locator("p[data-paragraph-number='1']")
    .click();
  await chair.getByRole("toolbar").getByRole("button", { name: "Bracket the paragraph (not agreed)" }).click();
  await expect(chair.getByRole("textbox", { name: /^Text of / }).locator("[data-agreement]")).toHaveCount(0);
  // Once the stored text has caught up, the round can be opened.
  await expect(async () => {
    await chair.goto(paperPath);
    await expect(chair.getByRole("button", { name: "Freeze Rev.1 and open the round" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await freezeAndOpenRound(chair);
  await chair.context().close();
});
