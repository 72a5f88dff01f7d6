import { demo, expect, expectAccessible, test } from "./fixtures";
import { DialoguePage } from "./pages/dialogue-page";

test("an admin adds a member who can then sign in and see the dialogue", async ({ signedInPage }) => {
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
  await form.getByLabel("First password").fill("budapest-delegate-2013");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("status")).toHaveText("Member added.");
  await expect(admin.getByTestId("member-row").filter({ hasText: "Anna Berger" })).toContainText("Delegate");
  await expectAccessible(admin);

  await admin.goto("/admin/audit");
  await expect(admin.getByTestId("audit-row").first()).toContainText("membership.added");
  await expect(admin.getByTestId("audit-row").first()).toContainText("at@budapest.accord.test");

  const member = await signedInPage({ email: "at@budapest.accord.test", password: "budapest-delegate-2013" });
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
});

test("a chair invites a delegate to their own dialogue; a delegate has no invite form", async ({ signedInPage }) => {
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
  await form.getByLabel("First password").fill("rabat-delegate-2013");
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

  // Until confirmed, the invitation grants nothing.
  const invitee = await signedInPage({ email, password: "rabat-delegate-2013" });
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
