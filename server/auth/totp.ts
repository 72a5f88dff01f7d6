// Time-based one-time passwords (RFC 6238, HOTP of RFC 4226 over 30-second steps, HMAC-SHA1), the
// base32 secrets authenticator apps read (RFC 4648), and the secret's encryption at rest.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: a phone's clock a little off, a code typed as it changes. */
export const TOTP_WINDOW_STEPS = 1;
/** 160 bits, the size of an HMAC-SHA1 key (RFC 4226 §4 asks for at least 128). */
export const TOTP_SECRET_BYTES = 20;
export const TOTP_ISSUER = "Accord";

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces, hyphens and padding; null if any other character. */
export function base32Decode(text: string): Uint8Array | null {
  const clean = text.replace(/[\s=-]/g, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES));
}

/** The time step of an instant. */
export function totpStep(now: Date | number = Date.now()): number {
  const ms = typeof now === "number" ? now : now.getTime();
  return Math.floor(ms / 1000 / TOTP_STEP_SECONDS);
}

/** HOTP (RFC 4226 §5.3) of one counter value: dynamic truncation, then the last `digits` digits. */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return (binary % 10 ** digits).toString().padStart(digits, "0");
}

/** The code of an instant (RFC 6238 §4.2). `secret`: the raw key, or base32 text. */
export function totpCode(secret: Uint8Array | string, now: Date | number = Date.now(), digits = TOTP_DIGITS): string {
  const key = typeof secret === "string" ? base32Decode(secret) : secret;
  if (!key) throw new Error("totp: the secret is not base32");
  return hotp(key, totpStep(now), digits);
}

/**
 * The time step whose code `code` is, among now and TOTP_WINDOW_STEPS either side, newer than
 * `lastStep` (the step accepted last: a code is accepted once, and never an older one after it);
 * null if none. Every candidate is compared, in constant time, whatever matched before.
 */
export function verifyTotp(
  secret: string,
  code: string,
  options: { now?: Date | number; lastStep?: number | null; digits?: number } = {},
): number | null {
  const digits = options.digits ?? TOTP_DIGITS;
  const key = base32Decode(secret);
  const typed = code.replace(/\s/g, "");
  if (!key || typed.length !== digits || !/^\d+$/.test(typed)) return null;
  const current = totpStep(options.now ?? Date.now());
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    const same = timingSafeEqual(Buffer.from(hotp(key, step, digits)), Buffer.from(typed));
    if (same && (options.lastStep == null || step > options.lastStep)) matched = step;
  }
  return matched;
}

/** The otpauth:// URI an authenticator app reads (from a QR code, or typed): issuer Accord, label the email. */
export function otpauthUri(secret: string, email: string): string {
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(email)}`;
  const query = new URLSearchParams({
    secret,
    issuer: TOTP_ISSUER,
    algorithm: "SHA1",
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** The secret in groups of four, as it is typed into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

// ---------------------------------------------------------------------------------------------
// At rest: a key derived from the server secret (AUTH_SECRET) with HKDF, one purpose per key.
// ---------------------------------------------------------------------------------------------

function serverSecret(): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("two-factor: AUTH_SECRET is not set (server/secret.ts sets it at start)");
  return secret;
}

/** A 256-bit key for one purpose, derived from the server secret. */
export function derivedKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret(), "accord", `accord ${purpose} v1`, 32));
}

const SEALED_PREFIX = "v1:";

/**
 * Encrypts a TOTP secret with AES-256-GCM. The user's id is authenticated with it, so a sealed
 * secret copied onto another account's row does not open.
 */
export function sealTotpSecret(secret: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("totp secret"), iv);
  cipher.setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The TOTP secret sealed by sealTotpSecret; throws if it was altered, or sealed for another user or key. */
export function openTotpSecret(sealed: string, userId: string): string {
  if (!sealed.startsWith(SEALED_PREFIX)) throw new Error("two-factor: unknown sealed secret format");
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey("totp secret"), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
