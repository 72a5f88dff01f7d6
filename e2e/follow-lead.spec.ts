// "Follow the chair": the chair moves through the text; a delegate who follows sees the chair's
// paragraph highlighted live, and the chair hands the lead to the penholder.
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = "Follow the chair";
const TEXT = "First paragraph of the session.\nSecond paragraph, where the chair is.\nThird paragraph.";
let paperPath = "";

test("the penholder prepares a paper in consultation", async ({ paperInConsultation }) => {
  paperPath = await paperInConsultation(TITLE, TEXT);
});

test("a delegate follows the chair to paragraph 2", async ({ openPaperAs }) => {
  const chair = await openPaperAs("rabatChair", paperPath);
  const ml = await openPaperAs("rabatMl", paperPath);

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
