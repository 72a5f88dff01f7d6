// Pure rules: how a round is decided, how long sign-in is locked, when seeding is allowed.
import { describe, expect, it } from "vitest";
import { assertSeedingAllowed, SeedRefusedError } from "@/db/prepare";
import { decideRound } from "@/server/domain/workflow";
import { assertSecureTransport, InsecureTransportError, secureCookies } from "@/server/secret";

describe("decideRound", () => {
  type Value = "approve" | "object" | "abstain";
  const states = ["SEN", "MAR", "FRA"];
  const decide = (answers: Record<string, Value>, procedure: "consensus" | "silence", deadlinePassed: boolean) =>
    decideRound({ statePartnerIds: states, positions: new Map(Object.entries(answers)), procedure, deadlinePassed });

  const cases: [string, Record<string, Value>, "consensus" | "silence", boolean, "agreed" | "not_agreed" | null][] = [
    ["everyone approves", { SEN: "approve", MAR: "approve", FRA: "approve" }, "consensus", false, "agreed"],
    ["approvals and abstentions", { SEN: "approve", MAR: "abstain", FRA: "abstain" }, "consensus", false, "agreed"],
    ["everyone abstains", { SEN: "abstain", MAR: "abstain", FRA: "abstain" }, "consensus", false, "not_agreed"],
    ["one objection, before the deadline", { SEN: "approve", MAR: "object" }, "consensus", false, "not_agreed"],
    ["one objection under silence procedure", { SEN: "approve", MAR: "object" }, "silence", false, "not_agreed"],
    ["missing answers before the deadline", { SEN: "approve" }, "consensus", false, null],
    ["missing answers before a silence deadline", { SEN: "approve" }, "silence", false, null],
    ["missing answers at a consensus deadline", { SEN: "approve", MAR: "approve" }, "consensus", true, "not_agreed"],
    ["silence at a silence deadline", { SEN: "approve" }, "silence", true, "agreed"],
    ["total silence at a silence deadline", {}, "silence", true, "agreed"],
    ["silence and an objection at the deadline", { FRA: "object" }, "silence", true, "not_agreed"],
    [
      "an answer from a partner that is not a state is ignored",
      { SEN: "approve", IOM: "object" } as Record<string, Value>,
      "consensus",
      false,
      null,
    ],
  ];
  for (const [name, answers, procedure, deadlinePassed, outcome] of cases) {
    it(`${name} (${procedure}${deadlinePassed ? ", deadline passed" : ""}) → ${outcome ?? "stays open"}`, () => {
      expect(decide(answers, procedure, deadlinePassed)).toEqual(outcome === null ? null : { outcome });
    });
  }
});

describe("assertSeedingAllowed", () => {
  it("allows seeding outside production", () => {
    expect(() => assertSeedingAllowed({ NODE_ENV: "development" })).not.toThrow();
    expect(() => assertSeedingAllowed({ NODE_ENV: "test" })).not.toThrow();
  });

  it("refuses in production unless forced", () => {
    expect(() => assertSeedingAllowed({ NODE_ENV: "production" })).toThrow(SeedRefusedError);
    expect(() => assertSeedingAllowed({ NODE_ENV: "production" }, true)).not.toThrow();
    expect(() => assertSeedingAllowed({ NODE_ENV: "production", ACCORD_SEED_FORCE: "1" })).not.toThrow();
    expect(() => assertSeedingAllowed({ NODE_ENV: "production", ACCORD_SEED_FORCE: "yes" })).toThrow(SeedRefusedError);
  });
});

describe("secure transport in production", () => {
  it("makes session cookies Secure in production unless plain HTTP is allowed in so many words", () => {
    expect(secureCookies({ NODE_ENV: "production" })).toBe(true);
    expect(secureCookies({ NODE_ENV: "production", ACCORD_ALLOW_HTTP: "1" })).toBe(false);
    expect(secureCookies({ NODE_ENV: "production", ACCORD_ALLOW_HTTP: "yes" })).toBe(true);
    expect(secureCookies({ NODE_ENV: "development" })).toBe(false);
  });

  it("refuses to start production whose public address is plain HTTP, without the explicit setting", () => {
    expect(() => assertSecureTransport({ NODE_ENV: "production", AUTH_URL: "http://accord.example.org" })).toThrow(
      InsecureTransportError,
    );
    expect(() => assertSecureTransport({ NODE_ENV: "production" })).toThrow(/ACCORD_ALLOW_HTTP=1/);
    expect(() =>
      assertSecureTransport({ NODE_ENV: "production", AUTH_URL: "https://accord.example.org" }),
    ).not.toThrow();
    expect(() =>
      assertSecureTransport({ NODE_ENV: "production", AUTH_URL: "http://localhost:3000", ACCORD_ALLOW_HTTP: "1" }),
    ).not.toThrow();
    expect(() => assertSecureTransport({ NODE_ENV: "development", AUTH_URL: "http://localhost:3000" })).not.toThrow();
  });
});
