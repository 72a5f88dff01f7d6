// Test data built only through the domain functions the app itself uses, acting as the people
// who would do each step, so that every fixture passed the real policy and workflow checks.
// Argon2 hashing costs ~40 ms per account: factories create as few accounts as they can.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type ApprovalRound,
  type Dialogue,
  type DialogueRole,
  type GlobalRole,
  type Paper,
  type PaperKind,
  type PaperStatus,
  papers,
  type Revision,
  type Submission,
  users,
} from "@/db/schema";
import type { DocNode } from "@/lib/document";
import { type ActorProfile, loadActor as loadActorProfile } from "@/server/actor";
import { setPasswordByLink } from "@/server/domain/account-links";
import { addDialoguePartner, createDialogue, type PartnerSpec } from "@/server/domain/dialogues";
import { addMember, confirmMembership } from "@/server/domain/memberships";
import { createPaper } from "@/server/domain/papers";
import { bootstrapAdministrator, createAccount } from "@/server/domain/users";
import { changeStage, freezeAndOpenRound, recordPosition, submitToHld } from "@/server/domain/workflow";
import type { PaperRef } from "@/server/policy";

/** Every test account's password (long enough for MIN_PASSWORD_LENGTH). */
export const TEST_PASSWORD = "correct-horse-battery-staple";

export const paperStatuses = [
  "draft",
  "consultation",
  "approval",
  "agreed",
  "submitted",
] as const satisfies readonly PaperStatus[];

let sequence = 0;
/** A short token unique within the process and across test databases: lower-case letters and digits. */
export function uniqueToken(): string {
  sequence += 1;
  return `${sequence.toString(36)}${randomBytes(3).toString("hex")}`;
}

/** The acting user, with their memberships as they are now in the database. */
export async function loadActor(db: Db, userId: string): Promise<ActorProfile> {
  const actor = await loadActorProfile(db, userId);
  if (!actor) throw new Error(`loadActor: no active user ${userId}`);
  return actor;
}

/** The secretariat administrator of this database, bootstrapped the first time. */
export async function ensureAdmin(db: Db): Promise<ActorProfile> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.globalRole, "admin")).limit(1);
  if (existing) return loadActor(db, existing.id);
  const user = await bootstrapAdministrator(db, {
    email: `admin.${uniqueToken()}@test.accord`,
    name: "Test Administrator",
  });
  await setPasswordByLink(db, { token: user.invitation.token, purpose: "invitation", password: TEST_PASSWORD });
  return loadActor(db, user.id);
}

export async function makeAccount(
  db: Db,
  admin: ActorProfile,
  options: { globalRole?: GlobalRole | null; name?: string; email?: string; password?: string } = {},
) {
  const token = uniqueToken();
  const account = await createAccount(db, admin, {
    email: options.email ?? `user.${token}@test.accord`,
    name: options.name ?? `User ${token}`,
    globalRole: options.globalRole ?? null,
  });
  // The person accepts the invitation the secretariat mailed them, as in real use.
  await setPasswordByLink(db, {
    token: account.invitation.token,
    purpose: "invitation",
    password: options.password ?? TEST_PASSWORD,
  });
  return account;
}

/** A dialogue with the given partners, created and populated by the administrator. */
export async function makeDialogue(db: Db, admin: ActorProfile, partnerSpecs: PartnerSpec[], name?: string) {
  const token = uniqueToken();
  const dialogue = await createDialogue(db, admin, {
    name: name ?? `Dialogue ${token}`,
    slug: `d-${token}`,
    code: `T${token.toUpperCase()}`,
  });
  const partnerIds = new Map<string, string>();
  for (const spec of partnerSpecs) {
    const partner = await addDialoguePartner(db, admin, { dialogueId: dialogue.id, partner: spec });
    partnerIds.set(spec.kind === "state" ? spec.iso3 : spec.name, partner.id);
  }
  return { dialogue, partnerIds };
}

/** Adds a member with a new account; returns the new user's id and email. */
export async function makeMember(
  db: Db,
  inviter: ActorProfile,
  input: { dialogueId: string; partnerId: string; role: DialogueRole; label?: string },
) {
  const token = uniqueToken();
  const email = `${input.label ?? input.role}.${token}@test.accord`;
  const added = await addMember(db, inviter, {
    dialogueId: input.dialogueId,
    email,
    role: input.role,
    partnerId: input.partnerId,
    newAccount: { name: `${input.label ?? input.role} ${token}` },
  });
  if (added.invitation) {
    await setPasswordByLink(db, { token: added.invitation.token, purpose: "invitation", password: TEST_PASSWORD });
  }
  // A chair's invitation to speak for a partner waits for a confirmation: the secretariat gives it.
  const membership = added.pending
    ? await confirmMembership(db, await ensureAdmin(db), { requestId: added.id })
    : added;
  return { userId: membership.userId, membershipId: membership.id, email };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`factory: ${what} missing`);
  return value;
}

export const roles = ["admin", "hld_reviewer", "chair", "penholder", "delegate", "observer", "outsider"] as const;
export type Role = (typeof roles)[number];

export type DialogueWithRoles = {
  dialogue: Dialogue;
  /** Another dialogue, in which only the outsider holds a role (a delegate for Senegal). */
  otherDialogue: Dialogue;
  /** The partners of `dialogue`: three states (one per speaking member) and one organisation. */
  partners: { senegal: string; morocco: string; france: string; iom: string };
  /** Exactly the state partners of `dialogue`. */
  statePartnerIds: string[];
  actors: Record<Role, ActorProfile>;
  /** The partner each dialogue member represents in `dialogue` (outsider: in `otherDialogue`). */
  partnerOf: Record<"chair" | "penholder" | "delegate" | "observer" | "outsider", string>;
  /** An observer speaking for a state (France), when asked for. */
  stateObserver?: ActorProfile;
  emails: Record<Role, string>;
};

/**
 * A dialogue with one user in every role: chair (Senegal), penholder (Morocco), delegate (France),
 * observer (IOM, an organisation), plus the secretariat administrator, an HLD reviewer and an
 * outsider who is a delegate (for Senegal, also a partner here) in another dialogue only.
 */
export async function makeDialogueWithRoles(
  db: Db,
  options: { stateObserver?: boolean } = {},
): Promise<DialogueWithRoles> {
  const admin = await ensureAdmin(db);
  const hld = await makeAccount(db, admin, { globalRole: "hld_reviewer", name: "HLD Reviewer" });
  const { dialogue, partnerIds } = await makeDialogue(db, admin, [
    { kind: "state", iso3: "SEN" },
    { kind: "state", iso3: "MAR" },
    { kind: "state", iso3: "FRA" },
    { kind: "organisation", name: "IOM" },
  ]);
  const partners = {
    senegal: required(partnerIds.get("SEN"), "SEN"),
    morocco: required(partnerIds.get("MAR"), "MAR"),
    france: required(partnerIds.get("FRA"), "FRA"),
    iom: required(partnerIds.get("IOM"), "IOM"),
  };
  const other = await makeDialogue(db, admin, [
    { kind: "state", iso3: "SEN" },
    { kind: "state", iso3: "TUR" },
  ]);

  const chair = await makeMember(db, admin, { dialogueId: dialogue.id, partnerId: partners.senegal, role: "chair" });
  const chairActor = await loadActor(db, chair.userId);
  // The chair invites the rest of the dialogue, as in real use.
  const penholder = await makeMember(db, admin, {
    dialogueId: dialogue.id,
    partnerId: partners.morocco,
    role: "penholder",
  });
  const delegate = await makeMember(db, chairActor, {
    dialogueId: dialogue.id,
    partnerId: partners.france,
    role: "delegate",
  });
  const observer = await makeMember(db, chairActor, {
    dialogueId: dialogue.id,
    partnerId: partners.iom,
    role: "observer",
  });
  const stateObserver = options.stateObserver
    ? await makeMember(db, chairActor, {
        dialogueId: dialogue.id,
        partnerId: partners.france,
        role: "observer",
        label: "state-observer",
      })
    : undefined;
  const outsiderPartner = required(other.partnerIds.get("SEN"), "SEN in the other dialogue");
  const outsider = await makeMember(db, admin, {
    dialogueId: other.dialogue.id,
    partnerId: outsiderPartner,
    role: "delegate",
    label: "outsider",
  });

  const actors: Record<Role, ActorProfile> = {
    admin,
    hld_reviewer: await loadActor(db, hld.id),
    chair: await loadActor(db, chair.userId),
    penholder: await loadActor(db, penholder.userId),
    delegate: await loadActor(db, delegate.userId),
    observer: await loadActor(db, observer.userId),
    outsider: await loadActor(db, outsider.userId),
  };
  return {
    dialogue,
    otherDialogue: other.dialogue,
    partners,
    statePartnerIds: [partners.senegal, partners.morocco, partners.france],
    actors,
    partnerOf: {
      chair: partners.senegal,
      penholder: partners.morocco,
      delegate: partners.france,
      observer: partners.iom,
      outsider: outsiderPartner,
    },
    stateObserver: stateObserver ? await loadActor(db, stateObserver.userId) : undefined,
    emails: {
      admin: admin.email,
      hld_reviewer: hld.email,
      chair: chair.email,
      penholder: penholder.email,
      delegate: delegate.email,
      observer: observer.email,
      outsider: outsider.email,
    },
  };
}

/** A short document: a heading and two numbered paragraphs. */
export function sampleDoc(text = "Migration and development are interlinked."): DocNode {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Recommendations" }] },
      { type: "paragraph", content: [{ type: "text", text }] },
      { type: "paragraph", content: [{ type: "text", text: "Partners commit to mobility partnerships." }] },
    ],
  };
}

export async function reloadPaper(db: Db, paperId: string): Promise<Paper> {
  const [paper] = await db.select().from(papers).where(eq(papers.id, paperId));
  if (!paper) throw new Error(`no paper ${paperId}`);
  return paper;
}

export const paperRef = (paper: Pick<Paper, "dialogueId" | "status">): PaperRef => ({
  dialogueId: paper.dialogueId,
  status: paper.status,
});

export type PaperInStatus = {
  paper: Paper;
  world: DialogueWithRoles;
  revision?: Revision;
  round?: ApprovalRound;
  submission?: Submission;
};

/**
 * Drives a new paper through the real workflow to `status`: the chair creates it, the penholder
 * opens consultation, the chair freezes Rev.1 and opens a consensus round, every state partner
 * approves through its own member, and the chair submits it to the HLD.
 */
export async function makePaperInStatus(
  db: Db,
  status: PaperStatus,
  world?: DialogueWithRoles,
  options: { title?: string; kind?: PaperKind; content?: DocNode; now?: Date } = {},
): Promise<PaperInStatus> {
  const w = world ?? (await makeDialogueWithRoles(db));
  const now = options.now ?? new Date();
  const { chair, penholder, delegate } = w.actors;
  const created = await createPaper(db, chair, {
    dialogueId: w.dialogue.id,
    title: options.title ?? `Paper ${uniqueToken()} (${status})`,
    kind: options.kind ?? "recommendations",
    content: options.content ?? sampleDoc(),
  });
  const result: PaperInStatus = { paper: created, world: w };
  const steps = paperStatuses.indexOf(status as (typeof paperStatuses)[number]);
  if (steps >= 1) await changeStage(db, penholder, { paperId: created.id, to: "consultation" });
  if (steps >= 2) {
    const deadline = new Date(now.getTime() + 7 * 24 * 3600 * 1000);
    const { revision, round } = await freezeAndOpenRound(
      db,
      chair,
      { paperId: created.id, procedure: "consensus", deadline },
      now,
    );
    result.revision = revision;
    result.round = round;
  }
  if (steps >= 3) {
    for (const [actor, partnerId] of [
      [chair, w.partnerOf.chair],
      [penholder, w.partnerOf.penholder],
      [delegate, w.partnerOf.delegate],
    ] as const) {
      await recordPosition(db, actor, { paperId: created.id, partnerId, value: "approve" }, now);
    }
  }
  if (steps >= 4) result.submission = await submitToHld(db, chair, { paperId: created.id }, now);
  result.paper = await reloadPaper(db, created.id);
  if (result.paper.status !== status) {
    throw new Error(`makePaperInStatus: wanted ${status}, the workflow left the paper ${result.paper.status}`);
  }
  return result;
}
