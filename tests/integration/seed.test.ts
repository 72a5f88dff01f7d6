// The demo data of SPEC.md, seeded on a fresh database through the domain functions.
import { eq, isNotNull, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/db/prepare";
import { dialoguePartners, dialogues, memberships, papers, partners, users } from "@/db/schema";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "@/db/seed/demo";
import type { DocNode } from "@/lib/document";
import { ledgerSummary, paragraphLedger } from "@/lib/ledger";
import { signInWithPassword } from "@/server/auth/sign-in";
import { useTestDatabase } from "../helpers/database";
import { paperStatuses } from "../helpers/factories";

const testDb = useTestDatabase();

// SPEC.md, "Demo data": email → represents, dialogue, role.
const specAccounts = [
  { email: "admin@accord.test", represents: "ICMPD", dialogue: null, role: "admin" },
  { email: "chair@rabat.accord.test", represents: "SEN", dialogue: "Rabat Process", role: "chair" },
  { email: "pen@rabat.accord.test", represents: "MAR", dialogue: "Rabat Process", role: "penholder" },
  { email: "fr@rabat.accord.test", represents: "FRA", dialogue: "Rabat Process", role: "delegate" },
  { email: "es@rabat.accord.test", represents: "ESP", dialogue: "Rabat Process", role: "delegate" },
  { email: "ml@rabat.accord.test", represents: "MLI", dialogue: "Rabat Process", role: "delegate" },
  { email: "observer@rabat.accord.test", represents: "IOM", dialogue: "Rabat Process", role: "observer" },
  { email: "chair@budapest.accord.test", represents: "TUR", dialogue: "Budapest Process", role: "chair" },
  { email: "hu@budapest.accord.test", represents: "HUN", dialogue: "Budapest Process", role: "delegate" },
  { email: "hld@accord.test", represents: "UN HLD secretariat", dialogue: null, role: "hld_reviewer" },
] as const;

beforeAll(async () => {
  const db = testDb.db();
  expect(await isDatabaseEmpty(db)).toBe(true);
  await seedDemoData(db);
});

async function partnersOf(dialogueName: string) {
  return testDb
    .db()
    .select({ kind: partners.kind, iso3: partners.iso3, name: partners.name })
    .from(dialoguePartners)
    .innerJoin(dialogues, eq(dialogues.id, dialoguePartners.dialogueId))
    .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
    .where(eq(dialogues.name, dialogueName));
}

describe("seedDemoData", () => {
  it("creates every demo account of SPEC.md, each signing in with accord-demo-2013", async () => {
    expect(DEMO_PASSWORD).toBe("accord-demo-2013");
    for (const account of specAccounts) {
      const result = await signInWithPassword(testDb.db(), { email: account.email, password: "accord-demo-2013" });
      expect(result, account.email).toMatchObject({ ok: true });
    }
  });

  it("gives each demo account the role and partner of SPEC.md", async () => {
    const db = testDb.db();
    for (const account of specAccounts) {
      const [user] = await db.select().from(users).where(eq(users.email, account.email));
      expect(user, account.email).toBeDefined();
      if (!user) continue;
      if (account.dialogue === null) {
        expect(user.globalRole, account.email).toBe(account.role);
        const [partner] = await db
          .select()
          .from(partners)
          .where(eq(partners.id, user.partnerId ?? ""));
        expect(partner?.name, account.email).toBe(account.represents);
        continue;
      }
      expect(user.globalRole, account.email).toBeNull();
      const rows = await db
        .select({ role: memberships.role, dialogue: dialogues.name, iso3: partners.iso3, partner: partners.name })
        .from(memberships)
        .innerJoin(dialogues, eq(dialogues.id, memberships.dialogueId))
        .innerJoin(partners, eq(partners.id, memberships.partnerId))
        .where(eq(memberships.userId, user.id));
      expect(rows, account.email).toEqual([
        {
          role: account.role,
          dialogue: account.dialogue,
          iso3: account.represents === "IOM" ? null : account.represents,
          partner: expect.any(String),
        },
      ]);
      if (account.represents === "IOM") expect(rows[0]?.partner).toBe("IOM");
    }
  });

  it("the Rabat Process has exactly the states SEN, MAR, FRA, ESP, MLI and IOM as an organisation", async () => {
    const rows = await partnersOf("Rabat Process");
    expect(
      rows
        .filter((p) => p.kind === "state")
        .map((p) => p.iso3)
        .sort(),
    ).toEqual(["ESP", "FRA", "MAR", "MLI", "SEN"]);
    expect(rows.filter((p) => p.kind === "organisation").map((p) => p.name)).toEqual(["IOM"]);
  });

  it("the Budapest Process has exactly the states TUR and HUN", async () => {
    const rows = await partnersOf("Budapest Process");
    expect(rows.map((p) => [p.kind, p.iso3]).sort()).toEqual([
      ["state", "HUN"],
      ["state", "TUR"],
    ]);
    expect(rows.find((p) => p.iso3 === "TUR")?.name).toBe("Türkiye");
  });

  it("seeds five dialogues (Rabat, Budapest, MTM, Euromed Migration III, MME), each with a few partners", async () => {
    const rows = await testDb.db().select().from(dialogues);
    expect(rows).toHaveLength(5);
    const names = rows.map((d) => d.name).join(" | ");
    for (const expected of [/Rabat Process/, /Budapest Process/, /MTM/, /Euromed Migration III/, /MME/])
      expect(names).toMatch(expected);
    for (const dialogue of rows) {
      expect((await partnersOf(dialogue.name)).length, dialogue.name).toBeGreaterThanOrEqual(2);
    }
  });

  it("each dialogue has one paper, the five papers in five distinct workflow states", async () => {
    const db = testDb.db();
    const rows = await db
      .select({ dialogueId: papers.dialogueId, status: papers.status, text: papers.contentText })
      .from(papers)
      .where(isNull(papers.originalId));
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.dialogueId)).size).toBe(5);
    expect(rows.map((r) => r.status).sort()).toEqual([...paperStatuses].sort());
    for (const row of rows) expect(row.text.length).toBeGreaterThan(100);
  });

  it("gives dialogues their other working languages, and the MTM paper a French version in its round", async () => {
    const db = testDb.db();
    const languages = await db
      .select({ slug: dialogues.slug, otherLanguages: dialogues.otherLanguages })
      .from(dialogues)
      .orderBy(dialogues.slug);
    expect(Object.fromEntries(languages.map((d) => [d.slug, d.otherLanguages]))).toEqual({
      budapest: [],
      euromed: [],
      mme: ["pt"],
      mtm: [],
      rabat: ["pt"],
    });
    const versions = await db
      .select({
        dialogue: dialogues.slug,
        language: papers.language,
        status: papers.status,
        originalId: papers.originalId,
        title: papers.title,
      })
      .from(papers)
      .innerJoin(dialogues, eq(dialogues.id, papers.dialogueId))
      .where(isNotNull(papers.originalId));
    expect(versions.map(({ dialogue, language, status }) => ({ dialogue, language, status }))).toEqual([
      { dialogue: "mtm", language: "fr", status: "approval" },
    ]);
    const [original] = await db
      .select({ title: papers.title, status: papers.status })
      .from(papers)
      .where(eq(papers.id, versions[0]?.originalId ?? ""));
    expect(original).toEqual({ title: versions[0]?.title, status: "approval" });
  });

  it("records where each text stands in the ledger of agreement, as its stage implies", async () => {
    const db = testDb.db();
    const rows = await db
      .select({ status: papers.status, content: papers.contentJson })
      .from(papers)
      .where(isNull(papers.originalId));
    const ledgerOf = (status: string) => {
      const row = rows.find((r) => r.status === status);
      return paragraphLedger(row?.content as DocNode);
    };
    // Submitted and agreed texts are agreed throughout; a draft records nothing yet.
    for (const status of ["submitted", "agreed"]) expect(ledgerSummary(ledgerOf(status)).pending, status).toBe(0);
    expect(ledgerOf("submitted").every((entry) => entry.status === "agreed")).toBe(true);
    expect(ledgerOf("draft").every((entry) => entry.status === "pending")).toBe(true);
    // The text put to the states: agreed but for one paragraph ad referendum, with its state and date.
    const approval = ledgerOf("approval");
    expect(approval.filter((entry) => entry.status === "adRef")).toHaveLength(1);
    expect(approval.find((entry) => entry.status === "adRef")?.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The text in consultation shows every status, each held by partners of its own dialogue.
    const consultation = ledgerOf("consultation");
    const counts = ledgerSummary(consultation);
    for (const status of ["agreed", "adRef", "bracketed", "pending"] as const)
      expect(counts[status], status).toBeGreaterThan(0);
    const rabatStates = await db
      .select({ id: partners.id })
      .from(dialoguePartners)
      .innerJoin(dialogues, eq(dialogues.id, dialoguePartners.dialogueId))
      .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
      .where(eq(dialogues.name, "Rabat Process"));
    const held = consultation.flatMap((entry) => entry.partners);
    expect(held.length).toBeGreaterThanOrEqual(3);
    for (const id of held) expect(rabatStates.map((r) => r.id)).toContain(id);
  });

  it("is not seeded twice: prepareDatabase leaves a seeded database alone", async () => {
    const db = testDb.db();
    expect(await isDatabaseEmpty(db)).toBe(false);
    const before = await db.select({ id: users.id }).from(users);
    expect(await prepareDatabase(testDb.handle(), { seed: "if-empty" })).toEqual({ seeded: false });
    expect(await db.select({ id: users.id }).from(users)).toHaveLength(before.length);
  });
});
