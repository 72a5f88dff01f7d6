// Issue 15, finding 10, against the real server: an observer (IOM) replays the server action that posts a
// reply, forty times at once, to flood a thread. Past the account's allowance
// (server/domain/comment-limits.ts) every reply is refused with its message and nothing more is
// stored; the observer's own form says why; the penholder goes on replying and the server keeps
// answering.
import { expect, test } from "./fixtures";

/** COMMENTS_PER_ACCOUNT.limit in server/domain/comment-limits.ts. */
const COMMENTS_PER_MINUTE = 30;
const REFILL_MS = 60_000 / COMMENTS_PER_MINUTE;
const REFUSAL = /Nothing was saved: wait a moment, then try again\./;

test("an observer replaying the reply action is held to the comment allowance; everyone else is not", async ({
  openPaperAs,
  paperInConsultation,
}) => {
  test.setTimeout(120_000);
  const paperPath = await paperInConsultation(
    `Flooded ${Date.now().toString(36)}`,
    "Partners commit to mobility partnerships",
  );
  const observerPaper = await openPaperAs("rabatObserver", paperPath);
  const { page: observer, comments } = observerPaper;

  // One thread and one reply through the interface; the reply's request is the one replayed.
  await observerPaper.selectFirstParagraph();
  await comments.commentOnSelection("Opening the thread.");
  const thread = comments.thread("Helen Okafor");
  await expect(thread).toBeVisible();
  const replying = observer.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await comments.reply("Helen Okafor", "A first reply.");
  const reply = await replying;
  await expect(thread).toContainText("A first reply.");
  const [input] = JSON.parse(reply.postData() ?? "[]") as [{ threadId: string; body: string }];
  expect(input.threadId).toMatch(/^[0-9a-f-]{36}$/);
  const headers = Object.fromEntries(
    Object.entries(reply.headers()).filter(([name]) =>
      /^(next-action|next-router-state-tree|content-type|accept)$/.test(name),
    ),
  );

  /** The reply action with `body`, straight at the server with the observer's session. */
  const replay = async (body: string) => {
    const response = await observer.request.post(paperPath, {
      headers,
      data: JSON.stringify([{ threadId: input.threadId, body }]),
    });
    expect(response.status()).toBe(200);
    return response.text();
  };

  // The flood: all at once.
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: COMMENTS_PER_MINUTE + 10 }, (_, i) => replay(`Flood ${i}`)));
  // The allowance comes back at one comment every 2 s while the flood lasts.
  const cameBack = Math.ceil((Date.now() - started) / REFILL_MS);
  const accepted = answers.filter((a) => a.includes('"ok":true')).length;
  const refused = answers.filter((a) => a.includes('"ok":false'));
  expect(accepted + refused.length).toBe(answers.length);
  expect(accepted).toBeGreaterThan(0);
  // At most what the thread and the reply left of the allowance, and what came back meanwhile.
  expect(accepted).toBeLessThanOrEqual(COMMENTS_PER_MINUTE - 2 + cameBack);
  expect(refused.length).toBeGreaterThanOrEqual(10 - cameBack);
  for (const answer of refused) expect(answer).toMatch(REFUSAL);

  // Nothing of the refused replies was stored.
  await observer.reload();
  await expect(thread.getByText(/^Flood \d+$/)).toHaveCount(accepted);

  // The observer's own form tells them why. The allowance trickles back (one every 2 s): spend it
  // just before each try, so that the form meets the refusal (a try that slips through is stored).
  const form = thread.getByLabel("Reply to the thread of Helen Okafor");
  for (let attempt = 0; attempt < 5; attempt++) {
    await form.fill(`From the form ${attempt}`);
    await Promise.all(Array.from({ length: 3 }, () => replay("Drain")));
    await thread.getByRole("button", { name: "Reply" }).click();
    if (
      await comments.root
        .getByText(REFUSAL)
        .isVisible({ timeout: 5_000 })
        .catch(() => false)
    )
      break;
  }
  await expect(comments.root.getByText(REFUSAL)).toBeVisible();

  // The penholder replies as usual, and the server still answers at once.
  const pen = await openPaperAs("rabatPen", paperPath);
  await pen.comments.reply("Helen Okafor", "The penholder is not held up.");
  await expect(pen.comments.thread("Helen Okafor")).toContainText("The penholder is not held up.");
  const health = await pen.page.request.get("/api/health");
  expect(health.status()).toBe(200);
});
