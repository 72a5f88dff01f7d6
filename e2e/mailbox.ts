// The emails the app under test has sent, as e2e/start-server.ts records them (one JSON line
// each, from a real SMTP server), so that specs follow the links in them as a person would.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, expect } from "@playwright/test";
import { expectAccessible } from "./fixtures";

export type SentMail = { to: string[]; subject: string; text: string };

export function e2eMailboxPath(port: string): string {
  return path.join(tmpdir(), `accord-e2e-mailbox-${port}.jsonl`);
}

function sentMails(): SentMail[] {
  const file = e2eMailboxPath(process.env.E2E_PORT ?? "3100");
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SentMail);
}

/** The newest email to `address` whose subject matches, waiting for it to arrive. */
export async function latestMailTo(address: string, subject: RegExp): Promise<SentMail> {
  let found: SentMail | undefined;
  await expect
    .poll(
      () => {
        found = sentMails()
          .filter((mail) => mail.to.includes(address.toLowerCase()) && subject.test(mail.subject))
          .at(-1);
        return found !== undefined;
      },
      { message: `an email to ${address} matching ${subject}` },
    )
    .toBe(true);
  if (!found) throw new Error("unreachable");
  return found;
}

/** The first link to this app in an email, as a path (the app's own origin in tests). */
export function linkIn(mail: SentMail): string {
  const url = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!url) throw new Error(`no link in "${mail.subject}"`);
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * The invitee opens the link of their invitation email in a browser of their own, chooses their
 * password and is signed in with it. Returns their page.
 */
export async function acceptInvitation(browser: Browser, email: string, password: string) {
  const mail = await latestMailTo(email, /invited to Accord/);
  const page = await (await browser.newContext()).newPage();
  await page.goto(linkIn(mail));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accept your invitation");
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: "Set my password and sign in" }).click();
  await expect(page).not.toHaveURL(/\/invitation\//);
  return { page, link: linkIn(mail) };
}
