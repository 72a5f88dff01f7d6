// The rules for a new password (NIST SP 800-63B): length, the common-password list kept in the
// repository, common words dressed up, repetitions and keyboard runs, the account's own email.
import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/server/auth/password-policy";

describe("passwordProblem", () => {
  it("accepts a long phrase of any characters, without composition rules", () => {
    for (const phrase of [
      "correct horse battery staple",
      "les migrations façonnent 2013",
      "zzvmqpelkaiw",
      "Приветствую делегации",
      "移民と開発に関するハイレベル対話",
    ]) {
      expect(passwordProblem(phrase), phrase).toBeNull();
    }
  });

  it("refuses fewer than 12 characters, counting characters rather than bytes", () => {
    expect(passwordProblem("short phrase")).toBeNull();
    expect(passwordProblem("shortphrase")).toBe("tooShort");
    expect(passwordProblem("日本語の合言葉です")).toBe("tooShort");
    expect(passwordProblem("x".repeat(1025))).toBe("tooLong");
  });

  it("refuses passwords of the list, and common words merely dressed up", () => {
    // Entries of the list itself that are long enough.
    expect(passwordProblem("passwordpassword")).toBe("common");
    expect(passwordProblem("1qaz2wsx3edc")).toBe("common");
    // A common word with digits and symbols around it, any case.
    expect(passwordProblem("Password2024!")).toBe("common");
    expect(passwordProblem("!!Dragon123456")).toBe("common");
    expect(passwordProblem("Liverpool1234")).toBe("common");
  });

  it("refuses repetitions and keyboard or alphabet runs", () => {
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("common");
    expect(passwordProblem("abcabcabcabc")).toBe("common");
    expect(passwordProblem("123456789012")).toBe("common");
    expect(passwordProblem("qwertyuiopas")).toBe("common");
    expect(passwordProblem("zyxwvutsrqpo")).toBe("common");
  });

  it("refuses a password built on the account's own email", () => {
    expect(passwordProblem("claire.dubois-2026", { email: "Claire.Dubois@diplomatie.gouv.fr" })).toBe("personal");
    expect(passwordProblem("claire.dubois-2026", { email: "someone@example.org" })).toBeNull();
  });
});
