import { expect, test } from "@playwright/test";
import { demo, expectAccessible, signInAs } from "./fixtures";

test("an admin adds a member who can then sign in and see the dialogue", async ({ browser }) => {
  const adminContext = await browser.newContext();
  await signInAs(adminContext, demo.admin);
  const admin = await adminContext.newPage();
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

  const memberContext = await browser.newContext();
  await signInAs(memberContext, "at@budapest.accord.test", "budapest-delegate-2013");
  const member = await memberContext.newPage();
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
  expect((await member.goto("/dialogues/budapest"))?.status()).toBe(404);

  await adminContext.close();
  await memberContext.close();
});

test("a chair invites a delegate to their own dialogue; a delegate has no invite form", async ({ browser }) => {
  const chairContext = await browser.newContext();
  await signInAs(chairContext, demo.rabatChair);
  const chair = await chairContext.newPage();
  await chair.goto("/dialogues/rabat");
  const form = chair.getByRole("form", { name: "Add a member" });
  await expect(form.getByLabel("Role").locator("option")).toHaveText(["Penholder", "Delegate", "Observer"]);
  // Someone already in the dialogue: refused, and what was typed stays.
  await form.getByLabel("Email").fill(demo.rabatFr);
  await form.getByLabel("On behalf of").selectOption({ label: "Spain" });
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("alert")).toHaveText("This person is already a member of the dialogue.");
  await expect(form.getByLabel("Email")).toHaveValue(demo.rabatFr);

  // A new address each run, so a retry on the same server adds a member too.
  await form.getByLabel("Email").fill(`pt-${Date.now().toString(36)}@rabat.accord.test`);
  await form.getByLabel("Name").fill("Lucía Ortega");
  await form.getByLabel("First password").fill("rabat-delegate-2013");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(form.getByRole("status")).toHaveText("Member added.");
  await expect(chair.getByRole("table").filter({ hasText: "Lucía Ortega" })).toBeVisible();
  await chairContext.close();

  const delegateContext = await browser.newContext();
  await signInAs(delegateContext, demo.rabatFr);
  const delegate = await delegateContext.newPage();
  await delegate.goto("/dialogues/rabat");
  await expect(delegate.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(delegate.getByRole("form", { name: "Add a member" })).toHaveCount(0);
  await expect(delegate.getByRole("heading", { name: "New paper" })).toHaveCount(0);
  await delegateContext.close();
});
