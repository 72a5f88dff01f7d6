// The one authorization policy. Every page, server action, route handler, the collaboration
// socket and exports ask `can` / `authorize`; nothing else decides who may do what.
// Rules mirror the permission table of SPEC.md, with the workflow conditions of the paper status.
import type { DialogueRole, GlobalRole, PaperStatus, PartnerKind } from "@/db/schema";
import { AppError } from "./errors";

export type MembershipGrant = { role: DialogueRole; partnerId: string };

export type Actor = {
  id: string;
  globalRole: GlobalRole | null;
  /** Dialogue id → the user's role there and the partner they represent. */
  memberships: ReadonlyMap<string, MembershipGrant>;
};

export type DialogueRef = { dialogueId: string };
export type PaperRef = { dialogueId: string; status: PaperStatus };
export type PositionRef = PaperRef & { partnerId: string; partnerKind: PartnerKind };
/** A comment, or a thread, on a paper: `authorId` is who wrote the comment / opened the thread. */
export type CommentRef = PaperRef & { authorId: string };

type ResourceOf = {
  "system.administer": null;
  "hld.viewInbox": null;
  "dialogue.view": DialogueRef;
  "dialogue.inviteMember": DialogueRef;
  "dialogue.manageMembers": DialogueRef;
  "dialogue.exportSubmissions": DialogueRef;
  "paper.create": DialogueRef;
  "paper.view": PaperRef;
  "paper.edit": PaperRef;
  "paper.suggest": PaperRef;
  "paper.comment": PaperRef;
  "paper.viewComments": PaperRef;
  "paper.decideSuggestions": PaperRef;
  "paper.markAgreement": PaperRef;
  "paper.changeStage": PaperRef;
  "paper.freezeRevision": PaperRef;
  "paper.manageRound": PaperRef;
  "paper.takePosition": PositionRef;
  "paper.submit": PaperRef;
  "paper.export": PaperRef;
  "paper.viewHistory": PaperRef;
  "comment.edit": CommentRef;
  "thread.resolve": CommentRef;
};

export type Action = keyof ResourceOf;
export const paperActions = [
  "paper.view",
  "paper.edit",
  "paper.suggest",
  "paper.comment",
  "paper.viewComments",
  "paper.decideSuggestions",
  "paper.markAgreement",
  "paper.changeStage",
  "paper.freezeRevision",
  "paper.manageRound",
  "paper.submit",
  "paper.export",
  "paper.viewHistory",
] as const satisfies readonly Action[];
export type PaperAction = (typeof paperActions)[number];

const isAdmin = (a: Actor) => a.globalRole === "admin";
const isHldReviewer = (a: Actor) => a.globalRole === "hld_reviewer";
const roleIn = (a: Actor, dialogueId: string) => a.memberships.get(dialogueId)?.role;
const hasRole = (a: Actor, dialogueId: string, ...roles: DialogueRole[]) => {
  const role = roleIn(a, dialogueId);
  return role !== undefined && roles.includes(role);
};
const textIsOpen = (status: PaperStatus) => status === "draft" || status === "consultation";

const rules: { [A in Action]: (actor: Actor, resource: ResourceOf[A]) => boolean } = {
  "system.administer": (a) => isAdmin(a),
  // Every submitted paper of every dialogue: the HLD secretariat, and the secretariat that runs the dialogues.
  "hld.viewInbox": (a) => isHldReviewer(a) || isAdmin(a),
  "dialogue.view": (a, r) => isAdmin(a) || roleIn(a, r.dialogueId) !== undefined,
  "dialogue.inviteMember": (a, r) => isAdmin(a) || hasRole(a, r.dialogueId, "chair"),
  "dialogue.manageMembers": (a) => isAdmin(a),
  // The bundle of every submitted paper of a dialogue: the secretariat and the dialogue's chair.
  "dialogue.exportSubmissions": (a, r) => isAdmin(a) || hasRole(a, r.dialogueId, "chair"),
  "paper.create": (a, r) => isAdmin(a) || hasRole(a, r.dialogueId, "chair", "penholder"),

  "paper.view": (a, r) =>
    isAdmin(a) || roleIn(a, r.dialogueId) !== undefined || (isHldReviewer(a) && r.status === "submitted"),
  "paper.edit": (a, r) =>
    (r.status === "draft" && (isAdmin(a) || hasRole(a, r.dialogueId, "chair", "penholder", "delegate"))) ||
    (r.status === "consultation" && hasRole(a, r.dialogueId, "chair", "penholder")),
  // Suggesting is proposing edits without applying them: whoever may edit, plus delegates in consultation.
  "paper.suggest": (a, r) =>
    rules["paper.edit"](a, r) || (r.status === "consultation" && hasRole(a, r.dialogueId, "delegate")),
  // Comments stay open until the text is final; a submitted paper is an archive.
  "paper.comment": (a, r) =>
    r.status !== "submitted" && (isAdmin(a) || hasRole(a, r.dialogueId, "chair", "penholder", "delegate", "observer")),
  // Threads and pending suggestions are the negotiation's working material: its members' and the
  // secretariat's, not the HLD's, which receives the agreed text.
  "paper.viewComments": (a, r) => isAdmin(a) || roleIn(a, r.dialogueId) !== undefined,
  "paper.decideSuggestions": (a, r) => textIsOpen(r.status) && hasRole(a, r.dialogueId, "chair", "penholder"),
  // [Brackets] and ad ref marks steer the negotiation: the chair's and penholder's call.
  "paper.markAgreement": (a, r) => textIsOpen(r.status) && hasRole(a, r.dialogueId, "chair", "penholder"),
  "paper.changeStage": (a, r) => textIsOpen(r.status) && hasRole(a, r.dialogueId, "chair", "penholder"),
  "paper.freezeRevision": (a, r) => r.status === "consultation" && hasRole(a, r.dialogueId, "chair"),
  "paper.manageRound": (a, r) => r.status === "approval" && hasRole(a, r.dialogueId, "chair"),
  "paper.takePosition": (a, r) =>
    r.status === "approval" &&
    r.partnerKind === "state" &&
    hasRole(a, r.dialogueId, "chair", "penholder", "delegate") &&
    a.memberships.get(r.dialogueId)?.partnerId === r.partnerId,
  "paper.submit": (a, r) => r.status === "agreed" && hasRole(a, r.dialogueId, "chair"),
  "paper.export": (a, r) =>
    isAdmin(a) || roleIn(a, r.dialogueId) !== undefined || (isHldReviewer(a) && r.status === "submitted"),
  "paper.viewHistory": (a, r) => isAdmin(a) || roleIn(a, r.dialogueId) !== undefined,
  // Editing or deleting a comment: its author, while comments are open.
  "comment.edit": (a, r) => rules["paper.comment"](a, r) && a.id === r.authorId,
  // Resolving / reopening a thread: whoever opened it, or the chair and penholder who steer the text.
  "thread.resolve": (a, r) =>
    rules["paper.comment"](a, r) && (a.id === r.authorId || hasRole(a, r.dialogueId, "chair", "penholder")),
};

export function can<A extends Action>(actor: Actor | null, action: A, resource: ResourceOf[A]): boolean {
  if (!actor) return false;
  return rules[action](actor, resource);
}

/**
 * Throws unless allowed. Denials of anything the actor may not even see are reported as
 * not found, so that existence does not leak.
 */
export function authorize<A extends Action>(
  actor: Actor | null,
  action: A,
  resource: ResourceOf[A],
): asserts actor is Actor {
  if (can(actor, action, resource)) return;
  const visible =
    resource === null
      ? actor?.globalRole === "admin"
      : "status" in resource
        ? can(actor, "paper.view", resource)
        : can(actor, "dialogue.view", resource);
  throw visible
    ? new AppError("forbidden", `${action} denied`)
    : new AppError("not_found", `${action}: resource not found`);
}

/** The allowed paper actions, sent to the interface so it shows only what the policy allows. */
export function paperAbilities(actor: Actor | null, paper: PaperRef): Record<PaperAction, boolean> {
  return Object.fromEntries(paperActions.map((action) => [action, can(actor, action, paper)])) as Record<
    PaperAction,
    boolean
  >;
}

/** What a collaboration connection may write into a paper's shared text; the write guard judges every update against it. */
export type WriteRights = {
  userId: string;
  /** The partner the user speaks for in the paper's dialogue (suggestion ids carry it). */
  partnerId: string | null;
  /** May only suggest (delegate in consultation). */
  suggestOnly: boolean;
  /** May only add or remove their own comment anchors (observers, and anyone who may comment but not write). */
  commentOnly: boolean;
  markAgreement: boolean;
  decideSuggestions: boolean;
};

/**
 * Whether a collaboration connection may open this paper's text and what it may write there.
 * Null: the socket is refused (or closed, when access ends while it is open). `rights` null:
 * read-only.
 */
export function collabAccess(actor: Actor | null, paper: PaperRef): { rights: WriteRights | null } | null {
  if (!actor || !can(actor, "paper.view", paper)) return null;
  const edit = can(actor, "paper.edit", paper);
  const suggest = can(actor, "paper.suggest", paper);
  // Commenting writes only the commenter's own anchor into the text, and only while it is open.
  const comment = textIsOpen(paper.status) && can(actor, "paper.comment", paper);
  if (!edit && !suggest && !comment) return { rights: null };
  return {
    rights: {
      userId: actor.id,
      partnerId: actor.memberships.get(paper.dialogueId)?.partnerId ?? null,
      suggestOnly: !edit && suggest,
      commentOnly: !edit && !suggest,
      markAgreement: can(actor, "paper.markAgreement", paper),
      decideSuggestions: can(actor, "paper.decideSuggestions", paper),
    },
  };
}
