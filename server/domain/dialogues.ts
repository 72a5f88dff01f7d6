// Dialogues and the partners taking part in them.
import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { type Dialogue, dialoguePartners, dialogues, memberships, papers, partners } from "@/db/schema";
import { countryName, isCountryCode } from "@/lib/countries";
import { isLocale } from "@/lib/i18n/locales";
import { isOtherLanguageChoice, MAX_OTHER_LANGUAGES, otherLanguageChoices } from "@/lib/language-versions";
import { recordAudit } from "../audit";
import { notifyUserAccessChanged } from "../collab/notify";
import { conflict, invalidInput, isUniqueViolation, notFound } from "../errors";
import { documentSymbolPatternSchema } from "../export/document-symbol";
import { type Actor, authorize } from "../policy";

export type NewDialogue = { name: string; slug: string; code: string; description?: string };

export async function createDialogue(db: Db, actor: Actor | null, input: NewDialogue) {
  authorize(actor, "system.administer", null);
  return db.transaction(async (tx) => {
    let dialogue: Dialogue | undefined;
    try {
      [dialogue] = await tx
        .insert(dialogues)
        .values({ name: input.name.trim(), slug: input.slug, code: input.code, description: input.description ?? "" })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict("slug or code taken", "errors.dialogueTaken");
      throw error;
    }
    if (!dialogue) throw new Error("dialogue insert returned nothing");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dialogue.created",
      targetType: "dialogue",
      targetId: dialogue.id,
      dialogueId: dialogue.id,
      details: { name: dialogue.name, code: dialogue.code },
    });
    return dialogue;
  });
}

export type PartnerSpec = { kind: "state"; iso3: string } | { kind: "organisation"; name: string };

/** Finds the partner, creating it the first time it is named (states from the ISO list). */
export async function ensurePartner(db: DbOrTx, spec: PartnerSpec) {
  if (spec.kind === "state") {
    const iso3 = spec.iso3.toUpperCase();
    if (!isCountryCode(iso3)) throw invalidInput(`unknown country ${iso3}`, "errors.unknownCountry");
    const name = countryName(iso3, "en") ?? iso3;
    await db.insert(partners).values({ kind: "state", iso3, name }).onConflictDoNothing();
    const [partner] = await db.select().from(partners).where(eq(partners.iso3, iso3));
    if (!partner) throw new Error("partner vanished");
    return partner;
  }
  const name = spec.name.trim();
  if (!name) throw invalidInput("organisation name required", "errors.organisationNameRequired");
  await db.insert(partners).values({ kind: "organisation", name }).onConflictDoNothing();
  const [partner] = await db
    .select()
    .from(partners)
    .where(and(eq(partners.kind, "organisation"), eq(partners.name, name)));
  if (!partner) throw new Error("partner vanished");
  return partner;
}

export async function addDialoguePartner(
  db: Db,
  actor: Actor | null,
  input: { dialogueId: string; partner: PartnerSpec },
) {
  authorize(actor, "system.administer", null);
  return db.transaction(async (tx) => {
    const [dialogue] = await tx.select({ id: dialogues.id }).from(dialogues).where(eq(dialogues.id, input.dialogueId));
    if (!dialogue) throw notFound("dialogue");
    const partner = await ensurePartner(tx, input.partner);
    const inserted = await tx
      .insert(dialoguePartners)
      .values({ dialogueId: dialogue.id, partnerId: partner.id })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict("partner already in dialogue", "errors.partnerAlreadyInDialogue");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dialogue.partner_added",
      targetType: "partner",
      targetId: partner.id,
      dialogueId: dialogue.id,
      details: { kind: partner.kind, iso3: partner.iso3, name: partner.name },
    });
    return partner;
  });
}

/**
 * Whether the dialogue requires a second factor at sign-in. From then on, a session opened with
 * a password alone no longer carries the membership (server/actor.ts): its members are sent to set
 * up two-factor sign-in, or to sign in again with it; their open sockets are re-checked at once.
 */
export async function setDialogueTwoFactor(
  db: Db,
  actor: Actor | null,
  input: { dialogueId: string; required: boolean },
): Promise<{ changed: boolean }> {
  authorize(actor, "dialogue.requireTwoFactor", { dialogueId: input.dialogueId });
  const result = await db.transaction(async (tx) => {
    const [dialogue] = await tx.select().from(dialogues).where(eq(dialogues.id, input.dialogueId)).for("update");
    if (!dialogue) throw notFound("dialogue");
    if (dialogue.requireTwoFactor === input.required) return { changed: false, memberIds: [] };
    await tx.update(dialogues).set({ requireTwoFactor: input.required }).where(eq(dialogues.id, dialogue.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.required ? "dialogue.two_factor_required" : "dialogue.two_factor_optional",
      targetType: "dialogue",
      targetId: dialogue.id,
      dialogueId: dialogue.id,
    });
    const members = await tx
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.dialogueId, dialogue.id));
    return { changed: true, memberIds: members.map((m) => m.userId) };
  });
  for (const userId of result.memberIds) await notifyUserAccessChanged(userId);
  return { changed: result.changed };
}

/**
 * The dialogue's document symbol pattern (server/export/document-symbol.ts), or null for no
 * symbols. Only revisions frozen afterwards get symbols from it: issued symbols never change.
 */
export async function setDocumentSymbolPattern(
  db: Db,
  actor: Actor | null,
  input: { dialogueId: string; pattern: string },
): Promise<{ changed: boolean; pattern: string | null }> {
  authorize(actor, "system.administer", null);
  const parsed = documentSymbolPatternSchema.safeParse(input.pattern);
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? "exports.symbol.errors.characters";
    throw invalidInput("invalid document symbol pattern", key.startsWith("exports.symbol.") ? key : undefined);
  }
  const pattern = parsed.data;
  return db.transaction(async (tx) => {
    const [dialogue] = await tx.select().from(dialogues).where(eq(dialogues.id, input.dialogueId)).for("update");
    if (!dialogue) throw notFound("dialogue");
    if (dialogue.documentSymbolPattern === pattern) return { changed: false, pattern };
    await tx.update(dialogues).set({ documentSymbolPattern: pattern }).where(eq(dialogues.id, dialogue.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dialogue.symbol_pattern_changed",
      targetType: "dialogue",
      targetId: dialogue.id,
      dialogueId: dialogue.id,
      details: { from: dialogue.documentSymbolPattern, to: pattern },
    });
    return { changed: true, pattern };
  });
}

/**
 * The languages the dialogue works in besides the six of the UN (its papers' versions may be
 * written in these too: lib/language-versions.ts). Stored in the order of the curated list, so
 * the same choice is the same value. A language some paper of the dialogue is written in (an
 * original or a version) stays: removing it would leave that version in a language the dialogue
 * no longer offers, so the refusal asks for the version to go first.
 */
export async function setDialogueLanguages(
  db: Db,
  actor: Actor | null,
  input: { dialogueId: string; otherLanguages: readonly string[] },
): Promise<{ changed: boolean; otherLanguages: string[] }> {
  authorize(actor, "dialogue.manageLanguages", { dialogueId: input.dialogueId });
  const codes = input.otherLanguages;
  if (codes.some((code) => isLocale(code)))
    throw invalidInput("a UN language is always available", "admin.languages.errors.unLanguage");
  if (!codes.every((code) => isOtherLanguageChoice(code)))
    throw invalidInput("unknown language", "admin.languages.errors.unknown");
  if (new Set(codes).size !== codes.length)
    throw invalidInput("a language given twice", "admin.languages.errors.duplicate");
  if (codes.length > MAX_OTHER_LANGUAGES) throw invalidInput("too many languages", "admin.languages.errors.tooMany");
  const chosen = new Set<string>(codes);
  const otherLanguages = otherLanguageChoices.filter((code) => chosen.has(code));
  return db.transaction(async (tx) => {
    // Locked: a version being added in a language waits, or is waited for (addLanguageVersion
    // holds this row for share), so a removal never passes a version being written.
    const [dialogue] = await tx.select().from(dialogues).where(eq(dialogues.id, input.dialogueId)).for("update");
    if (!dialogue) throw notFound("dialogue");
    const before = dialogue.otherLanguages;
    if (before.length === otherLanguages.length && before.every((code, i) => code === otherLanguages[i]))
      return { changed: false, otherLanguages };
    const removed = before.filter((code) => !chosen.has(code));
    if (removed.length > 0) {
      const [inUse] = await tx
        .select({ language: papers.language })
        .from(papers)
        .where(and(eq(papers.dialogueId, dialogue.id), inArray(papers.language, removed)))
        .limit(1);
      if (inUse) throw conflict(`language ${inUse.language} in use`, "admin.languages.errors.inUse");
    }
    await tx.update(dialogues).set({ otherLanguages }).where(eq(dialogues.id, dialogue.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "dialogue.languages_changed",
      targetType: "dialogue",
      targetId: dialogue.id,
      dialogueId: dialogue.id,
      details: { from: before, to: otherLanguages },
    });
    return { changed: true, otherLanguages };
  });
}
