// Document symbols: the pattern's rules (a translated refusal that changes nothing), who may set
// it (the secretariat, audited), and the symbol issued with a frozen revision from the pattern
// in force then, kept when the pattern changes later.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, dialogues, revisions } from "@/db/schema";
import { translator } from "@/lib/i18n/translate";
import { failureMessage } from "@/server/action-result";
import { setDocumentSymbolPattern } from "@/server/domain/dialogues";
import { documentSymbolFor, symbolPatternProblem } from "@/server/export/document-symbol";
import { latestDocumentSymbol, revisionDocumentSymbol } from "@/server/export/symbol-queries";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus } from "../helpers/factories";

const test = useTestDatabase();
let world: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(test.db());
}, 120_000);

async function storedPattern(dialogueId: string) {
  const [row] = await test
    .db()
    .select({ pattern: dialogues.documentSymbolPattern })
    .from(dialogues)
    .where(eq(dialogues.id, dialogueId));
  return row?.pattern;
}

async function auditCount(dialogueId: string) {
  const [row] = await test
    .db()
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "dialogue.symbol_pattern_changed"), eq(auditEvents.targetId, dialogueId)));
  return Number(row?.n ?? 0);
}

describe("the pattern language", () => {
  it("accepts literals with {number} once and {year} at most as often as wanted", () => {
    expect(symbolPatternProblem("RABAT/{year}/WG.1/L.{number}")).toBeNull();
    expect(symbolPatternProblem("A/HRC/WG 6/L.{number}")).toBeNull();
    expect(symbolPatternProblem("RABAT/L.{year}")).toBe("number");
    expect(symbolPatternProblem("L.{number}/{number}")).toBe("number");
    expect(symbolPatternProblem("L.{number}/{month}")).toBe("placeholder");
    expect(symbolPatternProblem("L.{number}<script>")).toBe("characters");
    expect(symbolPatternProblem(`L.{number}/${"X".repeat(60)}`)).toBe("tooLong");
  });

  it("issues UN symbols: the first revision the base symbol, later ones /Rev.(n-1)", () => {
    const frozenAt = new Date("2026-03-01T00:00:00Z");
    const pattern = "RABAT/{year}/WG.1/L.{number}";
    expect(documentSymbolFor(pattern, { serialNumber: 3, revision: 1, frozenAt })).toBe("RABAT/2026/WG.1/L.3");
    expect(documentSymbolFor(pattern, { serialNumber: 3, revision: 2, frozenAt })).toBe("RABAT/2026/WG.1/L.3/Rev.1");
    expect(documentSymbolFor(pattern, { serialNumber: 12, revision: 4, frozenAt })).toBe("RABAT/2026/WG.1/L.12/Rev.3");
  });
});

describe("setting a dialogue's pattern", () => {
  it("refuses a bad pattern with a translated reason, and changes nothing", async () => {
    const { dialogue } = world;
    const before = await storedPattern(dialogue.id);
    const refusal = await setDocumentSymbolPattern(test.db(), world.actors.admin, {
      dialogueId: dialogue.id,
      pattern: "RABAT/{year}/L.{paper}",
    }).catch((error: unknown) => error);
    expect(failureMessage(refusal, translator("en"))).toBe(
      "Unknown placeholder: only {number} and {year} are allowed.",
    );
    expect(failureMessage(refusal, translator("fr"))).toBe(
      "Variable inconnue\u202f: seules {number} et {year} sont permises.",
    );
    expect(await storedPattern(dialogue.id)).toBe(before);
    expect(await auditCount(dialogue.id)).toBe(0);
  });

  it("is the secretariat's: a chair is refused (as for anything administrative, not found)", async () => {
    await expect(
      setDocumentSymbolPattern(test.db(), world.actors.chair, {
        dialogueId: world.dialogue.id,
        pattern: "X/L.{number}",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await auditCount(world.dialogue.id)).toBe(0);
  });

  it("saves a good pattern (trimmed), audits the change once, and blank turns symbols off", async () => {
    const { dialogue } = world;
    const admin = world.actors.admin;
    const pattern = "RABAT/{year}/WG.1/L.{number}";
    expect(
      await setDocumentSymbolPattern(test.db(), admin, { dialogueId: dialogue.id, pattern: `  ${pattern} ` }),
    ).toEqual({ changed: true, pattern });
    expect(await storedPattern(dialogue.id)).toBe(pattern);
    expect(await setDocumentSymbolPattern(test.db(), admin, { dialogueId: dialogue.id, pattern })).toEqual({
      changed: false,
      pattern,
    });
    expect(await auditCount(dialogue.id)).toBe(1);
    await setDocumentSymbolPattern(test.db(), admin, { dialogueId: dialogue.id, pattern: " " });
    expect(await storedPattern(dialogue.id)).toBeNull();
    expect(await auditCount(dialogue.id)).toBe(2);
  });
});

describe("issuing symbols", () => {
  it("a frozen revision gets its symbol from the pattern then in force; a later pattern does not change it", async () => {
    const db = test.db();
    const admin = world.actors.admin;
    await setDocumentSymbolPattern(db, admin, {
      dialogueId: world.dialogue.id,
      pattern: "RABAT/{year}/WG.1/L.{number}",
    });
    const now = new Date("2026-05-04T10:00:00Z");
    const { paper, revision } = await makePaperInStatus(db, "approval", world, { now });
    if (!revision) throw new Error("no revision");
    const expected = `RABAT/2026/WG.1/L.${paper.serialNumber}`;
    const [row] = await db.select().from(revisions).where(eq(revisions.id, revision.id));
    expect(row?.documentSymbol).toBe(expected);
    expect(await latestDocumentSymbol(db, paper.id)).toBe(expected);
    expect(await revisionDocumentSymbol(db, paper.id, 1)).toBe(expected);

    await setDocumentSymbolPattern(db, admin, { dialogueId: world.dialogue.id, pattern: "OTHER/L.{number}" });
    expect(await revisionDocumentSymbol(db, paper.id, 1)).toBe(expected);
  });

  it("a dialogue without a pattern issues none", async () => {
    const db = test.db();
    await setDocumentSymbolPattern(db, world.actors.admin, { dialogueId: world.dialogue.id, pattern: "" });
    const { paper } = await makePaperInStatus(db, "approval", world);
    expect(await latestDocumentSymbol(db, paper.id)).toBeNull();
  });
});
