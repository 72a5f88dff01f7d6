import { expect, type Locator, type Page, type Response } from "@playwright/test";
import { ApprovalPage } from "./approval-page";
import { CommentsPanel } from "./comments-panel";

/** A paper's page (`/papers/<id>`): its live text, the save status, comments, workflow and exports. */
export class PaperPage {
  /** The live editor (absent until the text has arrived, and for readers without a socket). */
  readonly editor: Locator;
  /** The stored text as shown without the live editor (a submitted paper's agreed text). */
  readonly storedText: Locator;
  readonly heading: Locator;
  /** The editor's connection line; its `data-state` says whether the text has arrived. */
  readonly connectionStatus: Locator;
  /** Saved, for an editor; up to date, for a reader. */
  readonly saved: Locator;
  readonly allChangesSaved: Locator;
  readonly formattingToolbar: Locator;
  readonly suggestModeSwitch: Locator;
  readonly bracketButton: Locator;
  readonly presence: Locator;
  /** A refusal the editor shows after the server turned an edit down. */
  readonly editorNotice: Locator;
  readonly comments: CommentsPanel;
  readonly openConsultationButton: Locator;
  readonly freezeButton: Locator;
  readonly exports: Locator;

  constructor(
    readonly page: Page,
    /** `/papers/<id>` */
    readonly path: string,
  ) {
    this.editor = page.getByRole("textbox", { name: /^Text of / });
    this.storedText = page.getByRole("article", { name: /^Text of / });
    this.heading = page.getByRole("heading", { level: 1 });
    this.connectionStatus = page.locator(".connection-status");
    this.saved = page.getByRole("status").filter({ hasText: /All changes saved|Up to date/ });
    this.allChangesSaved = page.getByRole("status").filter({ hasText: "All changes saved" });
    this.formattingToolbar = page.getByRole("toolbar", { name: "Formatting" });
    this.suggestModeSwitch = page.getByRole("button", { name: "Suggest changes" });
    this.bracketButton = page.getByRole("button", { name: "Bracket the paragraph (not agreed)" });
    this.presence = page.getByRole("list", { name: "In this paper now" });
    this.editorNotice = page.getByTestId("editor-notice");
    this.comments = new CommentsPanel(page);
    this.openConsultationButton = page.getByRole("button", { name: "Open consultation" });
    this.freezeButton = page.getByRole("button", { name: "Freeze Rev.1 and open the round" });
    this.exports = page.getByRole("region", { name: "Export" });
  }

  /** Waits until the browser has landed on a paper's page (after creating, importing or following a link). */
  static async landedOn(page: Page, options?: { timeout?: number }): Promise<PaperPage> {
    // An import that brought suggestions or comments adds `?imported=1` (its summary).
    await expect(page).toHaveURL(/\/papers\/[0-9a-f-]{36}(\?imported=1)?$/, options);
    return new PaperPage(page, new URL(page.url()).pathname);
  }

  goto(): Promise<Response | null> {
    return this.page.goto(this.path);
  }

  /** Goes to the paper and waits until its live text has arrived and is saved (or, for a reader, up to date). */
  async open(): Promise<this> {
    await this.goto();
    await expect(this.editor).toBeVisible();
    await this.waitForText();
    await expect(this.saved).toBeVisible();
    return this;
  }

  /**
   * Waits until the paper's text has arrived from the collaboration server: until then the page
   * shows "Connecting…" and no editor to type into.
   */
  async waitForText(): Promise<void> {
    await expect(this.connectionStatus).not.toHaveAttribute("data-state", "connecting");
  }

  /** The paper's workflow status as its badge shows it ("Draft", "Consultation", "Agreed"…). */
  status(name: string): Locator {
    return this.page.getByText(name, { exact: true });
  }

  /** The numbered paragraph `n` of the live text. */
  paragraph(n: number): Locator {
    return this.editor.locator(`p[data-paragraph-number='${n}']`);
  }

  /** The paragraph numbers the text shows, in order (only numbered paragraphs carry one). */
  paragraphNumbers(): Promise<number[]> {
    return this.editor
      .locator("[data-paragraph-number]")
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-paragraph-number"))));
  }

  /** The editor's text without other users' caret labels. */
  plainText(): Promise<string> {
    return this.editor.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return copy.textContent ?? "";
    });
  }

  /** The text of each paragraph of the editor, without other users' caret labels. */
  paragraphTexts(): Promise<string[]> {
    return this.editor.evaluate((element) =>
      [...element.querySelectorAll("p")].map((paragraph) => {
        const copy = paragraph.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
        return copy.textContent ?? "";
      }),
    );
  }

  /** Replaces the whole text with `text`, typed. */
  async replaceText(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.type(text);
  }

  /** Types `text` at the end of the first paragraph. */
  /**
   * Adds a language version from the paper page (its "Language versions" section); the browser
   * lands on the side-by-side view. Returns the version's id.
   */
  async addLanguageVersion(language: string): Promise<string> {
    await this.page.goto(this.path);
    const versions = this.page.getByTestId("language-versions");
    await versions.getByRole("combobox", { name: "Language", exact: true }).selectOption(language);
    await versions.getByRole("button", { name: "Add the version" }).click();
    await expect(this.page).toHaveURL(/\/parallel\?with=[0-9a-f-]{36}$/);
    return new URL(this.page.url()).searchParams.get("with") ?? "";
  }

  async typeAtEndOfFirstParagraph(text: string): Promise<void> {
    await this.editor.locator("p").first().click();
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(text);
  }

  /** Selects the text of the first paragraph with the mouse, as a reader would. */
  async selectFirstParagraph(): Promise<void> {
    await this.editor.locator("p").first().click({ clickCount: 3 });
  }

  async openConsultation(): Promise<void> {
    await this.openConsultationButton.click();
    await expect(this.status("Consultation")).toBeVisible();
  }

  /** The form that freezes Rev.1 and opens its round (the chair's). */
  get freezeForm(): Locator {
    return this.page.getByRole("form", { name: "Freeze Rev.1 and open an approval round" });
  }

  /**
   * Freezes Rev.1 under the chosen procedure; the browser lands on the open round. With
   * `carryOver`, pending suggestions are carried over to the next draft.
   */
  async freezeAndOpenRound(
    procedure: "consensus" | "silence" = "consensus",
    { carryOver = false }: { carryOver?: boolean } = {},
  ): Promise<ApprovalPage> {
    const form = this.freezeForm;
    await form.getByLabel(procedure === "consensus" ? /^Consensus/ : /^Silence procedure/).check();
    if (carryOver) await form.getByLabel("Carry them over to the next draft").check();
    await form.getByRole("button", { name: "Freeze Rev.1 and open the round" }).click();
    await this.confirm("Freeze Rev.1 and open the round?", "Freeze and open the round");
    await expect(this.page).toHaveURL(/\/approval$/);
    const approval = new ApprovalPage(this.page, this.path);
    await expect(approval.flash).toHaveText("Revision frozen; the approval round is open.");
    await expect(approval.roundHeading("Round on Rev.1 · open")).toBeVisible();
    return approval;
  }

  /** Submits the agreed revision; the browser lands on the approval page, which shows the submission. */
  async submitToHld(): Promise<ApprovalPage> {
    const form = this.page.getByRole("form", { name: "Submit to the HLD" });
    await form.getByRole("button", { name: "Submit to the HLD" }).click();
    await this.confirm(/^Submit Rev\.\d+ to the HLD\?$/, "Submit to the HLD");
    await expect(this.page).toHaveURL(/\/approval$/);
    const approval = new ApprovalPage(this.page, this.path);
    await expect(approval.flash).toHaveText("Submitted to the HLD.");
    return approval;
  }

  /** The question an irreversible action asks first (a modal dialog). */
  confirmation(title: string | RegExp): Locator {
    return this.page.getByRole("dialog", { name: title });
  }

  /** Answers yes to the question an irreversible action asks first. */
  async confirm(title: string | RegExp, confirmLabel: string): Promise<void> {
    const dialog = this.confirmation(title);
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: confirmLabel }).click();
    await expect(dialog).toBeHidden();
  }
}
