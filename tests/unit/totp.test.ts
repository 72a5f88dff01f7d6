// TOTP against the test vectors of RFC 6238 (Appendix B, HMAC-SHA1: 8 digits there), base32 of
// RFC 4648 (§10), the acceptance window, refusal of a replayed step, and the sealed secret.
import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "@/server/auth/recovery-codes";
import {
  base32Decode,
  base32Encode,
  groupedSecret,
  openTotpSecret,
  otpauthUri,
  sealTotpSecret,
  totpCode,
  totpStep,
  verifyTotp,
} from "@/server/auth/totp";

process.env.AUTH_SECRET ??= "unit-test-secret-0123456789abcdef0123456789";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const rfcSeed = Buffer.from("12345678901234567890", "ascii");
const rfcVectors: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("RFC 6238 Appendix B (SHA-1)", () => {
  for (const [seconds, code] of rfcVectors) {
    it(`T = ${seconds}: ${code}`, () => {
      expect(totpCode(rfcSeed, seconds * 1000, 8)).toBe(code);
      // The same through the base32 text an app would be given.
      expect(totpCode(base32Encode(rfcSeed), seconds * 1000, 8)).toBe(code);
      expect(verifyTotp(base32Encode(rfcSeed), code, { now: seconds * 1000, digits: 8 })).toBe(
        Math.floor(seconds / 30),
      );
    });
  }
  it("six digits are the last six of the eight", () => {
    expect(totpCode(rfcSeed, 59_000)).toBe("287082");
  });
});

describe("base32 (RFC 4648 §10)", () => {
  const vectors: [string, string][] = [
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ];
  for (const [plain, encoded] of vectors) {
    it(`"${plain}" ↔ ${encoded || '""'}`, () => {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(Buffer.from(base32Decode(encoded) ?? []).toString()).toBe(plain);
    });
  }
  it("reads lower case, spaces and padding, refuses other characters", () => {
    expect(Buffer.from(base32Decode("mzxw 6ytb oi======") ?? []).toString()).toBe("foobar");
    expect(base32Decode("MZXW1")).toBeNull();
  });
  it("groups a secret in fours", () => {
    expect(groupedSecret("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")).toBe("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567");
  });
});

describe("verification window and replay", () => {
  const secret = base32Encode(rfcSeed);
  const now = 1_800_000_015_000;
  const step = totpStep(now);
  const codeAt = (offsetSteps: number) => totpCode(secret, now + offsetSteps * 30_000);

  it("accepts the codes of the previous, current and next steps, returning the step matched", () => {
    expect(verifyTotp(secret, codeAt(-1), { now })).toBe(step - 1);
    expect(verifyTotp(secret, codeAt(0), { now })).toBe(step);
    expect(verifyTotp(secret, codeAt(1), { now })).toBe(step + 1);
  });
  it("refuses codes two steps away, and malformed ones", () => {
    expect(verifyTotp(secret, codeAt(-2), { now })).toBeNull();
    expect(verifyTotp(secret, codeAt(2), { now })).toBeNull();
    expect(verifyTotp(secret, "12345", { now })).toBeNull();
    expect(verifyTotp(secret, "abcdef", { now })).toBeNull();
  });
  it("reads a code typed with a space", () => {
    const code = codeAt(0);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now })).toBe(step);
  });
  it("refuses the step accepted last, and older ones, but takes a newer one", () => {
    expect(verifyTotp(secret, codeAt(0), { now, lastStep: step })).toBeNull();
    expect(verifyTotp(secret, codeAt(-1), { now, lastStep: step })).toBeNull();
    expect(verifyTotp(secret, codeAt(1), { now, lastStep: step })).toBe(step + 1);
  });
});

describe("the otpauth URI", () => {
  it("names the issuer and the account, with the secret and the parameters", () => {
    const uri = new URL(otpauthUri("JBSWY3DPEHPK3PXP", "fr@rabat.accord.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Accord:fr@rabat.accord.test");
    expect(uri.searchParams.get("secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(uri.searchParams.get("issuer")).toBe("Accord");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("the secret at rest", () => {
  const userId = "6f1c8d3e-4c1b-4b7a-9a51-0c2c3f1f0a11";
  it("is sealed (not in clear), opens for its user only, and refuses alteration", () => {
    const sealed = sealTotpSecret("JBSWY3DPEHPK3PXP", userId);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealTotpSecret("JBSWY3DPEHPK3PXP", userId)).not.toBe(sealed);
    expect(openTotpSecret(sealed, userId)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => openTotpSecret(sealed, "00000000-0000-4000-8000-000000000000")).toThrow();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}${sealed.slice(-1)}`;
    expect(() => openTotpSecret(tampered, userId)).toThrow();
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of 50 bits in the xxxxx-xxxxx form", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });
  it("are read in any case, with or without the hyphen; a TOTP code is not one", () => {
    expect(normalizeRecoveryCode("AB12C-DE34F")).toBe("ab12cde34f");
    expect(normalizeRecoveryCode(" ab12c de34f ")).toBe("ab12cde34f");
    expect(normalizeRecoveryCode("123456")).toBeNull();
    expect(normalizeRecoveryCode("ab12c-de34u")).toBeNull();
  });
  it("hash bound to their user", () => {
    expect(hashRecoveryCode("a", "ab12cde34f")).not.toBe(hashRecoveryCode("b", "ab12cde34f"));
    expect(hashRecoveryCode("a", "ab12cde34f")).toMatch(/^[0-9a-f]{64}$/);
  });
});
