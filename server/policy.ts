// The one authorization policy. Every page, server action, route handler, the collaboration
// socket and exports ask `can` / `authorize`; nothing else decides who may do what.
// Rules mirror the permission table of SPEC.md, with the workflow conditions of the paper status.
import {
  type DialogueRole,
  dialogueRole,
  type GlobalRole,
  type PaperStatus,
  type PartnerKind,
  paperStatus,
} from "@/db/schema";
import { type SuggestionVoice, speaksForSuggestion } from "@/lib/editor/annotations";
import { AppError } from "./errors";

export type MembershipGrant = { role: DialogueRole; partnerId: string };

export type Actor = {
  id: string;
  globalRole: GlobalRole | null;
  /** Dialogue id → the user's role there and the partner they represent. */
  memberships: ReadonlyMap<string, MembershipGrant>;
  /** The partners whose focal point this user is (they manage its delegation); absent: none. */
  focalPointOf?: ReadonlySet<string>;
};

export type DialogueRef = { dialogueId: string };
/**
 * A paper. `originalId` names the original when the paper is a language version (issue 19); a
 * version follows its original's status, so the workflow is never run on it directly.
 */
export type PaperRef = { dialogueId: string; status: PaperStatus; originalId?: string | null };
export type PositionRef = PaperRef & { partnerId: string; partnerKind: PartnerKind };
/** A pending suggestion: who proposed it, and the partner they spoke for. */
export type SuggestionRef = PaperRef & { authorId: string; partnerId: string | null };
/** A comment, or a thread, on a paper: `authorId` is who wrote the comment / opened the thread. */
export type CommentRef = PaperRef & { authorId: string };

/** A role someone would be given in a dialogue. */
export type AppointmentRef = DialogueRef & { role: DialogueRole };
/** A partner's delegation: who speaks for it, in any dialogue. */
export type DelegationRef = { partnerId: string };
/** A person's own account: its password, preferences, sessions and second factor. */
export type AccountRef = { userId: string };

type ResourceOf = {
  "system.administer": null;
  "hld.viewInbox": null;
  "dialogue.list": null;
  "dialogue.view": DialogueRef;
  "dialogue.inviteMember": DialogueRef;
  "dialogue.appoint": AppointmentRef;
  "dialogue.manageMembers": DialogueRef;
  "dialogue.exportSubmissions": DialogueRef;
  "dialogue.requireTwoFactor": DialogueRef;
  "dialogue.manageLanguages": DialogueRef;
  "account.manageTwoFactor": AccountRef;
  "delegation.confirmMember": DelegationRef;
  "delegation.inviteMember": AppointmentRef & DelegationRef;
  "delegation.manageMember": DelegationRef;
  "delegation.appointFocalPoint": DelegationRef;
  "delegation.viewAny": null;
  "account.manage": AccountRef;
  "paper.create": DialogueRef;
  "paper.createSomewhere": null;
  "paper.view": PaperRef;
  "paper.edit": PaperRef;
  "paper.suggest": PaperRef;
  "paper.comment": PaperRef;
  "paper.viewComments": PaperRef;
  "paper.decideSuggestions": PaperRef;
  "paper.recordDisposition": PaperRef;
  "paper.markAgreement": PaperRef;
  "paper.changeStage": PaperRef;
  "paper.freezeRevision": PaperRef;
  "paper.handLead": PaperRef;
  "paper.takeLead": PaperRef;
  "paper.manageRound": PaperRef;
  "paper.takePosition": PositionRef;
  "paper.submit": PaperRef;
  "paper.export": PaperRef;
  "paper.exportAnnotations": PaperRef;
  "paper.viewHistory": PaperRef;
  "paper.addLanguageVersion": PaperRef;
  "paper.confirmTranslation": PaperRef;
  "suggestion.withdraw": SuggestionRef;
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
  "paper.recordDisposition",
  "paper.markAgreement",
  "paper.changeStage",
  "paper.freezeRevision",
  "paper.handLead",
  "paper.takeLead",
  "paper.manageRound",
  "paper.submit",
  "paper.export",
  "paper.exportAnnotations",
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
/** A language version: it follows its original's workflow and has no versions of its own. */
export const isLanguageVersion = (r: PaperRef) => r.originalId !== undefined && r.originalId !== null;
/** Draft and consultation: the live text can still change (afterwards only revisions are official). */
export const textIsOpen = (status: PaperStatus) => status === "draft" || status === "consultation";

/** The roles that speak for their partner: on a state's behalf they take its position in a round. */
export const rolesSpeakingForPartner = ["chair", "penholder", "delegate"] as const satisfies readonly DialogueRole[];
/** The roles a chair may give in their own dialogue; only the secretariat appoints chairs. */
const rolesChairMayAppoint: readonly DialogueRole[] = ["penholder", "delegate", "observer"];
/** The roles a partner's focal point gives to its own delegation. */
export const rolesFocalPointMayAppoint: readonly DialogueRole[] = ["delegate", "observer"];

const rules: { [A in Action]: (actor: Actor, resource: ResourceOf[A]) => boolean } = {
  "system.administer": (a) => isAdmin(a),
  // Every submitted paper of every dialogue: the HLD secretariat, and the secretariat that runs the dialogues.
  "hld.viewInbox": (a) => isHldReviewer(a) || isAdmin(a),
  // The HLD secretariat works from its inbox; it takes part in no dialogue.
  "dialogue.list": (a) => !isHldReviewer(a),
  "dialogue.view": (a, r) => isAdmin(a) || roleIn(a, r.dialogueId) !== undefined,
  "dialogue.inviteMember": (a, r) => isAdmin(a) || hasRole(a, r.dialogueId, "chair"),
  "dialogue.manageMembers": (a) => isAdmin(a),
  // Whoever manages the members appoints any role; an inviting chair only the roles below theirs.
  "dialogue.appoint": (a, r) =>
    rules["dialogue.manageMembers"](a, r) ||
    (rules["dialogue.inviteMember"](a, r) && rolesChairMayAppoint.includes(r.role)),
  // Only a state decides who speaks for it: its focal point confirms, or an administrator
  // (audited); a chair invites but never confirms, not even for their own state.
  "delegation.confirmMember": (a, r) => isAdmin(a) || (a.focalPointOf?.has(r.partnerId) ?? false),
  // A focal point invites their own state's delegates and observers in any dialogue it takes
  // part in (the dialogue's roles above those stay the chair's and the secretariat's to give).
  "delegation.inviteMember": (a, r) =>
    (a.focalPointOf?.has(r.partnerId) ?? false) && rolesFocalPointMayAppoint.includes(r.role),
  // Suspend, restore or remove whoever sits for the partner, in any dialogue.
  "delegation.manageMember": (a, r) => isAdmin(a) || (a.focalPointOf?.has(r.partnerId) ?? false),
  "delegation.appointFocalPoint": (a) => isAdmin(a),
  // The delegation page: focal points (their own delegations) and the secretariat (every one).
  "delegation.viewAny": (a) => isAdmin(a) || (a.focalPointOf?.size ?? 0) > 0,
  // An account is its owner's alone: not even the secretariat changes its password or ends its
  // sessions (deactivating it is `system.administer`).
  "account.manage": (a, r) => a.id === r.userId,
  // The bundle of every submitted paper of a dialogue: the secretariat and the dialogue's chair.
  "dialogue.exportSubmissions": (a, r) => isAdmin(a) || hasRole(a, r.dialogueId, "chair"),
  // Whether a dialogue asks its members for a second factor at sign-in: the secretariat's call.
  "dialogue.requireTwoFactor": (a) => isAdmin(a),
  // The languages a dialogue works in besides the six of the UN (its papers' versions may be in
  // these): a setting of the dialogue, like its document symbol pattern, so the secretariat's
  // ("manage dialogues": SPEC.md). Chairs and penholders add versions within them.
  "dialogue.manageLanguages": (a) => isAdmin(a),
  // A second factor is its owner's alone: nobody sets up, sees or removes another person's.
  "account.manageTwoFactor": (a, r) => a.id === r.userId,
  "paper.create": (a, r) => isAdmin(a) || hasRole(a, r.dialogueId, "chair", "penholder"),
  // Whether `paper.create` holds in at least one dialogue: asked before an upload is read, when
  // the dialogue it names is still inside the body.
  "paper.createSomewhere": (a) =>
    isAdmin(a) || [...a.memberships.keys()].some((dialogueId) => rules["paper.create"](a, { dialogueId })),

  // The HLD receives a submitted original; its language versions are the dialogue's working material.
  "paper.view": (a, r) =>
    isAdmin(a) ||
    roleIn(a, r.dialogueId) !== undefined ||
    (isHldReviewer(a) && r.status === "submitted" && !isLanguageVersion(r)),
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
  // A suggestion speaks for a state: its delegation takes it back (the author, or another member
  // speaking for the same partner), while the text is still open to suggestions.
  "suggestion.withdraw": (a, r) => {
    const voice = suggestionVoice(a, r);
    return voice !== null && speaksForSuggestion(voice, { userId: r.authorId, partnerId: r.partnerId });
  },
  // The compilation of amendments carries "the chair's proposed disposition" (SPEC.md, glossary):
  // the chair's alone, while the text is still open to proposals.
  "paper.recordDisposition": (a, r) => textIsOpen(r.status) && hasRole(a, r.dialogueId, "chair"),
  // [Brackets] and ad ref marks steer the negotiation: the chair's and penholder's call.
  "paper.markAgreement": (a, r) => textIsOpen(r.status) && hasRole(a, r.dialogueId, "chair", "penholder"),
  // The workflow runs on an original only; its language versions follow it (server/domain/workflow.ts).
  "paper.changeStage": (a, r) =>
    !isLanguageVersion(r) && textIsOpen(r.status) && hasRole(a, r.dialogueId, "chair", "penholder"),
  "paper.freezeRevision": (a, r) =>
    !isLanguageVersion(r) && r.status === "consultation" && hasRole(a, r.dialogueId, "chair"),
  // "Follow the chair": the chair leads the live session and may hand the lead on, while the text is open.
  "paper.handLead": (a, r) => textIsOpen(r.status) && hasRole(a, r.dialogueId, "chair"),
  // Whom the lead may be handed to: a member of the dialogue who takes part in the text (edits or suggests).
  "paper.takeLead": (a, r) => roleIn(a, r.dialogueId) !== undefined && rules["paper.suggest"](a, r),
  "paper.manageRound": (a, r) => !isLanguageVersion(r) && r.status === "approval" && hasRole(a, r.dialogueId, "chair"),
  "paper.takePosition": (a, r) =>
    !isLanguageVersion(r) &&
    r.status === "approval" &&
    r.partnerKind === "state" &&
    hasRole(a, r.dialogueId, ...rolesSpeakingForPartner) &&
    a.memberships.get(r.dialogueId)?.partnerId === r.partnerId,
  "paper.submit": (a, r) => !isLanguageVersion(r) && r.status === "agreed" && hasRole(a, r.dialogueId, "chair"),
  "paper.export": (a, r) =>
    isAdmin(a) ||
    roleIn(a, r.dialogueId) !== undefined ||
    (isHldReviewer(a) && r.status === "submitted" && !isLanguageVersion(r)),
  // A live draft's suggestions and comments travel with an export only to those who see them here.
  "paper.exportAnnotations": (a, r) => rules["paper.export"](a, r) && rules["paper.viewComments"](a, r),
  "paper.viewHistory": (a, r) => isAdmin(a) || roleIn(a, r.dialogueId) !== undefined,
  // Language versions (issue 19): the chair, the penholder and the secretariat add one to an
  // original while its text is open (a version follows the original's status, and is edited
  // only then). Whoever may edit the original edits its versions: a version has the original's
  // dialogue and status, so `paper.edit` answers the same for both.
  "paper.addLanguageVersion": (a, r) =>
    !isLanguageVersion(r) && textIsOpen(r.status) && (isAdmin(a) || hasRole(a, r.dialogueId, "chair", "penholder")),
  // Confirming that a version's paragraph still translates its original's: whoever may edit the version.
  "paper.confirmTranslation": (a, r) => isLanguageVersion(r) && rules["paper.edit"](a, r),
  // Editing or deleting a comment: its author, while comments are open.
  "comment.edit": (a, r) => rules["paper.comment"](a, r) && a.id === r.authorId,
  // Resolving / reopening a thread: whoever opened it, or the chair and penholder who steer the text.
  "thread.resolve": (a, r) =>
    rules["paper.comment"](a, r) && (a.id === r.authorId || hasRole(a, r.dialogueId, "chair", "penholder")),
};

/** The partners whose delegations this actor manages: every one for the secretariat, else those they are focal point of. */
export function partnersManagedBy(actor: Actor): "all" | ReadonlySet<string> {
  return isAdmin(actor) ? "all" : (actor.focalPointOf ?? new Set<string>());
}

/**
 * Whose pending suggestions this actor may withdraw in this paper, for the page to show the
 * control (the rule above asks the same): their own, and their partner's if they speak for it.
 */
export function suggestionVoice(actor: Actor, paper: PaperRef): SuggestionVoice | null {
  if (!rules["paper.suggest"](actor, paper)) return null;
  const membership = actor.memberships.get(paper.dialogueId);
  const speaks =
    membership !== undefined && (rolesSpeakingForPartner as readonly DialogueRole[]).includes(membership.role);
  return { userId: actor.id, partnerId: speaks ? membership.partnerId : null };
}

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
        : "userId" in resource
          ? actor?.id === resource.userId
          : "dialogueId" in resource
            ? can(actor, "dialogue.view", resource)
            : can(actor, "delegation.viewAny", null);
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

/** The roles this actor may give someone in the dialogue (none when they may not invite). */
export function appointableRoles(actor: Actor | null, dialogue: DialogueRef): DialogueRole[] {
  return dialogueRole.enumValues.filter((role) => can(actor, "dialogue.appoint", { ...dialogue, role }));
}

/** Why the text is read-only for this actor, for the message next to the editor; null when they may write or suggest. */
export type ReadOnlyReason = "frozen" | "observer" | "notAllowed";

export function readOnlyReason(actor: Actor | null, paper: PaperRef): ReadOnlyReason | null {
  if (can(actor, "paper.edit", paper) || can(actor, "paper.suggest", paper)) return null;
  if (!textIsOpen(paper.status)) return "frozen";
  return actor?.memberships.get(paper.dialogueId)?.role === "observer" ? "observer" : "notAllowed";
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
  // The live text carries pending suggestions and comment anchors: the negotiation's working
  // material. Whoever may not see the threads (the HLD reviewer) reads the agreed text on the page.
  if (!actor || !can(actor, "paper.view", paper) || !can(actor, "paper.viewComments", paper)) return null;
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

/** What a search may return from the papers of some dialogues in one status (server/queries/search.ts). */
export type SearchGrant = {
  /** "any": every dialogue (the secretariat, the HLD); otherwise these dialogues only. */
  dialogues: "any" | string[];
  status: PaperStatus;
  /** Titles and the live text: whoever reads the paper and its working material. */
  liveText: boolean;
  /** Every revision (the paper's history), only the submitted one (what the HLD received), or none. */
  revisions: "all" | "submitted" | "none";
  comments: boolean;
};

/** Matches no dialogue id: asks what an actor may do in any dialogue without being a member. */
const ANY_DIALOGUE = "*";

/**
 * What this actor's searches may find, from the rules above (so search never finds what the
 * pages would not show): per paper status, in the dialogues they are members of and, through
 * their global role, in every dialogue. The search query turns each grant into a filter.
 */
export function searchScope(actor: Actor | null): SearchGrant[] {
  if (!actor) return [];
  const grants: SearchGrant[] = [];
  const add = (dialogues: "any" | string[], status: PaperStatus, ref: PaperRef) => {
    if (!can(actor, "paper.view", ref)) return;
    const comments = can(actor, "paper.viewComments", ref);
    const revisions = can(actor, "paper.viewHistory", ref) ? "all" : status === "submitted" ? "submitted" : "none";
    // The live text carries the negotiation as it stands: those who see its threads (as on the
    // paper page and the socket); the HLD searches the text it received, the submitted revision.
    grants.push({ dialogues, status, liveText: comments, revisions, comments });
  };
  for (const status of paperStatus.enumValues) {
    add("any", status, { dialogueId: ANY_DIALOGUE, status });
    // Members of several dialogues hold the same rights in each: one grant per distinct answer.
    const byAnswer = new Map<string, string[]>();
    for (const dialogueId of actor.memberships.keys()) {
      const ref = { dialogueId, status };
      const key = ["paper.view", "paper.viewComments", "paper.viewHistory"]
        .map((action) => can(actor, action as PaperAction, ref))
        .join();
      byAnswer.set(key, [...(byAnswer.get(key) ?? []), dialogueId]);
    }
    for (const dialogues of byAnswer.values()) add(dialogues, status, { dialogueId: dialogues[0] as string, status });
  }
  return grants;
}
