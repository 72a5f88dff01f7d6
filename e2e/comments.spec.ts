// Comments, mentions and suggestions end to end, on a paper of the Rabat Process created here
// (the seeded ones are left as they are): a delegate comments and the penholder sees it
// live and replies; a mention notifies; a delegate in consultation suggests instead of editing;
// the penholder accepts one suggestion and rejects another; an observer comments but has no
// suggest or accept control.
import { expect, expectAccessible, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TITLE = `Rabat comments ${Date.now().toString(36)}`;
const TEXT = "Partners commit to mobility partnerships";
let paperPath = "";

test("the penholder prepares a paper in consultation", async ({ paperInConsultation }) => {
  paperPath = await paperInConsultation(TITLE, TEXT);
});

test("a delegate comments on a passage; the penholder sees it live and replies; the mention notifies", async ({
  openPaperAs,
}) => {
  const pen = await openPaperAs("rabatPen", paperPath);
  const fr = await openPaperAs("rabatFr", paperPath);

  await fr.selectFirstParagraph();
  await fr.comments.commentOnSelection("@Youssef El Amrani could we add visas? <script>alert(1)</script>");
  const frThread = fr.comments.thread("Claire Dubois");
  await expect(frThread).toBeVisible();
  await expect(fr.editor.locator(".comment-highlight").first()).toBeVisible();

  // Live on the penholder's page, without reloading; the body is text, not markup.
  const penThread = pen.comments.thread("Claire Dubois");
  await expect(penThread).toContainText("<script>alert(1)</script>");
  await expect(penThread.locator("script")).toHaveCount(0);
  await expect(penThread.locator(".mention")).toHaveText("@Youssef El Amrani");
  await expect(pen.editor.locator("p[data-open-threads='1']")).toHaveCount(1);
  await pen.comments.reply("Claire Dubois", "Yes, with legal pathways.");
  await expect(frThread).toContainText("Yes, with legal pathways.");
  await expectAccessible(pen.page);

  // The mention: the bell counts it and the list links to the thread.
  await pen.page.reload();
  await expect(pen.page.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await pen.page.goto("/notifications");
  const entry = pen.page
    .getByTestId("notification")
    .filter({ hasText: `You were mentioned in a comment on “${TITLE}”` });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("link")).toHaveAttribute("href", /\/papers\/[0-9a-f-]{36}#thread-[0-9a-f-]{36}$/);
});

test("a delegate's typing becomes suggestions; the penholder accepts one and rejects another", async ({
  openPaperAs,
}) => {
  const pen = await openPaperAs("rabatPen", paperPath);
  const fr = await openPaperAs("rabatFr", paperPath);
  await expect(fr.suggestModeSwitch).toHaveAttribute("aria-pressed", "true");

  await fr.typeAtEndOfFirstParagraph(" and visas");
  await expect(fr.editor.locator("ins.suggestion-insert")).toHaveText(" and visas");
  await fr.page.keyboard.press("Home");
  for (let i = 0; i < "Partners ".length; i++) await fr.page.keyboard.press("Shift+ArrowRight");
  await fr.page.keyboard.press("Delete");
  await expect(fr.editor.locator("del.suggestion-delete")).toHaveText("Partners ");
  // The text is unchanged for everyone: the deletion is only proposed.
  await expect(pen.editor.locator("del.suggestion-delete")).toHaveText("Partners ");
  await expect(pen.editor.locator("ins.suggestion-insert")).toHaveText(" and visas");
  await expect(fr.editorNotice).toHaveCount(0);

  await expect(pen.comments.suggestions.getByRole("listitem")).toHaveCount(2);
  await expectAccessible(pen.page);
  await pen.comments.acceptButton("Claire Dubois", "Insert").click();
  await expect(pen.editor.locator("ins.suggestion-insert")).toHaveCount(0);
  await pen.comments.rejectButton("Claire Dubois", "Delete").click();
  for (const paper of [pen, fr]) {
    await expect(paper.editor.locator("del.suggestion-delete")).toHaveCount(0);
    await expect(paper.editor.locator("ins.suggestion-insert")).toHaveCount(0);
    await expect.poll(() => paper.plainText()).toContain(`${TEXT} and visas`);
  }
  // The delegate has no accept control.
  await expect(fr.comments.root.getByRole("button", { name: /^Accept/ })).toHaveCount(0);
});

test("a suggestion speaks for its state, and that delegation withdraws it", async ({ openPaperAs }) => {
  const pen = await openPaperAs("rabatPen", paperPath);
  const fr = await openPaperAs("rabatFr", paperPath);
  await fr.typeAtEndOfFirstParagraph(" and return");
  await expect(fr.editor.locator("ins.suggestion-insert")).toHaveText(" and return");
  const entry = (page: typeof fr) => page.comments.suggestions.getByRole("listitem").filter({ hasText: "and return" });
  for (const paper of [fr, pen]) await expect(entry(paper)).toContainText("Proposed by France (Claire Dubois)");
  // Only France's delegation may take it back; the penholder (Morocco) decides instead.
  await expect(pen.comments.withdrawButton("France", "Insert")).toHaveCount(0);
  await expect(pen.comments.acceptButton("Claire Dubois", "Insert")).toBeVisible();
  await fr.comments.withdrawButton("France", "Insert").click();
  await expect(fr.comments.root.getByText("Suggestion withdrawn.")).toBeVisible();
  for (const paper of [fr, pen]) {
    await expect(paper.editor.locator("ins.suggestion-insert")).toHaveCount(0);
    await expect.poll(() => paper.plainText()).not.toContain("and return");
  }
});

test("an observer can comment but has no suggest or accept control", async ({ openPaperAs }) => {
  const observer = await openPaperAs("rabatObserver", paperPath);
  await expect(observer.editor).toHaveAttribute("aria-readonly", "true");
  await expect(observer.suggestModeSwitch).toHaveCount(0);
  await expect(observer.comments.root.getByRole("button", { name: /^(Accept|Reject)/ })).toHaveCount(0);
  await observer.selectFirstParagraph();
  await observer.comments.commentOnSelection("IOM supports this paragraph.");
  await expect(observer.comments.thread("Helen Okafor")).toBeVisible();
  await expect(observer.editorNotice).toHaveCount(0);
  await expectAccessible(observer.page);
});

test("the penholder accepts the suggestions in a selection of the text, and only those", async ({ openPaperAs }) => {
  const fr = await openPaperAs("rabatFr", paperPath);
  await fr.typeAtEndOfFirstParagraph(" for all");
  await expect(fr.allChangesSaved).toBeVisible();
  await fr.page.keyboard.press("Home");
  await fr.page.keyboard.type("Together, ");
  await expect(fr.allChangesSaved).toBeVisible();
  await expect(fr.editor.locator("ins.suggestion-insert")).toHaveText(["Together, ", " for all"]);

  const pen = await openPaperAs("rabatPen", paperPath);
  await expect(pen.editor.locator("ins.suggestion-insert")).toHaveCount(2);
  // The selection covers the first suggestion only.
  await pen.editor.locator("p").first().click();
  await pen.page.keyboard.press("Home");
  for (let i = 0; i < "Together".length; i++) await pen.page.keyboard.press("Shift+ArrowRight");
  await pen.comments.root.getByRole("button", { name: "Accept the 1 in the selection" }).click();
  await expect(pen.editor.locator("ins.suggestion-insert")).toHaveText([" for all"]);
  await expect.poll(() => pen.plainText()).toContain("Together, ");
  await pen.comments.rejectButton("Claire Dubois", "Insert").click();
  await expect(pen.editor.locator("ins.suggestion-insert")).toHaveCount(0);
  await expect.poll(() => pen.plainText()).not.toContain("for all");
});

test("the chair freezing with a suggestion pending sees it, and carries it over to the next draft", async ({
  openPaperAs,
}) => {
  const fr = await openPaperAs("rabatFr", paperPath);
  await fr.typeAtEndOfFirstParagraph(" and circular migration");
  await expect(fr.editor.locator("ins.suggestion-insert")).toHaveText(" and circular migration");
  await expect(fr.allChangesSaved).toBeVisible();

  const chair = await openPaperAs("rabatChair", paperPath);
  const warning = chair.freezeForm.getByTestId("pending-suggestions");
  await expect(warning).toContainText("Pending suggestions: 1 (France: 1).");
  await expect(warning.getByRole("link", { name: "Decide them first" })).toHaveAttribute(
    "href",
    "#suggestions-heading",
  );
  await expectAccessible(chair.page);
  // Not without the chair's answer: the server refuses and nothing is frozen.
  await chair.freezeForm.getByRole("button", { name: "Freeze Rev.1 and open the round" }).click();
  await chair.confirm("Freeze Rev.1 and open the round?", "Freeze and open the round");
  await expect(chair.freezeForm.getByText(/Suggestions are still pending/)).toBeVisible();
  await expect(chair.status("Consultation")).toBeVisible();

  const approval = await chair.freezeAndOpenRound("consensus", { carryOver: true });
  // The revision holds the agreed text only; the suggestion waits in the live text.
  await expect(approval.page.getByText("and circular migration")).toHaveCount(0);
});
