import type { Locator, Page, Response } from "@playwright/test";

type Upload = string | { name: string; mimeType: string; buffer: Buffer };

/** The public verify page (`/verify`): checks an exported file or a hash against the submissions. */
export class VerifyPage {
  readonly fileInput: Locator;
  readonly fileForm: Locator;
  readonly hashInput: Locator;
  readonly hashForm: Locator;
  /** The outcome; its `data-outcome` is match, altered or noMatch. */
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.getByLabel(/^Exported file/);
    this.fileForm = page.locator("form").filter({ has: this.fileInput });
    this.hashInput = page.getByLabel(/SHA-256 hash/);
    this.hashForm = page.locator("form").filter({ has: this.hashInput });
    this.result = page.getByTestId("verify-result");
  }

  goto(): Promise<Response | null> {
    return this.page.goto("/verify");
  }

  async verifyFile(file: Upload): Promise<void> {
    await this.fileInput.setInputFiles(file);
    await this.fileForm.getByRole("button", { name: "Verify" }).click();
  }

  async verifyHash(hash: string): Promise<void> {
    await this.hashInput.fill(hash);
    await this.hashForm.getByRole("button", { name: "Verify" }).click();
  }
}
