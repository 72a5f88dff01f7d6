import { expect, expectAccessible, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";
import { PaperPage } from "./pages/paper-page";

test("a penholder creates a paper and opens it", async ({ signedInPage }) => {
  const dialogue = new DialoguePage(await signedInPage("rabatPen"), "rabat");
  await dialogue.goto();
  const title = `Rabat Process position on diaspora engagement ${Date.now().toString(36)}`;
  const paper = await dialogue.createPaper(title, "position_paper");
  await expect(paper.heading).toHaveText(title);
  await expect(paper.page.getByText("Position paper")).toBeVisible();
  await expect(paper.status("Draft")).toBeVisible();
  await expectAccessible(paper.page);

  await dialogue.goto();
  await expect(dialogue.paperLink(title)).toBeVisible();
});

test("the seeded paper shows its text with UN paragraph numbers", async ({ signedInPage }) => {
  const page = await signedInPage("rabatObserver");
  const dialogue = new DialoguePage(page, "rabat");
  await dialogue.goto();
  await dialogue.paperLink(/Rabat Process recommendations/).click();
  // The live editor replaces the stored text once connected; both number the same way.
  const paper = await PaperPage.landedOn(page);
  await expect(paper.editor).toContainText("Rabat Process");
  const numbers = await paper.paragraphNumbers();
  expect(numbers.length).toBeGreaterThan(2);
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  // An observer may not create papers.
  await dialogue.goto();
  await expect(dialogue.newPaperHeading).toHaveCount(0);
});
