import type { Locator, Page, Response } from "@playwright/test";

/** The HLD reviewer's list of submitted papers (`/hld`). */
export class HldPage {
  readonly submitted: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.submitted = page.getByRole("table", { name: "Papers submitted to the HLD" });
    this.filters = page.getByRole("form", { name: "Filter the submitted papers" });
  }

  goto(): Promise<Response | null> {
    return this.page.goto("/hld");
  }

  /** The row of the submission with this HLD reference. */
  row(reference: string): Locator {
    return this.submitted.getByRole("row").filter({ hasText: reference });
  }
}
