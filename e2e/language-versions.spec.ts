// Language versions in Chromium (issue 19): the chair adds a French version of a paper in
// consultation; the side-by-side view lines the original's paragraphs up with the version's,
// numbered as in the original; the penholder translates paragraph 1 there; the chair then
// changes the original's paragraph 1, which the translator's open page shows live, and the French
// one is flagged "translation outdated" (in the margin and in the list) until the translator
// confirms it. Axe-clean, and usable at 390 px. The secretariat adds Portuguese to a dialogue's
// working languages, and the version picker of its papers offers it from then on.
import { expect, expectAccessible, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";
import { PaperPage } from "./pages/paper-page";

test("a French version: added by the chair, aligned side by side, outdated when the original changes, confirmed", async ({
  paperInConsultation,
  openPaperAs,
  signedInPage,
}) => {
  test.setTimeout(180_000);
  const path = await paperInConsultation(
    `Versions ${Date.now().toString(36)}`,
    "Recalling the Rabat Process on migration and development.\nDecides to meet every year.",
  );

  // The chair adds a French version from the paper page; the browser lands on the parallel view.
  const chair = await openPaperAs("rabatChair", path);
  const versions = chair.page.getByTestId("language-versions");
  await expect(versions.getByRole("heading", { name: "Language versions" })).toBeVisible();
  await expect(versions).toContainText("English (original) (this text)");
  await expect(chair.page.getByRole("button", { name: "Return to draft" })).toBeVisible();
  await expectAccessible(chair.page);
  await versions.getByRole("combobox", { name: "Language", exact: true }).selectOption("fr");
  await versions.getByRole("button", { name: "Add the version" }).click();
  await expect(chair.page).toHaveURL(/\/papers\/[0-9a-f-]{36}\/parallel\?with=[0-9a-f-]{36}$/);
  const parallelUrl = new URL(chair.page.url());
  const versionId = parallelUrl.searchParams.get("with") ?? "";
  await expect(chair.page.getByRole("heading", { level: 1 })).toContainText("Side by side");

  // Both texts, row by row: each original paragraph is drawn level with its French paragraph.
  const chairParallel = new PaperPage(chair.page, `/papers/${versionId}`);
  await chairParallel.waitForText();
  const originals = chair.page.getByTestId("parallel-original");
  await expect(originals).toHaveCount(2);
  await expect(originals.nth(0)).toContainText("Recalling the Rabat Process");
  await expect(originals.nth(0)).toHaveAttribute("data-paragraph", "1");
  await expect(originals.nth(1)).toHaveAttribute("data-paragraph", "2");
  const frenchParagraphs = chairParallel.editor.locator("p[data-original-number]");
  await expect(frenchParagraphs).toHaveCount(2);
  for (const i of [0, 1]) {
    const left = await originals.nth(i).boundingBox();
    const right = await frenchParagraphs.nth(i).boundingBox();
    expect(Math.abs((left?.y ?? 0) - (right?.y ?? 100)), `row ${i + 1} aligned`).toBeLessThan(4);
    expect(right?.x ?? 0).toBeGreaterThan((left?.x ?? 0) + (left?.width ?? 0) - 1);
  }
  await expect(chair.page.getByTestId("outdated-translations")).toContainText("Every paragraph is up to date");
  await expectAccessible(chair.page);

  // The penholder translates paragraph 1 in the parallel view.
  const translatorPage = await signedInPage("rabatPen");
  await translatorPage.goto(parallelUrl.pathname + parallelUrl.search);
  const translator = new PaperPage(translatorPage, `/papers/${versionId}`);
  await translator.waitForText();
  const first = translator.editor.locator("p[data-original-number='1']");
  // A triple click selects the paragraph's text (it wraps in its half of the page).
  await first.click({ clickCount: 3 });
  await translatorPage.keyboard.type("Rappelant le Processus de Rabat sur la migration et le développement.");
  await expect(translator.allChangesSaved).toBeVisible();
  await expect(first).toHaveText("Rappelant le Processus de Rabat sur la migration et le développement.");
  // The edit counts as an updated translation once the version's text is stored (compaction,
  // two seconds after the last keystroke): the original changes only after that.
  await translatorPage.waitForTimeout(4_000);

  // The chair changes the original's paragraph 1.
  const original = await openPaperAs("rabatChair", path);
  await original.typeAtEndOfFirstParagraph(" It welcomes the new partners.");
  await expect(original.allChangesSaved).toBeVisible();

  // The translator's open page follows the original live, and flags the paragraph at once.
  await expect(translatorPage.getByTestId("parallel-original").first()).toContainText("It welcomes the new partners.");
  await expect(translator.editor.getByTestId("translation-outdated")).toHaveCount(1);

  // As the server reads it: the French paragraph 1 is outdated, in the margin and in the list;
  // paragraph 2 is not.
  await translatorPage.reload();
  await translator.waitForText();
  await expect(translatorPage.getByTestId("parallel-original").first()).toContainText("It welcomes the new partners.");
  const flags = translator.editor.getByTestId("translation-outdated");
  await expect(flags).toHaveCount(1);
  await expect(translator.editor.locator("p[data-original-number='1']")).toContainText("Translation outdated");
  const list = translatorPage.getByTestId("outdated-translations");
  await expect(list.getByTestId("outdated-item")).toHaveCount(1);
  await expect(list.getByTestId("outdated-item")).toContainText("Paragraph 1");
  await expect(list).toContainText("It welcomes the new partners.");
  await expectAccessible(translatorPage);

  // The version's own page lists it too, and numbers its paragraphs as the original's.
  const versionPage = await openPaperAs("rabatChair", `/papers/${versionId}`);
  await expect(versionPage.page.getByTestId("outdated-item")).toContainText("Paragraph 1");
  await expect(versionPage.editor.locator("p[data-original-number='1']")).toContainText("Rappelant");
  await expect(versionPage.page.getByTestId("paper-language")).toHaveText("French");
  // Its workflow is the original's: no stage control of its own.
  await expect(versionPage.page.getByRole("button", { name: "Return to draft" })).toHaveCount(0);
  await expect(
    versionPage.page.getByTestId("language-versions").getByRole("link", { name: "English (original)" }),
  ).toBeVisible();

  // The translator confirms: the flag and the list entry go.
  await list.getByRole("form", { name: "Confirm the translation of paragraph 1" }).getByRole("button").click();
  await expect(list).toContainText("Every paragraph is up to date");
  await expect(flags).toHaveCount(0);
  await translatorPage.reload();
  await translator.waitForText();
  await expect(translator.editor.getByTestId("translation-outdated")).toHaveCount(0);

  // On a phone the two texts stack, each original paragraph above its translation.
  await translatorPage.setViewportSize({ width: 390, height: 844 });
  await translatorPage.reload();
  await translator.waitForText();
  await expect(translatorPage.getByTestId("parallel-original").first()).toBeVisible();
  // Nothing of the page's own content is wider than the phone (the header's six language
  // buttons are the header's business: e2e/screens.spec.ts).
  const tooWide = await translatorPage.evaluate(() =>
    [...document.querySelectorAll("main *")]
      .filter((el) => el.getBoundingClientRect().right > 390.5)
      .map((el) => `${el.tagName}.${el.className}`),
  );
  expect(tooWide).toEqual([]);
  const top = await translatorPage.getByTestId("parallel-original").first().boundingBox();
  const below = await translator.editor.locator("p[data-original-number='1']").boundingBox();
  expect(below?.y ?? 0).toBeGreaterThan((top?.y ?? 0) + (top?.height ?? 0) - 1);
  await expectAccessible(translatorPage);
});

test("the secretariat adds Portuguese to a dialogue's working languages; its papers' picker then offers it", async ({
  signedInPage,
}) => {
  test.setTimeout(120_000);
  const token = Date.now().toString(36);
  const slug = `khartoum-${token}`;
  const admin = await signedInPage("admin");

  // A dialogue of its own, so the spec sees the languages from the start whatever ran before.
  await admin.goto("/admin");
  await admin.getByLabel("Name", { exact: true }).fill(`Khartoum Process ${token}`);
  await admin.getByLabel("Address").fill(slug);
  await admin.getByLabel("Code").fill(`K${token.toUpperCase()}`.slice(0, 12));
  await admin.getByRole("button", { name: "Create dialogue" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Dialogue created." })).toBeVisible();

  // A paper of the dialogue: the six UN languages are offered, not Portuguese.
  const dialogue = new DialoguePage(admin, slug);
  await dialogue.goto();
  await expect(admin.getByTestId("working-languages")).toHaveText(
    "Working languages: Arabic, Chinese, English, French, Russian, and Spanish",
  );
  const paper = await dialogue.createPaper(`Free movement ${token}`);
  const picker = admin.getByTestId("language-versions").getByRole("combobox", { name: "Language", exact: true });
  await expect(picker.locator("option")).toHaveText(["Arabic", "Chinese", "French", "Russian", "Spanish"]);

  // The dialogue's administration page: the six always available, Portuguese ticked and saved.
  await admin.goto(`/admin/dialogues/${slug}`);
  const section = admin.getByRole("region", { name: "Working languages" });
  await expect(section.getByTestId("un-languages")).toHaveText(
    "Always available, the six UN languages: Arabic, Chinese, English, French, Russian, and Spanish.",
  );
  const others = section.getByRole("group", { name: "Other languages of the dialogue" });
  const portuguese = others.getByRole("checkbox", { name: "Portuguese", exact: true });
  await expect(portuguese).not.toBeChecked();
  await portuguese.check();
  const form = admin.getByRole("form", { name: "Working languages" });
  await form.getByRole("button", { name: "Save the languages" }).click();
  await expect(form.getByRole("status")).toHaveText("Working languages saved.");
  await expectAccessible(admin);
  await admin.reload();
  await expect(others.getByRole("checkbox", { name: "Portuguese", exact: true })).toBeChecked();
  await expect(others.getByRole("checkbox", { checked: true })).toHaveCount(1);

  // Participants see it on the dialogue's page; the paper's picker offers it, and a version follows.
  await dialogue.goto();
  await expect(admin.getByTestId("working-languages")).toHaveText(
    "Working languages: Arabic, Chinese, English, French, Russian, Spanish, and Portuguese",
  );
  await paper.goto();
  await expect(picker.locator("option")).toHaveText([
    "Arabic",
    "Chinese",
    "French",
    "Russian",
    "Spanish",
    "Portuguese",
  ]);
  await picker.selectOption("pt");
  await admin.getByTestId("language-versions").getByRole("button", { name: "Add the version" }).click();
  await expect(admin).toHaveURL(/\/papers\/[0-9a-f-]{36}\/parallel\?with=[0-9a-f-]{36}$/);
  const versionId = new URL(admin.url()).searchParams.get("with") ?? "";
  await admin.goto(`/papers/${versionId}`);
  await expect(admin.getByTestId("paper-language")).toHaveText("Portuguese");

  // A language a paper is written in stays: its box is ticked and cannot be cleared.
  await admin.goto(`/admin/dialogues/${slug}`);
  const kept = others.getByRole("checkbox", { name: "Portuguese (a paper is written in it)" });
  await expect(kept).toBeChecked();
  await expect(kept).toBeDisabled();
  await expectAccessible(admin);
});

test("the side-by-side view edits the original too, with the French beside it flagged as the chair types", async ({
  paperInConsultation,
  openPaperAs,
}) => {
  test.setTimeout(180_000);
  const path = await paperInConsultation(
    `Both sides ${Date.now().toString(36)}`,
    "Recalling the Rabat Process on migration and development.\nDecides to meet every year.",
  );
  const chair = await openPaperAs("rabatChair", path);
  await chair.addLanguageVersion("fr");

  // The chair switches the view to edit the original, the French read-only beside it.
  await chair.page.getByRole("link", { name: "Edit the original (English) here" }).click();
  await expect(chair.page).toHaveURL(/\/parallel\?with=[0-9a-f-]{36}&edit=original$/);
  const view = new PaperPage(chair.page, path);
  await view.waitForText();
  const originals = view.editor.locator("p[data-original-number]");
  const french = chair.page.getByTestId("parallel-version");
  await expect(originals).toHaveCount(2);
  await expect(french).toHaveCount(2);
  await expect(french.nth(0)).toHaveAttribute("lang", "fr");
  for (const i of [0, 1]) {
    // Each original paragraph sits level with its French one, in the start column.
    const left = await originals.nth(i).boundingBox();
    const right = await french.nth(i).boundingBox();
    expect(Math.abs((left?.y ?? 0) - (right?.y ?? 100)), `row ${i + 1} aligned`).toBeLessThan(4);
    expect(right?.x ?? 0).toBeGreaterThan((left?.x ?? 0) + (left?.width ?? 0) - 1);
  }
  await expect(french.getByText("Translation outdated")).toHaveCount(0);
  await expectAccessible(chair.page);

  // Typing in the original's paragraph 1 flags its French translation at once, and is saved.
  await originals.nth(0).click();
  await chair.page.keyboard.press("End");
  await chair.page.keyboard.type(" It welcomes the new partners.");
  await expect(view.allChangesSaved).toBeVisible();
  await expect(french.nth(0).getByText("Translation outdated")).toBeVisible();
  await expect(french.nth(1).getByText("Translation outdated")).toHaveCount(0);
  const original = await openPaperAs("rabatChair", path);
  await expect(original.editor.locator("p").first()).toContainText("It welcomes the new partners.");

  // And back to editing the French version.
  await chair.page.getByRole("link", { name: "Edit the French version here" }).click();
  await expect(chair.page).toHaveURL(/\/parallel\?with=[0-9a-f-]{36}$/);
  await expect(chair.page.getByTestId("parallel-original").first()).toContainText("It welcomes the new partners.");
});

test("two language versions side by side: the Spanish edited beside the French, then the other way round", async ({
  paperInConsultation,
  openPaperAs,
}) => {
  test.setTimeout(180_000);
  const path = await paperInConsultation(
    `Two versions ${Date.now().toString(36)}`,
    "Recalling the Rabat Process on migration and development.\nDecides to meet every year.",
  );
  const chair = await openPaperAs("rabatChair", path);
  const frenchId = await chair.addLanguageVersion("fr");
  const spanishId = await chair.addLanguageVersion("es");

  // From the French version's page, the Spanish opens beside it.
  await chair.page.goto(`/papers/${frenchId}`);
  await chair.page.getByTestId("language-versions").getByRole("link", { name: "Side by side: Spanish" }).click();
  await expect(chair.page).toHaveURL(new RegExp(`/papers/${frenchId}/parallel\\?with=${spanishId}$`));
  const view = new PaperPage(chair.page, `/papers/${spanishId}`);
  await view.waitForText();
  const cells = chair.page.getByTestId("parallel-original");
  await expect(cells).toHaveCount(2);
  await expect(cells.first()).toHaveAttribute("lang", "fr");
  await expect(chair.page.getByText("Version: French")).toBeAttached();
  await expect(chair.page.getByText("Version: Spanish")).toBeAttached();
  await expect(view.editor.locator("p[data-original-number]")).toHaveCount(2);
  await expectAccessible(chair.page);

  // The other way round: the French edited beside the Spanish.
  await chair.page.getByRole("link", { name: "Edit the French version here" }).click();
  await expect(chair.page).toHaveURL(new RegExp(`/papers/${spanishId}/parallel\\?with=${frenchId}$`));
  await new PaperPage(chair.page, `/papers/${frenchId}`).waitForText();
  await expect(chair.page.getByTestId("parallel-original").first()).toHaveAttribute("lang", "es");
});
