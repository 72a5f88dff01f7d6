// What a new password must be (NIST SP 800-63B): at least 12 characters, any characters, no
// composition rules; not a common or breached password (common-passwords.txt, kept in the
// repository: nothing is fetched), nor one with a common word merely dressed up ("Password2024!"),
// a repetition or a keyboard run, nor one built on the account's own email.

import { readFileSync } from "node:fs";
import path from "node:path";
import { invalidInput } from "../errors";

export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; beyond this the argon2 work is not worth doing. */
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "personal";

let commonPasswords: Set<string> | undefined;

/** The list, read once per process (about 50,000 lines, 400 KB). */
function common(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(path.join(process.cwd(), "server/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return commonPasswords;
}

const RUNS = [
  "abcdefghijklmnopqrstuvwxyz",
  "01234567890123456789",
  "qwertyuiopasdfghjklzxcvbnm",
  "azertyuiopqsdfghjklmwxcvbn",
];

/** A keyboard or alphabet run, forwards or backwards ("123456789012", "qwertyuiopas"). */
function isRun(lower: string): boolean {
  return RUNS.some((run) => run.includes(lower) || [...run].reverse().join("").includes(lower));
}

/** Why a password may not be chosen, or null when it may. */
export function passwordProblem(password: string, account: { email?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (length > MAX_PASSWORD_LENGTH) return "tooLong";
  const lower = password.toLowerCase();
  const words = common();
  if (words.has(lower) || isRun(lower) || /^(.{1,6})\1+$/su.test(lower)) return "common";
  // A common word with digits or symbols around it ("Password2024!", "!!dragon1234").
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (core.length >= 3 && (words.has(core) || /^(.{1,6})\1+$/su.test(core))) return "common";
  const local = account.email?.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && lower.includes(local)) return "personal";
  return null;
}

/** The message telling the user why a password was refused. */
export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: "errors.passwordTooShort",
  tooLong: "errors.passwordTooLong",
  common: "errors.passwordCommon",
  personal: "errors.passwordPersonal",
};

/** Refuses a password the policy does not allow , with its message. */
export function checkNewPassword(password: string, email: string): void {
  const problem = passwordProblem(password, { email });
  if (problem) throw invalidInput(`password refused: ${problem}`, PASSWORD_MESSAGES[problem]);
}
