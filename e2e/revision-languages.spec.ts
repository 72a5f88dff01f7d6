// A revision freezes every language version with its original (issue 19), in Chromium: the
// chair adds a French version, changes the original's paragraph 1 so that its translation lags,
// and freezes Rev.1. The approval page says which languages were frozen and that the French
// paragraph 1 was outdated; the French text of Rev.1 has its own page, whose export carries the
// revision hash, names the French text in its fingerprint and lists the languages on its cover;
// the version's approval page sends states to the original. Axe-clean.
import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "./fixtures";

test("a revision freezes the French version with the original and says its paragraph 1 lagged", async ({
  paperInConsultation,
  openPaperAs,
}) => {
  test.setTimeout(180_000);
  const path = await paperInConsultation(
    `Frozen languages ${Date.now().toString(36)}`,
    "Recalling the Rabat Process on migration and development.\nDecides to meet every year.",
  );
  const chair = await openPaperAs("rabatChair", path);
  const versionId = await chair.addLanguageVersion("fr");

  // The original's paragraph 1 changes after the copy: its French translation now lags.
  const original = await openPaperAs("rabatChair", path);
  await original.typeAtEndOfFirstParagraph(" It welcomes the new partners.");
  await expect(original.allChangesSaved).toBeVisible();
  const approval = await original.freezeAndOpenRound();

  const frozen = approval.page.getByTestId("frozen-languages");
  await expect(frozen.getByRole("heading", { name: "Languages frozen together" })).toBeVisible();
  const rows = frozen.getByTestId("frozen-language");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-language", "en");
  await expect(rows.nth(0)).toContainText("English");
  await expect(rows.nth(0)).toContainText("Original");
  await expect(rows.nth(1)).toHaveAttribute("data-language", "fr");
  await expect(rows.nth(1)).toContainText("Outdated paragraphs: 1 (paragraphs 1)");
  // Each language's own hash, and the revision's that covers both.
  const revisionHash = (await approval.roundHash.textContent())?.trim() ?? "";
  expect(revisionHash).toMatch(/^[0-9a-f]{64}$/);
  await frozen.getByText("Each language's text hash").click();
  const hashes = await frozen.getByTestId("frozen-language-hash").allTextContents();
  expect(hashes).toHaveLength(2);
  for (const hash of hashes) {
    expect(hash.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(hash.trim()).not.toBe(revisionHash);
  }
  await expectAccessible(approval.page);

  // The French text of Rev.1, from the approval page.
  await frozen.getByRole("link", { name: "Read the French text" }).click();
  await expect(approval.page).toHaveURL(new RegExp(`/papers/${versionId}/revisions/1$`));
  await expect(approval.page.getByTestId("revision-hash")).toHaveText(revisionHash);
  await expect(approval.page.getByTestId("frozen-languages").getByTestId("frozen-language")).toHaveCount(2);
  await expect(approval.page.getByRole("article")).toContainText("Recalling the Rabat Process");
  await expectAccessible(approval.page);
  const link = approval.page.getByTestId("export-md");
  const [received] = await Promise.all([approval.page.waitForEvent("download"), link.click()]);
  expect(received.suggestedFilename()).toMatch(/-fr\.md$/);
  const markdown = await readFile((await received.path()) ?? "", "utf8");
  expect(markdown).toContain(`accord:sha256=${revisionHash};lang=en;texts=fr`);
  expect(markdown).toContain("English (original); French (translation outdated: 1; paragraphs 1)");

  // The version's approval page shows the original's round and sends states there.
  await approval.page.goto(`/papers/${versionId}/approval`);
  await expect(approval.page.getByTestId("version-approval-note")).toContainText(
    "States take their position on the original",
  );
  await expect(approval.page.getByTestId("round-hash")).toHaveText(revisionHash);
  // Positions are taken on the original only.
  await expect(approval.page.getByRole("heading", { name: /^Position of / })).toHaveCount(0);
  await approval.page.getByRole("link", { name: "The original's approval page" }).click();
  await expect(approval.page).toHaveURL(new RegExp(`${path}/approval$`));
});
