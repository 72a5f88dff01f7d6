// The bilingual export in Chromium (issue 19): from the side-by-side page of a French version, a
// member downloads the original and the version in two aligned columns, in Word and in PDF; each
// holds both texts, paragraph by paragraph, and its fingerprint names both languages.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { expect, expectAccessible, test } from "./fixtures";
import { PaperPage } from "./pages/paper-page";

test("a member downloads the original and its French version side by side, in Word and PDF", async ({
  paperInConsultation,
  openPaperAs,
}) => {
  test.setTimeout(180_000);
  const path = await paperInConsultation(
    `Bilingual ${Date.now().toString(36)}`,
    "Recalling the Rabat Process on migration and development.\nDecides to meet every year.",
  );
  const chair = await openPaperAs("rabatChair", path);
  await chair.addLanguageVersion("fr");
  const parallel = new URL(chair.page.url());

  // The penholder translates paragraph 1, then downloads both files from the same page.
  const penholder = await openPaperAs("rabatPen", parallel.pathname + parallel.search);
  const view = new PaperPage(penholder.page, path);
  await view.waitForText();
  await view.editor.locator("p[data-original-number='1']").click({ clickCount: 3 });
  await penholder.page.keyboard.type("Rappelant le Processus de Rabat sur la migration et le développement.");
  await expect(view.allChangesSaved).toBeVisible();
  const links = penholder.page.getByTestId("bilingual-export");
  await expect(links.getByRole("heading", { name: "Bilingual export" })).toBeVisible();
  await expectAccessible(penholder.page);

  const download = async (name: RegExp) => {
    const [received] = await Promise.all([
      penholder.page.waitForEvent("download"),
      links.getByRole("link", { name }).click(),
    ]);
    return { filename: received.suggestedFilename(), bytes: await readFile((await received.path()) ?? "") };
  };
  const word = await download(/bilingual Word \(French\)/);
  expect(word.filename).toMatch(/-en-fr\.docx$/);
  const files = unzipSync(new Uint8Array(word.bytes));
  const xml = strFromU8(files["word/document.xml"] as Uint8Array);
  const row = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]).find((r) => r.includes(">1.<"));
  expect(row).toContain("Recalling the Rabat Process");
  expect(row).toContain("Rappelant le Processus de Rabat");
  expect(strFromU8(files["docProps/core.xml"] as Uint8Array)).toMatch(/;texts=en\+fr/);

  const pdf = await download(/bilingual PDF \(French\)/);
  expect(pdf.filename).toMatch(/-en-fr\.pdf$/);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf.bytes, encoding: "utf8" }).replace(
    /\s+/g,
    " ",
  );
  expect(text).toContain("Recalling the Rabat Process");
  expect(text).toContain("Rappelant le Processus de Rabat");
  expect(text).toContain("Decides to meet every year.");
});
