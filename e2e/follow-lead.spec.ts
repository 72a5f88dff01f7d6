// "Follow the chair": the chair moves through the text; a delegate who follows sees the chair's
// paragraph highlighted live; the chair hands the lead to the penholder through the page and takes
// it back. Presence names each state in the viewer's language.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = "Follow the chair";
const TEXT = "First paragraph of the session.\nSecond paragraph, where the chair is.\nThird paragraph.";
let paperPath = "";

const youLead = (page: Page) => page.getByText(/^You lead the session: /);
const followButton = (page: Page) => page.getByRole("button", { name: /^Follow / });

test("the penholder prepares a paper in consultation", async ({ paperInConsultation }) => {
  paperPath = await paperInConsultation(TITLE, TEXT);
});

test("a delegate follows the chair to paragraph 2", async ({ openPaperAs }) => {
  const chair = await openPaperAs("rabatChair", paperPath);
  const ml = await openPaperAs("rabatMl", paperPath);

  // The chair's own page says they lead: the server told it (it never sees its own stamp).
  await expect(youLead(chair.page)).toBeVisible();
  await expect(followButton(chair.page)).toHaveCount(0);
  await expect(youLead(ml.page)).toHaveCount(0);

  await chair.editor.locator("p").nth(1).click();
  const follow = ml.page.getByRole("button", { name: /^Follow .* \(chair\)$/ });
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(ml.editor.locator("p").nth(1)).toHaveClass(/followed-paragraph/);
  await expect(ml.page.getByText(/is at paragraph 2$/)).toBeAttached();

  // The chair moves on: the highlight follows.
  await chair.editor.locator("p").nth(2).click();
  await expect(ml.editor.locator("p").nth(2)).toHaveClass(/followed-paragraph/);
  await expect(ml.editor.locator("p").nth(1)).not.toHaveClass(/followed-paragraph/);
});

test("the chair hands the lead to the penholder through the page, a follower follows the penholder, and the chair takes the lead back", async ({
  openPaperAs,
}) => {
  const chair = await openPaperAs("rabatChair", paperPath);
  const pen = await openPaperAs("rabatPen", paperPath);
  const ml = await openPaperAs("rabatMl", paperPath);

  // Only members who take part in the text are offered: not the observer, not the chair.
  const handTo = chair.page.getByLabel("Hand the lead to");
  const offered = await handTo.locator("option").allTextContents();
  expect(offered).toContain("Youssef El Amrani (Morocco)");
  expect(offered).toContain("Moussa Keïta (Mali)");
  expect(offered.some((o) => o.includes("Helen Okafor"))).toBe(false);
  expect(offered.some((o) => o.includes("Aminata Diop"))).toBe(false);
  await expectAccessible(chair.page);

  await expect(youLead(chair.page)).toBeVisible();
  await expect(youLead(pen.page)).toHaveCount(0);
  await ml.page.getByRole("button", { name: /^Follow Aminata Diop \(chair\)$/ }).click();

  await handTo.selectOption({ label: "Youssef El Amrani (Morocco)" });
  await chair.page.getByRole("button", { name: "Hand the lead", exact: true }).click();
  await expect(chair.page.getByRole("status").filter({ hasText: "The lead is handed over." })).toBeVisible();

  // The penholder's page says they lead; the chair's no longer does.
  await expect(youLead(pen.page)).toBeVisible();
  await expect(youLead(chair.page)).toHaveCount(0);
  await expect(chair.page.getByRole("button", { name: /^Follow Youssef El Amrani \(leading\)$/ })).toBeVisible();

  // The follower still follows, now the penholder: the highlight moves as the penholder moves.
  const followPen = ml.page.getByRole("button", { name: /^Follow Youssef El Amrani \(leading\)$/ });
  await expect(followPen).toHaveAttribute("aria-pressed", "true");
  await pen.editor.locator("p").nth(0).click();
  await expect(ml.editor.locator("p").nth(0)).toHaveClass(/followed-paragraph/);
  await expect(ml.page.getByText("Youssef El Amrani is at paragraph 1")).toBeAttached();
  await pen.editor.locator("p").nth(2).click();
  await expect(ml.editor.locator("p").nth(2)).toHaveClass(/followed-paragraph/);
  await expect(ml.editor.locator("p").nth(0)).not.toHaveClass(/followed-paragraph/);
  await expect(ml.page.getByText("Youssef El Amrani is at paragraph 3")).toBeAttached();

  // The chair takes the lead back.
  await chair.page.getByRole("button", { name: "Take back the lead" }).click();
  await expect(chair.page.getByRole("status").filter({ hasText: "You lead the session again." })).toBeVisible();
  await expect(youLead(chair.page)).toBeVisible();
  await expect(youLead(pen.page)).toHaveCount(0);
  await expect(ml.page.getByRole("button", { name: /^Follow Aminata Diop \(chair\)$/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await chair.editor.locator("p").nth(1).click();
  await expect(ml.editor.locator("p").nth(1)).toHaveClass(/followed-paragraph/);
});

test("presence names each state in the viewer's language", async ({ openPaperAs, signedInPage }) => {
  await openPaperAs("rabatChair", paperPath);
  const english = await openPaperAs("rabatEs", paperPath);
  // French from the browser's language, not a saved choice: screens.spec relies on France's
  // delegate having saved none.
  const french = await signedInPage("rabatFr", { locale: "fr-FR" });
  await french.goto(paperPath);
  await expect(french.locator("html")).toHaveAttribute("lang", "fr");
  const frenchList = french.getByRole("list", { name: /^Dans ce document en ce moment/ });
  await expect(frenchList.getByText("Aminata Diop, Sénégal", { exact: true })).toBeVisible();
  await expect(frenchList.getByText("Javier Ruiz, Espagne", { exact: true })).toBeVisible();

  await expect(english.presence.getByText("Aminata Diop, Senegal", { exact: true })).toBeVisible();
  await expect(english.presence.getByText("Claire Dubois, France", { exact: true })).toBeVisible();
});
