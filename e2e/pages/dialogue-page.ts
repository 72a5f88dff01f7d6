import { expect, type Locator, type Page, type Response } from "@playwright/test";
import { PaperPage } from "./paper-page";

/** Every seeded paper's title ends so; papers the specs create do not. */
const SEEDED_TITLE = / (for|to) the 2013 High-Level Dialogue$/;

/** A dialogue's page (`/dialogues/<slug>`): its papers (listed page by page), members, new paper and import forms. */
export class DialoguePage {
  readonly newPaperForm: Locator;
  readonly newPaperHeading: Locator;
  readonly importForm: Locator;
  readonly addMemberForm: Locator;
  readonly submissionsZip: Locator;

  constructor(
    readonly page: Page,
    readonly slug: string,
  ) {
    this.newPaperForm = page.getByRole("region", { name: "New paper" });
    this.newPaperHeading = page.getByRole("heading", { name: "New paper" });
    this.importForm = page.getByRole("form", { name: "Import as a new paper" });
    this.addMemberForm = page.getByRole("form", { name: "Add a member" });
    this.submissionsZip = page.getByTestId("submissions-zip");
  }

  /** The dialogue's page, or page `listPage` of its papers. */
  goto(listPage?: number): Promise<Response | null> {
    return this.page.goto(`/dialogues/${this.slug}${listPage ? `?page=${listPage}` : ""}`);
  }

  /** The link to a paper on the current list page. */
  paperLink(title: string | RegExp): Locator {
    return this.page.getByRole("link", { name: title });
  }

  /** Creates a paper with the new-paper form (the page must be open); the browser lands on it. */
  async createPaper(title: string, kind?: string): Promise<PaperPage> {
    await this.newPaperForm.getByLabel("Title").fill(title);
    if (kind) await this.newPaperForm.getByLabel("Kind").selectOption(kind);
    await this.newPaperForm.getByRole("button", { name: "Create paper" }).click();
    return PaperPage.landedOn(this.page);
  }

  /** Sends a file to the import form (the page must be open), with `title` as the new paper's title. */
  async importDocx(file: string, title: string): Promise<void> {
    await this.importForm.getByLabel(/^Word document/).setInputFiles(file);
    // The optional title is the form's only text field.
    await this.importForm.getByRole("textbox").fill(title);
    await this.importForm.getByRole("button", { name: "Import as a new paper" }).click();
  }

  /**
   * The link of the dialogue's seeded paper, looked up page by page of the list, whatever has been
   * created meanwhile.
   */
  async seededPaperHref(): Promise<string> {
    const seeded = this.page.getByRole("table").getByRole("link", { name: SEEDED_TITLE });
    for (let n = 1; n <= 20; n++) {
      await this.goto(n);
      if ((await seeded.count()) > 0) {
        const href = await seeded.first().getAttribute("href");
        expect(href).toMatch(/^\/papers\/[0-9a-f-]{36}$/);
        return href as string;
      }
    }
    throw new Error(`no seeded paper listed in the dialogue ${this.slug}`);
  }
}
