import { expect, type Locator, type Page, type Response } from "@playwright/test";

export type Position = "Approve" | "Abstain" | "Object";

/** A paper's approval page (`/papers/<id>/approval`): the round, every partner's position, the submission. */
export class ApprovalPage {
  readonly roundHash: Locator;
  /** One row per partner of the round. */
  readonly positionRows: Locator;
  readonly notAnswered: Locator;
  readonly submissionReference: Locator;
  readonly submissionHash: Locator;
  /** What the action that led here did, announced on arrival. */
  readonly flash: Locator;

  constructor(
    readonly page: Page,
    /** The paper's path, `/papers/<id>`. */
    readonly paperPath: string,
  ) {
    this.roundHash = page.getByTestId("round-hash");
    this.positionRows = page.getByTestId("position-row");
    this.notAnswered = page.getByText("Not answered yet");
    this.submissionReference = page.getByTestId("submission-reference");
    this.submissionHash = page.getByTestId("submission-hash");
    this.flash = page.getByTestId("flash-notice");
  }

  goto(): Promise<Response | null> {
    return this.page.goto(`${this.paperPath}/approval`);
  }

  /** The round's heading, e.g. "Round on Rev.1 · open". */
  roundHeading(name: string | RegExp): Locator {
    return this.page.getByRole("heading", { name });
  }

  positionRow(partner: string): Locator {
    return this.positionRows.filter({ hasText: partner });
  }

  /** The form in which a member records the position of their partner. */
  positionForm(partner: string): Locator {
    return this.page.getByRole("form", { name: `Position of ${partner}` });
  }

  /** Fills in and sends the partner's position, without waiting for the outcome. */
  async submitPosition(partner: string, value: Position, reason?: string): Promise<void> {
    const form = this.positionForm(partner);
    await form.getByLabel(value, { exact: true }).check();
    if (reason) await form.getByLabel(/^Reason/).fill(reason);
    await form.getByRole("button", { name: "Record position" }).click();
  }

  /** Opens the page, records the partner's position and waits until its line of the round shows it. */
  async recordPosition(partner: string, value: Position, reason?: string): Promise<void> {
    await this.goto();
    await this.submitPosition(partner, value, reason);
    // The outcome, as every member sees it: the partner's line of the round.
    await expect(this.positionRow(partner)).toContainText(value);
  }
}
