import { demo, expect, expectAccessible, test } from "./fixtures";
import { acceptInvitation, latestMailTo, linkIn } from "./mailbox";
import { DialoguePage } from "./pages/dialogue-page";

test("an admin invites a member, who sets their own password by the emailed link and sees the dialogue", async ({
  signedInPage,
  browser,
}) => {
  const admin = await signedInPage("admin");
  await admin.goto("/admin");
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Budapest Process" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Manage Budapest Process");

  const form = admin.getByRole("form", { name: "Add a member" });
  await form.getByLabel("Email").fill("at@budapest.accord.test");
  await form.getByLabel("Role").selectOption("delegate");
  await form.getByLabel("On behalf of").selectOption({ label: "Hungary" });
  await form.getByLabel("Name").fill("Anna Berger");
  await expect(form.getByLabel(/password/i)).toHaveCount(0);
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Invitation sent: the person sets their own password through the link in the email.",
  );
  await expect(admin.getByTestId("member-row").filter({ hasText: "Anna Berger" })).toContainText("Delegate");
  await expectAccessible(admin);

  await admin.goto("/admin/audit");
  await expect(admin.getByTestId("audit-row").filter({ hasText: "membership.added" }).first()).toContainText(
    "at@budapest.accord.test",
  );
  await expect(admin.getByTestId("audit-row").filter({ hasText: "user.invited" }).first()).toBeVisible();

  // A password the policy refuses is explained, and the link still works afterwards.
  const mail = await latestMailTo("at@budapest.accord.test", /invited to Accord/);
  expect(mail.text).toContain("72 hours");
  const early = await (await browser.newContext()).newPage();
  await early.goto(linkIn(mail));
  await early.getByLabel("New password", { exact: true }).fill("password1234");
  await early.getByLabel("Repeat the new password").fill("password1234");
  await early.getByRole("button", { name: "Set my password and sign in" }).click();
  await expect(early.locator("#main").getByRole("alert")).toContainText("common");
  await early.context().close();

  const { page: member, link } = await acceptInvitation(browser, "at@budapest.accord.test", "budapest-delegate-2013");
  await member.goto("/dialogues");
  await expect(member.getByRole("region", { name: "Budapest Process" }).getByTestId("my-role")).toHaveText(
    "You: Delegate for Hungary",
  );

  // Removing the membership takes the dialogue away at the next request.
  await admin.goto("/admin/dialogues/budapest");
  const row = admin.getByTestId("member-row").filter({ hasText: "Anna Berger" });
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(admin.getByTestId("member-row").filter({ hasText: "Anna Berger" })).toHaveCount(0);
  await member.goto("/dialogues");
  await expect(member.getByText("You are not a member of any dialogue yet.")).toBeVisible();
  expect((await new DialoguePage(member, "budapest").goto())?.status()).toBe(404);
  // The link worked once.
  await member.goto(link);
  await expect(member.getByTestId("account-link-state")).toHaveText(
    "This link has already been used. Sign in with the password you chose.",
  );
});

test("a chair invites a delegate to their own dialogue; a delegate has no invite form", async ({
  signedInPage,
  browser,
}) => {
  const chair = new DialoguePage(await signedInPage("rabatChair"), "rabat");
  await chair.goto();
  const form = chair.addMemberForm;
  await expect(form.getByLabel("Role").locator("option")).toHaveText(["Penholder", "Delegate", "Observer"]);
  // Someone already in the dialogue: refused, and what was typed stays.
  await form.getByLabel("Email").fill(demo.rabatFr);
  await form.getByLabel("On behalf of").selectOption({ label: "Spain" });
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("alert")).toHaveText("This person is already a member of the dialogue.");
  await expect(form.getByLabel("Email")).toHaveValue(demo.rabatFr);

  // A new address each run, so a retry on the same server adds a member too. Speaking for Spain,
  // it is only an invitation: Spain's focal point must confirm it (a chair never can).
  const email = `pt-${Date.now().toString(36)}@rabat.accord.test`;
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Lucía Ortega");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Invited. The focal point of the state this person would speak for must confirm it first.",
  );
  await expect(chair.page.getByTestId("pending-member").filter({ hasText: "Lucía Ortega" })).toContainText(
    "Awaiting confirmation by the focal point of Spain",
  );
  // The chair's own delegation page (Senegal's focal point) does not offer Spain's invitation.
  await chair.page.goto("/delegation");
  await expect(chair.page.getByTestId("membership-request").filter({ hasText: "Lucía Ortega" })).toHaveCount(0);
  await chair.page.context().close();

  // The invitee accepts by the emailed link; until Spain confirms, the membership grants nothing.
  const { page: invitee } = await acceptInvitation(browser, email, "rabat-delegate-2013");
  await invitee.goto("/dialogues");
  await expect(invitee.getByTestId("my-pending-membership")).toHaveText(
    "Rabat Process: you are invited as Delegate for Spain. The focal point of Spain must confirm it before you take part.",
  );
  await invitee.goto("/dialogues/rabat");
  await expect(invitee.getByRole("heading", { level: 1 })).not.toHaveText("Rabat Process");

  // Spain's focal point confirms on their delegation page.
  const spain = await signedInPage("rabatEs");
  await spain.goto("/");
  await spain.getByRole("link", { name: "Delegation" }).click();
  await expect(spain.getByRole("heading", { level: 1 })).toHaveText("Your delegation");
  const request = spain.getByTestId("membership-request").filter({ hasText: "Lucía Ortega" });
  await expect(request).toContainText("Rabat Process");
  await expectAccessible(spain);
  await request.getByRole("button", { name: "Confirm" }).click();
  // The request leaves the list (and its form with it) for the delegation's members.
  await expect(request).toHaveCount(0);
  await expect(spain.getByRole("table").filter({ hasText: "Lucía Ortega" })).toContainText("Delegate");
  await invitee.goto("/dialogues");
  await expect(invitee.getByRole("region", { name: "Rabat Process" }).getByTestId("my-role")).toHaveText(
    "You: Delegate for Spain",
  );

  const delegate = new DialoguePage(await signedInPage("rabatFr"), "rabat");
  await delegate.goto();
  await expect(delegate.page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(delegate.addMemberForm).toHaveCount(0);
  await expect(delegate.newPaperHeading).toHaveCount(0);
});

test("the secretariat creates an account by invitation and resets its password by a one-time link, never typing one", async ({
  signedInPage,
  browser,
}) => {
  const email = `reviewer-${Date.now().toString(36)}@accord.test`;
  const admin = await signedInPage("admin");
  await admin.goto("/admin/users");
  const create = admin.getByRole("form", { name: "New account" });
  await expect(create.getByLabel(/password/i)).toHaveCount(0);
  await create.getByLabel("Name").fill("Ines Duarte");
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Global role").selectOption("hld_reviewer");
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(create.getByRole("status")).toHaveText(
    "Account created: an invitation was sent by email, and its owner chooses their own password.",
  );
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.getByTestId("account-row").filter({ hasText: email });
  await expect(row).toContainText("Invited, not yet accepted");
  const { page: owner } = await acceptInvitation(browser, email, "ines-duarte-hld-2013");
  await owner.context().close();

  await admin.reload();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Send a password reset link" }).click();
  await expect(
    row.getByRole("form", { name: "Send Ines Duarte a password reset link" }).getByRole("status"),
  ).toHaveText("A password reset link was sent by email. Nobody but its owner sees it.");
  const mail = await latestMailTo(email, /new Accord password/);
  const reset = await (await browser.newContext()).newPage();
  await reset.goto(linkIn(mail));
  await expect(reset.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await expectAccessible(reset);
  await reset.getByLabel("New password", { exact: true }).fill("ines-duarte-new-2013");
  await reset.getByLabel("Repeat the new password").fill("ines-duarte-other");
  await reset.getByRole("button", { name: "Set my new password and sign in" }).click();
  await expect(reset.locator("#main").getByRole("alert")).toHaveText("The two passwords differ.");
  await reset.getByLabel("Repeat the new password").fill("ines-duarte-new-2013");
  await reset.getByRole("button", { name: "Set my new password and sign in" }).click();
  await expect(reset).not.toHaveURL(/\/password-reset\//);
  const signedIn = await signedInPage({ email, password: "ines-duarte-new-2013" });
  await signedIn.goto("/hld");
  await expect(signedIn.getByRole("heading", { level: 1 })).toBeVisible();
});
