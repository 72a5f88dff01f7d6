// The kinds of email a user may turn off on the account page (users.email_preferences: kind →
// wanted; an absent kind is wanted). In-app notifications are never affected. Security mails
// (failed sign-ins, a changed password, invitations, reset links) are not listed: always sent.

export const emailKinds = [
  "round.opened",
  "round.reminder",
  "round.closed",
  "comment.mention",
  "membership.request",
] as const;

export type EmailKind = (typeof emailKinds)[number];
export type EmailPreferences = Partial<Record<string, boolean>>;

export function isEmailKind(value: unknown): value is EmailKind {
  return typeof value === "string" && (emailKinds as readonly string[]).includes(value);
}

/** Whether a user with these preferences wants emails of this kind. */
export function wantsEmail(preferences: EmailPreferences | null | undefined, kind: EmailKind): boolean {
  return preferences?.[kind] !== false;
}
