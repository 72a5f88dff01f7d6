// A dialogue's working languages (issue 19) against a real database: the secretariat sets the
// languages the dialogue uses besides the six of the UN (audited; a refusal changes nothing and
// says why in the reader's language); a language version may be added in the six and in those
// only; a language a paper is written in cannot be removed.
import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, dialogues, papers } from "@/db/schema";
import { translator } from "@/lib/i18n/translate";
import { MAX_OTHER_LANGUAGES, otherLanguageChoices, versionLanguagesOf } from "@/lib/language-versions";
import { failureMessage } from "@/server/action-result";
import { setDialogueLanguages } from "@/server/domain/dialogues";
import { addLanguageVersion } from "@/server/domain/language-versions";
import { AppError } from "@/server/errors";
import { dialogueLanguagesInUse } from "@/server/queries/dialogues";
import { useTestDatabase } from "../helpers/database";
import { type DialogueWithRoles, makeDialogueWithRoles, makePaperInStatus, type Role } from "../helpers/factories";

const testDb = useTestDatabase();
let world: DialogueWithRoles;

beforeAll(async () => {
  world = await makeDialogueWithRoles(testDb.db());
}, 120_000);

async function storedLanguages(dialogueId = world.dialogue.id) {
  const [row] = await testDb
    .db()
    .select({ otherLanguages: dialogues.otherLanguages })
    .from(dialogues)
    .where(eq(dialogues.id, dialogueId));
  return row?.otherLanguages;
}

async function languageAudits(dialogueId = world.dialogue.id) {
  return testDb
    .db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "dialogue.languages_changed"), eq(auditEvents.targetId, dialogueId)))
    .orderBy(asc(auditEvents.id));
}

async function auditTotal() {
  const [row] = await testDb.db().select({ n: count() }).from(auditEvents);
  return Number(row?.n ?? 0);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
  return "allowed";
}

const setLanguages = (role: Role, otherLanguages: readonly string[], dialogueId = world.dialogue.id) =>
  setDialogueLanguages(testDb.db(), world.actors[role], { dialogueId, otherLanguages });

describe("the languages a version may be in", () => {
  it("are the six UN languages in the UN's order, then the dialogue's others", () => {
    expect(versionLanguagesOf([])).toEqual(["ar", "zh", "en", "fr", "ru", "es"]);
    expect(versionLanguagesOf(["pt", "sw"])).toEqual(["ar", "zh", "en", "fr", "ru", "es", "pt", "sw"]);
    // The curated list holds no UN language and no code twice, each one a language the platform can name.
    expect(otherLanguageChoices.filter((code) => versionLanguagesOf([]).includes(code))).toEqual([]);
    expect(new Set(otherLanguageChoices).size).toBe(otherLanguageChoices.length);
    for (const code of otherLanguageChoices) {
      expect(new Intl.DisplayNames(["en"], { type: "language" }).of(code), code).not.toBe(code);
    }
  });
});

describe("setting a dialogue's other languages", () => {
  it("is the secretariat's: stored in the list's order, audited once per change", async () => {
    expect(await storedLanguages()).toEqual([]);
    expect(await setLanguages("admin", ["sw", "pt"])).toEqual({ changed: true, otherLanguages: ["pt", "sw"] });
    expect(await storedLanguages()).toEqual(["pt", "sw"]);
    // The same choice again changes nothing and records nothing.
    expect(await setLanguages("admin", ["pt", "sw"])).toEqual({ changed: false, otherLanguages: ["pt", "sw"] });
    const audits = await languageAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: world.actors.admin.id,
      targetType: "dialogue",
      dialogueId: world.dialogue.id,
      details: { from: [], to: ["pt", "sw"] },
    });
    expect(await setLanguages("admin", ["pt"])).toEqual({ changed: true, otherLanguages: ["pt"] });
    expect((await languageAudits()).at(-1)?.details).toEqual({ from: ["pt", "sw"], to: ["pt"] });
    expect(await storedLanguages()).toEqual(["pt"]);
  });

  it("is refused to every dialogue role and to outsiders, with nothing changed", async () => {
    const before = await storedLanguages();
    const audits = await auditTotal();
    for (const role of ["chair", "penholder", "delegate", "observer"] as const) {
      expect(await refusal(setLanguages(role, ["de"])), role).toBe("forbidden:errors.forbidden");
    }
    // Those who may not even see the dialogue learn nothing of it.
    for (const role of ["outsider", "hld_reviewer"] as const) {
      expect(await refusal(setLanguages(role, ["de"])), role).toBe("not_found:errors.not_found");
    }
    expect(await storedLanguages()).toEqual(before);
    expect(await auditTotal()).toBe(audits);
  });

  it("refuses unknown codes, UN languages, a code twice and more than 12, saying why, with nothing changed", async () => {
    const before = await storedLanguages();
    const audits = await auditTotal();
    const tooMany = otherLanguageChoices.slice(0, MAX_OTHER_LANGUAGES + 1);
    const cases: [string[], string][] = [
      [["xx"], "invalid_input:admin.languages.errors.unknown"],
      [["PT"], "invalid_input:admin.languages.errors.unknown"],
      [["pt", "<script>"], "invalid_input:admin.languages.errors.unknown"],
      [["fr"], "invalid_input:admin.languages.errors.unLanguage"],
      [["pt", "ar"], "invalid_input:admin.languages.errors.unLanguage"],
      [["pt", "pt"], "invalid_input:admin.languages.errors.duplicate"],
      [[...tooMany], "invalid_input:admin.languages.errors.tooMany"],
    ];
    for (const [codes, expected] of cases) {
      expect(await refusal(setLanguages("admin", codes)), codes.join(",")).toBe(expected);
    }
    expect(await storedLanguages()).toEqual(before);
    expect(await auditTotal()).toBe(audits);
    // Twelve is allowed (and the database's own check agrees).
    const twelve = otherLanguageChoices.slice(0, MAX_OTHER_LANGUAGES);
    const { dialogue } = await makeDialogueWithRoles(testDb.db());
    expect((await setLanguages("admin", twelve, dialogue.id)).otherLanguages).toHaveLength(12);
    // The reader is told why, in their language.
    const error = await setLanguages("admin", ["fr"]).catch((e: unknown) => e);
    expect(failureMessage(error, translator("fr"))).toBe(
      "Les six langues de l’ONU sont toujours disponibles\u202f: choisissez parmi les autres langues.",
    );
    expect(failureMessage(error, translator("en"))).toBe(
      "The six UN languages are always available: choose among the other languages.",
    );
  });

  it("refuses an unknown dialogue as not found", async () => {
    expect(await refusal(setLanguages("admin", ["pt"], "00000000-0000-4000-8000-000000000000"))).toBe(
      "not_found:errors.not_found",
    );
  });
});

describe("language versions follow the dialogue's languages", () => {
  it("are refused in a language the dialogue does not use, accepted once it does", async () => {
    const { dialogue } = world;
    await setLanguages("admin", []);
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
    const add = (language: string) =>
      refusal(addLanguageVersion(testDb.db(), world.actors.chair, { paperId: paper.id, language }));
    expect(await add("pt")).toBe("invalid_input:versions.invalidLanguage");
    expect(await add("de")).toBe("invalid_input:versions.invalidLanguage");
    // Every UN language is always available.
    expect(await add("ar")).toBe("allowed");

    await setLanguages("admin", ["pt"]);
    expect(await add("pt")).toBe("allowed");
    expect(await add("de")).toBe("invalid_input:versions.invalidLanguage");
    const versions = await testDb
      .db()
      .select({ language: papers.language })
      .from(papers)
      .where(eq(papers.originalId, paper.id))
      .orderBy(asc(papers.language));
    expect(versions.map((v) => v.language)).toEqual(["ar", "pt"]);
    expect(await dialogueLanguagesInUse(testDb.db(), world.actors.admin, dialogue.id)).toEqual(
      new Set(["ar", "en", "pt"]),
    );
    // Only the secretariat is told which languages are in use.
    expect(await dialogueLanguagesInUse(testDb.db(), world.actors.chair, dialogue.id)).toEqual(new Set());
  });

  it("keep their language: removing it is refused, with nothing changed, while others may go", async () => {
    await setLanguages("admin", ["pt", "sw"]);
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
    await addLanguageVersion(testDb.db(), world.actors.penholder, { paperId: paper.id, language: "pt" });
    const audits = await auditTotal();
    expect(await refusal(setLanguages("admin", ["sw"]))).toBe("conflict:admin.languages.errors.inUse");
    expect(await refusal(setLanguages("admin", []))).toBe("conflict:admin.languages.errors.inUse");
    expect(await storedLanguages()).toEqual(["pt", "sw"]);
    expect(await auditTotal()).toBe(audits);
    expect(await setLanguages("admin", ["pt"])).toEqual({ changed: true, otherLanguages: ["pt"] });
    expect(await setLanguages("admin", ["pt", "wo"])).toEqual({ changed: true, otherLanguages: ["pt", "wo"] });
  });

  it("are per dialogue: another dialogue's languages offer nothing here", async () => {
    await setLanguages("admin", ["sw"], world.otherDialogue.id);
    const { paper } = await makePaperInStatus(testDb.db(), "draft", world);
    expect(await storedLanguages()).not.toContain("sw");
    expect(
      await refusal(addLanguageVersion(testDb.db(), world.actors.chair, { paperId: paper.id, language: "sw" })),
    ).toBe("invalid_input:versions.invalidLanguage");
  });
});
