import type { Request } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { acceptInvitation } from "./mailbox";
import { DialoguePage } from "./pages/dialogue-page";

/** A new address each run, so that a retry on the same server invites someone new. */
const freshEmail = (who: string) => `${who}-${Date.now().toString(36)}@rabat.accord.test`;

test("a chair cannot make anyone speak for another state: refused in the interface and when the server action is called directly", async ({
  signedInPage,
  browser,
}) => {
  const email = freshEmail("es-delegate");
  const chair = new DialoguePage(await signedInPage("rabatChair"), "rabat");
  await chair.goto();
  const form = chair.addMemberForm;
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("On behalf of").selectOption({ label: "Spain" });
  await form.getByLabel("Name").fill("Pablo Ruiz");
  await form.getByRole("button", { name: "Add member" }).click();
  // Through the interface: only a request, which the chair has no control to confirm.
  await expect(form.getByRole("status")).toHaveText(
    "Invited. The focal point of the state this person would speak for must confirm it first.",
  );
  const pending = chair.page.getByTestId("pending-member").filter({ hasText: "Pablo Ruiz" });
  await expect(pending).toContainText("Awaiting confirmation by the focal point of Spain");
  await expect(pending.getByRole("button")).toHaveCount(0);
  const { page: invitee } = await acceptInvitation(browser, email, "pablo-ruiz-rabat-2013");

  // Spain's focal point presses Confirm; the request is held back and replayed by the chair,
  // with the chair's own session: the server action itself refuses it.
  const spain = await signedInPage("rabatEs");
  await spain.goto("/delegation");
  const request = spain.getByTestId("membership-request").filter({ hasText: "Pablo Ruiz" });
  let held: Request | undefined;
  await spain.route("**/delegation", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      held = route.request();
      await route.abort();
    } else await route.continue();
  });
  await request.getByRole("button", { name: "Confirm" }).click();
  await expect.poll(() => held !== undefined).toBe(true);
  if (!held) throw new Error("unreachable");
  const { cookie: _, ...headers } = await held.allHeaders();
  const replayed = await chair.page.request.post("/delegation", {
    headers,
    data: held.postDataBuffer() ?? Buffer.alloc(0),
  });
  expect(await replayed.text()).toContain("You are not allowed to do this.");
  await spain.unroute("**/delegation");

  // Nothing changed: still a request, and the invitee still takes no part.
  await chair.goto();
  await expect(chair.page.getByTestId("pending-member").filter({ hasText: "Pablo Ruiz" })).toHaveCount(1);
  expect((await invitee.goto("/dialogues/rabat"))?.status()).toBe(404);

  // Spain's focal point confirms for real.
  await spain.reload();
  await request.getByRole("button", { name: "Confirm" }).click();
  await expect(request).toHaveCount(0);
  await invitee.goto("/dialogues");
  await expect(invitee.getByRole("region", { name: "Rabat Process" }).getByTestId("my-role")).toHaveText(
    "You: Delegate for Spain",
  );
});

test("a focal point invites, suspends, restores and removes their own delegation's members", async ({
  signedInPage,
  browser,
}) => {
  const email = freshEmail("es-observer");
  const spain = await signedInPage("rabatEs");
  await spain.goto("/delegation");
  const invite = spain.getByRole("form", { name: "Invite someone to speak for Spain" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Name (for someone without an account)").fill("Marta Gil");
  await invite.getByLabel("Dialogue").selectOption({ label: "Rabat Process" });
  await invite.getByLabel("Role").selectOption("delegate");
  await invite.getByRole("button", { name: "Invite" }).click();
  // The focal point speaks for their state: confirmed at once, invited until the link is used.
  await expect(invite.getByRole("status")).toHaveText(
    "Invitation sent: the person sets their own password through the link in the email.",
  );
  const row = spain.getByTestId("delegation-member").filter({ hasText: "Marta Gil" });
  await expect(row).toContainText("Invited, not yet accepted");
  await expectAccessible(spain);

  const { page: member } = await acceptInvitation(browser, email, "marta-gil-rabat-2013");
  await member.goto("/dialogues");
  await expect(member.getByRole("region", { name: "Rabat Process" }).getByTestId("my-role")).toHaveText(
    "You: Delegate for Spain",
  );

  await spain.reload();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Suspend" }).click();
  await expect(row).toContainText("Suspended");
  expect((await member.goto("/dialogues/rabat"))?.status()).toBe(404);
  await member.goto("/dialogues");
  await expect(member.getByTestId("my-suspended-membership")).toContainText("Rabat Process");

  await row.getByRole("button", { name: "Restore" }).click();
  await expect(row).toContainText("Active");
  expect((await member.goto("/dialogues/rabat"))?.status()).toBe(200);

  await row.getByRole("button", { name: "Remove" }).click();
  await expect(row).toHaveCount(0);
  await member.goto("/dialogues");
  await expect(member.getByText("You are not a member of any dialogue yet.")).toBeVisible();

  // Another state's members are not on Spain's page at all.
  await expect(spain.getByTestId("delegation-member").filter({ hasText: "Fatou" })).toHaveCount(0);
});
