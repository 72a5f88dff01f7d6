// The demo data of SPEC.md, built only through the domain functions that the app and the
// tests use, acting as the people who would do each step.
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type DialogueRole, users } from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { loadActor } from "@/server/actor";
import { type IssuedLink, setPasswordByLink } from "@/server/domain/account-links";
import {
  addDialoguePartner,
  createDialogue,
  ensurePartner,
  type PartnerSpec,
  setDialogueLanguages,
  setDocumentSymbolPattern,
} from "@/server/domain/dialogues";
import { addLanguageVersion } from "@/server/domain/language-versions";
import { addMember, appointFocalPoint, confirmMembership } from "@/server/domain/memberships";
import { createPaper } from "@/server/domain/papers";
import { bootstrapAdministrator, createAccount } from "@/server/domain/users";
import { changeStage, freezeAndOpenRound, recordPosition, submitToHld } from "@/server/domain/workflow";
import { withSeedLedger } from "./ledger";
import { seedPaperTexts } from "./texts";

export const DEMO_PASSWORD = "accord-demo-2013";

type DemoMember = { email: string; name: string; partner: string; role: DialogueRole };
type DemoDialogue = {
  slug: string;
  code: string;
  name: string;
  description: string;
  partners: PartnerSpec[];
  members: DemoMember[];
  /** Where the demo paper is left in the workflow. */
  paperStatus: "draft" | "consultation" | "approval" | "agreed" | "submitted";
  /** The languages the dialogue works in besides the six of the UN (ISO 639-1). */
  otherLanguages?: string[];
  /** The demo paper's language versions, added by the chair while its text is open. */
  versionLanguages?: string[];
};

const state = (iso3: string): PartnerSpec => ({ kind: "state", iso3 });
const organisation = (name: string): PartnerSpec => ({ kind: "organisation", name });

export const demoDialogues: DemoDialogue[] = [
  {
    slug: "rabat",
    code: "RABAT",
    name: "Rabat Process",
    description: "Euro-African Dialogue on Migration and Development",
    partners: [state("SEN"), state("MAR"), state("FRA"), state("ESP"), state("MLI"), organisation("IOM")],
    members: [
      { email: "chair@rabat.accord.test", name: "Aminata Diop", partner: "SEN", role: "chair" },
      { email: "pen@rabat.accord.test", name: "Youssef El Amrani", partner: "MAR", role: "penholder" },
      { email: "fr@rabat.accord.test", name: "Claire Dubois", partner: "FRA", role: "delegate" },
      { email: "es@rabat.accord.test", name: "Javier Ruiz", partner: "ESP", role: "delegate" },
      { email: "ml@rabat.accord.test", name: "Moussa Keïta", partner: "MLI", role: "delegate" },
      { email: "observer@rabat.accord.test", name: "Helen Okafor", partner: "IOM", role: "observer" },
    ],
    paperStatus: "consultation",
    // Cabo Verde, Guinea-Bissau and São Tomé and Príncipe are partners of the Rabat Process.
    otherLanguages: ["pt"],
  },
  {
    slug: "budapest",
    code: "BUDAPEST",
    name: "Budapest Process",
    description: "Inter-regional dialogue on migration from the Silk Routes region to Europe",
    partners: [state("TUR"), state("HUN")],
    members: [
      { email: "chair@budapest.accord.test", name: "Elif Yılmaz", partner: "TUR", role: "chair" },
      { email: "hu@budapest.accord.test", name: "Gábor Nagy", partner: "HUN", role: "delegate" },
    ],
    paperStatus: "draft",
  },
  {
    slug: "mtm",
    code: "MTM",
    name: "MTM Dialogue",
    description: "Dialogue on Mediterranean Transit Migration",
    partners: [state("ITA"), state("TUN"), state("LBN"), organisation("UNHCR")],
    members: [
      { email: "chair@mtm.accord.test", name: "Giulia Romano", partner: "ITA", role: "chair" },
      { email: "tn@mtm.accord.test", name: "Sami Ben Salah", partner: "TUN", role: "delegate" },
      { email: "lb@mtm.accord.test", name: "Rania Haddad", partner: "LBN", role: "delegate" },
    ],
    paperStatus: "approval",
    // For the francophone partners (Tunisia, Lebanon): frozen with the original, put to the round.
    versionLanguages: ["fr"],
  },
  {
    slug: "euromed",
    code: "EUROMED",
    name: "Euromed Migration III",
    description: "Euro-Mediterranean cooperation on migration",
    partners: [state("EGY"), state("JOR"), state("GRC")],
    members: [
      { email: "chair@euromed.accord.test", name: "Nadia Farouk", partner: "EGY", role: "chair" },
      { email: "jo@euromed.accord.test", name: "Omar Al-Khatib", partner: "JOR", role: "delegate" },
      { email: "gr@euromed.accord.test", name: "Eleni Papadopoulou", partner: "GRC", role: "delegate" },
    ],
    paperStatus: "agreed",
  },
  {
    slug: "mme",
    code: "MME",
    name: "Africa-EU MME Partnership",
    description: "Africa-EU Partnership on Migration, Mobility and Employment",
    partners: [
      state("NGA"),
      state("ETH"),
      state("DEU"),
      organisation("European Commission"),
      organisation("African Union Commission"),
    ],
    members: [
      { email: "chair@mme.accord.test", name: "Chinedu Okeke", partner: "NGA", role: "chair" },
      { email: "et@mme.accord.test", name: "Selam Tesfaye", partner: "ETH", role: "delegate" },
      { email: "de@mme.accord.test", name: "Katrin Weber", partner: "DEU", role: "delegate" },
      { email: "ec@mme.accord.test", name: "Pierre Lambert", partner: "European Commission", role: "observer" },
    ],
    paperStatus: "submitted",
    // The Lusophone African states (Angola, Mozambique…) take part in the partnership.
    otherLanguages: ["pt"],
  },
];

const partnerKey = (spec: PartnerSpec) => (spec.kind === "state" ? spec.iso3 : spec.name);

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}

async function actorFor(db: Db, userId: string) {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`seed: no actor ${userId}`);
  return actor;
}

/** The demo person sets their password through the link their invitation email carries. */
async function acceptInvitation(db: Db, invitation: IssuedLink) {
  await setPasswordByLink(db, { token: invitation.token, purpose: "invitation", password: DEMO_PASSWORD });
}

/** Seeds the demo data. The caller checks the database is empty and that this is not production. */
export async function seedDemoData(db: Db, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const icmpd = await ensurePartner(db, organisation("ICMPD"));
  const hldSecretariat = await ensurePartner(db, organisation("UN HLD secretariat"));
  const adminUser = await bootstrapAdministrator(db, {
    email: "admin@accord.test",
    name: "ICMPD Secretariat",
    partnerId: icmpd.id,
  });
  await acceptInvitation(db, adminUser.invitation);
  const admin = await actorFor(db, adminUser.id);
  const reviewer = await createAccount(db, admin, {
    email: "hld@accord.test",
    name: "HLD Secretariat Reviewer",
    globalRole: "hld_reviewer",
    partnerId: hldSecretariat.id,
  });
  await acceptInvitation(db, reviewer.invitation);

  for (const spec of demoDialogues) {
    const dialogue = await createDialogue(db, admin, {
      name: spec.name,
      slug: spec.slug,
      code: spec.code,
      description: spec.description,
    });
    // UN-style document symbols, e.g. RABAT/2026/WG.1/L.3/Rev.1 (server/export/document-symbol.ts).
    await setDocumentSymbolPattern(db, admin, {
      dialogueId: dialogue.id,
      pattern: `${spec.code}/{year}/WG.1/L.{number}`,
    });
    if (spec.otherLanguages) {
      await setDialogueLanguages(db, admin, { dialogueId: dialogue.id, otherLanguages: spec.otherLanguages });
    }
    const partnerIds = new Map<string, string>();
    for (const partner of spec.partners) {
      const created = await addDialoguePartner(db, admin, { dialogueId: dialogue.id, partner });
      partnerIds.set(partnerKey(partner), created.id);
    }
    const userIds = new Map<string, { userId: string; partnerId: string }>();
    // The secretariat appoints the chair; the chair invites everyone else. Each person accepts
    // their invitation by setting their own password, and each state's demo delegate, appointed
    // its focal point, confirms that they speak for it (as in real use; accounts start active).
    const ordered = [...spec.members].sort((a, b) => Number(b.role === "chair") - Number(a.role === "chair"));
    for (const member of ordered) {
      const partnerId = partnerIds.get(member.partner);
      if (!partnerId) throw new Error(`seed: unknown partner ${member.partner}`);
      const chairIds = userIds.get(ordered[0]?.email ?? "");
      const inviter = member.role === "chair" || !chairIds ? admin : await actorFor(db, chairIds.userId);
      const added = await addMember(db, inviter, {
        dialogueId: dialogue.id,
        email: member.email,
        role: member.role,
        partnerId,
        newAccount: { name: member.name },
      });
      if (added.invitation) await acceptInvitation(db, added.invitation);
      if (member.role !== "observer") {
        await appointFocalPoint(db, admin, { partnerId, userId: added.userId });
      }
      if (added.pending) await confirmMembership(db, await actorFor(db, added.userId), { requestId: added.id });
      userIds.set(member.email, { userId: added.userId, partnerId });
    }

    const text = seedPaperTexts.find((t) => t.dialogueSlug === spec.slug);
    if (!text) throw new Error(`seed: no text for ${spec.slug}`);
    const chairEmail = spec.members.find((m) => m.role === "chair")?.email ?? "";
    const chairIds = userIds.get(chairEmail);
    if (!chairIds) throw new Error(`seed: no chair for ${spec.slug}`);
    const chair = await actorFor(db, chairIds.userId);
    const stateIds = spec.partners.flatMap((partner) => {
      const id = partner.kind === "state" ? partnerIds.get(partnerKey(partner)) : undefined;
      return id ? [id] : [];
    });
    const paper = await createPaper(db, chair, {
      dialogueId: dialogue.id,
      title: text.title,
      kind: text.kind,
      content: withSeedLedger(text.doc as DocNode, spec.paperStatus, stateIds, now),
    });
    for (const language of spec.versionLanguages ?? []) {
      await addLanguageVersion(db, chair, { paperId: paper.id, language });
    }
    if (spec.paperStatus === "draft") continue;
    await changeStage(db, chair, { paperId: paper.id, to: "consultation" });
    if (spec.paperStatus === "consultation") continue;

    const deadline = new Date(now.getTime() + 14 * 24 * 3600 * 1000);
    await freezeAndOpenRound(
      db,
      chair,
      { paperId: paper.id, procedure: spec.paperStatus === "approval" ? "silence" : "consensus", deadline },
      now,
    );
    const speakers = spec.members.filter((m) => m.role !== "observer");
    // In the open round only the chair has answered; elsewhere every state approves.
    const answering = spec.paperStatus === "approval" ? speakers.slice(0, 1) : speakers;
    for (const member of answering) {
      const ids = userIds.get(member.email);
      if (!ids) continue;
      await recordPosition(
        db,
        await actorFor(db, ids.userId),
        { paperId: paper.id, partnerId: ids.partnerId, value: "approve" },
        now,
      );
    }
    if (spec.paperStatus === "submitted") await submitToHld(db, chair, { paperId: paper.id }, now);
  }
}
