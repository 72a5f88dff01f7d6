import type { Locator, Page } from "@playwright/test";

/** A person's name as the start of an accessible name, whatever characters it holds. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The paper page's side panel: comment threads and the suggestions waiting for a decision. */
export class CommentsPanel {
  readonly root: Locator;
  /** The list of open suggestions (absent when there are none). */
  readonly suggestions: Locator;
  readonly commentOnSelectionButton: Locator;

  constructor(page: Page) {
    this.root = page.getByRole("complementary", { name: "Comments and suggestions" });
    this.suggestions = this.root.getByRole("list", { name: "Suggestions" });
    this.commentOnSelectionButton = this.root.getByRole("button", { name: "Comment on the selected text" });
  }

  /** The thread opened by `author` (one per author in these tests). */
  thread(author: string): Locator {
    return this.root.getByRole("article", { name: `Thread by ${author}` });
  }

  /** Writes `body` in the open new-comment form and posts it. */
  async postComment(body: string): Promise<void> {
    await this.root.getByLabel("Your comment").fill(body);
    await this.root.getByRole("button", { name: "Post comment" }).click();
  }

  /** Opens a thread on the text selected in the editor and posts `body` in it. */
  async commentOnSelection(body: string): Promise<void> {
    await this.commentOnSelectionButton.click();
    await this.postComment(body);
  }

  async reply(threadAuthor: string, body: string): Promise<void> {
    const thread = this.thread(threadAuthor);
    await thread.getByLabel(`Reply to the thread of ${threadAuthor}`).fill(body);
    await thread.getByRole("button", { name: "Reply" }).click();
  }

  /** Opens the new-comment form on the suggestion of `author`, to explain it. */
  async explainSuggestion(author: string): Promise<void> {
    await this.suggestions
      .getByRole("button", { name: new RegExp(`^Explain the suggestion of ${literal(author)}`) })
      .click();
  }

  /** The accept button of `author`'s suggestion of that kind. */
  acceptButton(author: string, kind: string): Locator {
    return this.root.getByRole("button", { name: new RegExp(`^Accept the suggestion of ${literal(author)}: ${kind}`) });
  }

  /** The withdraw control of a suggestion made for `partner` (only its own delegation has one). */
  withdrawButton(partner: string, kind: string): Locator {
    return this.root.getByRole("button", {
      name: new RegExp(`^Withdraw the suggestion of ${literal(partner)}: ${kind}`),
    });
  }

  rejectButton(author: string, kind: string): Locator {
    return this.root.getByRole("button", { name: new RegExp(`^Reject the suggestion of ${literal(author)}: ${kind}`) });
  }
}
