// Recovery codes: ten single-use codes, shown once when two-factor sign-in is set up, for a lost
// phone. Stored as keyed hashes (HMAC-SHA256): each code is 50 random bits, so a slow password
// hash would add nothing but time to every sign-in.
import { createHmac, randomInt } from "node:crypto";
import { derivedKey } from "./totp";

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32 alphabet: no I, L, O or U to misread. 10 characters: 50 bits. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const CODE_LENGTH = 10;

/** A new code, as shown: `xxxxx-xxxxx`. */
export function generateRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
}

/**
 * The code as stored, from what was typed (any case, spaces and hyphens, the letters Crockford
 * reads as digits); null when it cannot be a recovery code (e.g. six digits: a TOTP code).
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const clean = typed.toLowerCase().replace(/[\s-]/g, "").replace(/[il]/g, "1").replace(/o/g, "0");
  if (clean.length !== CODE_LENGTH) return null;
  for (const char of clean) if (!ALPHABET.includes(char)) return null;
  return clean;
}

/** The stored form: bound to the user, keyed with a key derived from the server secret. */
export function hashRecoveryCode(userId: string, normalized: string): string {
  return createHmac("sha256", derivedKey("recovery codes")).update(`${userId}:${normalized}`).digest("hex");
}
