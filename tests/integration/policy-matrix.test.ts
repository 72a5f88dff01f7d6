// The permission table of SPEC.md, cell by cell, against real users and real papers.
// Users hold their roles through real memberships; papers reached each status through the real
// workflow; actors are loaded from the database with loadActor. The expected table below is
// written out by hand from SPEC.md ("Roles and permissions", "Paper workflow"): it is the
// reference, the policy must match it.
import { beforeAll, describe, expect, it } from "vitest";
import { type DialogueRole, dialogueRole, type Paper, type PaperStatus } from "@/db/schema";
import { createPaper } from "@/server/domain/papers";
import { AppError } from "@/server/errors";
import {
  type Action,
  appointableRoles,
  authorize,
  can,
  collabAccess,
  type PaperAction,
  paperAbilities,
  paperActions,
  partnersManagedBy,
  type ReadOnlyReason,
  readOnlyReason,
} from "@/server/policy";
import { useTestDatabase } from "../helpers/database";
import {
  type DialogueWithRoles,
  loadActor,
  makeDialogueWithRoles,
  makePaperInStatus,
  paperRef,
  paperStatuses,
  type Role,
  reloadPaper,
  roles,
} from "../helpers/factories";

const testDb = useTestDatabase();

const members = ["chair", "penholder", "delegate", "observer"] as const satisfies readonly Role[];
const none: readonly Role[] = [];

// ---------------------------------------------------------------------------------------------
// Paper actions: action → status → the roles allowed. Every action × status is listed.
// ---------------------------------------------------------------------------------------------
const expectedPaper: Record<PaperAction, Record<PaperStatus, readonly Role[]>> = {
  // See the dialogue and its papers: admin all, members own, HLD reviewer submitted papers only.
  "paper.view": {
    draft: ["admin", "chair", "penholder", "delegate", "observer"],
    consultation: ["admin", "chair", "penholder", "delegate", "observer"],
    approval: ["admin", "chair", "penholder", "delegate", "observer"],
    agreed: ["admin", "chair", "penholder", "delegate", "observer"],
    submitted: ["admin", "hld_reviewer", "chair", "penholder", "delegate", "observer"],
  },
  // Edit text: draft → admin, chair, penholder, delegate; consultation → chair, penholder; else nobody.
  "paper.edit": {
    draft: ["admin", "chair", "penholder", "delegate"],
    consultation: ["chair", "penholder"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // Suggest: whoever may edit, plus delegates ("suggest only") in consultation.
  "paper.suggest": {
    draft: ["admin", "chair", "penholder", "delegate"],
    consultation: ["chair", "penholder", "delegate"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // Comment: admin and every member, until the paper is submitted (then it is an archive).
  "paper.comment": {
    draft: ["admin", "chair", "penholder", "delegate", "observer"],
    consultation: ["admin", "chair", "penholder", "delegate", "observer"],
    approval: ["admin", "chair", "penholder", "delegate", "observer"],
    agreed: ["admin", "chair", "penholder", "delegate", "observer"],
    submitted: none,
  },
  // See comment threads (and export them with pending suggestions): admin and every member, in
  // every status; never the HLD reviewer, who receives the agreed text only.
  "paper.viewComments": {
    draft: ["admin", "chair", "penholder", "delegate", "observer"],
    consultation: ["admin", "chair", "penholder", "delegate", "observer"],
    approval: ["admin", "chair", "penholder", "delegate", "observer"],
    agreed: ["admin", "chair", "penholder", "delegate", "observer"],
    submitted: ["admin", "chair", "penholder", "delegate", "observer"],
  },
  // Accept or reject suggestions: chair, penholder, while the text is open.
  "paper.decideSuggestions": {
    draft: ["chair", "penholder"],
    consultation: ["chair", "penholder"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // The chair's proposed disposition of a row of the compilation of amendments: the chair, while
  // the text is open (SPEC.md: "the chair's proposed disposition"; the penholder integrates).
  "paper.recordDisposition": {
    draft: ["chair"],
    consultation: ["chair"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // [Bracketed] / ad ref marks on paragraphs: chair, penholder, while the text is open.
  "paper.markAgreement": {
    draft: ["chair", "penholder"],
    consultation: ["chair", "penholder"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // draft ⇄ consultation: chair, penholder.
  "paper.changeStage": {
    draft: ["chair", "penholder"],
    consultation: ["chair", "penholder"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // Hand the lead of the live session ("Follow the chair"): the chair, while the text is open.
  "paper.handLead": {
    draft: ["chair"],
    consultation: ["chair"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // Be handed that lead: a member who takes part in the text (edits or suggests); never an observer.
  "paper.takeLead": {
    draft: ["chair", "penholder", "delegate"],
    consultation: ["chair", "penholder", "delegate"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // Freeze a revision (and open the round): chair, from consultation.
  "paper.freezeRevision": {
    draft: none,
    consultation: ["chair"],
    approval: none,
    agreed: none,
    submitted: none,
  },
  // Open / close an approval round: chair, while in approval.
  "paper.manageRound": {
    draft: none,
    consultation: none,
    approval: ["chair"],
    agreed: none,
    submitted: none,
  },
  // Submit an agreed paper to the HLD: chair.
  "paper.submit": {
    draft: none,
    consultation: none,
    approval: none,
    agreed: ["chair"],
    submitted: none,
  },
  // Export a revision: admin and every member; HLD reviewer submitted only.
  "paper.export": {
    draft: ["admin", "chair", "penholder", "delegate", "observer"],
    consultation: ["admin", "chair", "penholder", "delegate", "observer"],
    approval: ["admin", "chair", "penholder", "delegate", "observer"],
    agreed: ["admin", "chair", "penholder", "delegate", "observer"],
    submitted: ["admin", "hld_reviewer", "chair", "penholder", "delegate", "observer"],
  },
  // An export of the live draft with its suggestions and comments: whoever may export and see
  // the threads; never the HLD reviewer.
  "paper.exportAnnotations": {
    draft: ["admin", "chair", "penholder", "delegate", "observer"],
    consultation: ["admin", "chair", "penholder", "delegate", "observer"],
    approval: ["admin", "chair", "penholder", "delegate", "observer"],
    agreed: ["admin", "chair", "penholder", "delegate", "observer"],
    submitted: ["admin", "chair", "penholder", "delegate", "observer"],
  },
  // The history (revisions, positions, audit): admin and members, never the HLD reviewer.
  "paper.viewHistory": {
    draft: ["admin", "chair", "penholder", "delegate", "observer"],
    consultation: ["admin", "chair", "penholder", "delegate", "observer"],
    approval: ["admin", "chair", "penholder", "delegate", "observer"],
    agreed: ["admin", "chair", "penholder", "delegate", "observer"],
    submitted: ["admin", "chair", "penholder", "delegate", "observer"],
  },
};

// ---------------------------------------------------------------------------------------------
// Dialogue-level actions: action → the roles allowed (on the dialogue the members belong to).
// ---------------------------------------------------------------------------------------------
type DialogueLevelAction =
  | "system.administer"
  | "hld.viewInbox"
  | "dialogue.list"
  | "dialogue.view"
  | "dialogue.inviteMember"
  | "dialogue.manageMembers"
  | "dialogue.exportSubmissions"
  | "dialogue.requireTwoFactor"
  | "dialogue.manageLanguages"
  | "paper.create"
  | "paper.createSomewhere";
const expectedDialogue: Record<DialogueLevelAction, readonly Role[]> = {
  "system.administer": ["admin"],
  // The inbox of every submitted paper: HLD reviewers and the secretariat.
  "hld.viewInbox": ["admin", "hld_reviewer"],
  // The list of one's dialogues: everyone but the HLD reviewer, who works from the inbox.
  "dialogue.list": ["admin", "chair", "penholder", "delegate", "observer", "outsider"],
  "dialogue.view": ["admin", "chair", "penholder", "delegate", "observer"],
  // "manage dialogues, partners, members": admin yes; chair "invite to own dialogue".
  "dialogue.inviteMember": ["admin", "chair"],
  "dialogue.manageMembers": ["admin"],
  // The ZIP of every submitted paper: the secretariat and the dialogue's chair.
  "dialogue.exportSubmissions": ["admin", "chair"],
  // Whether the dialogue requires a second factor at sign-in: the secretariat.
  "dialogue.requireTwoFactor": ["admin"],
  // The languages the dialogue works in besides the six of the UN: a setting of the dialogue
  // ("manage dialogues"), the secretariat's; chairs add versions within them.
  "dialogue.manageLanguages": ["admin"],
  "paper.create": ["admin", "chair", "penholder"],
  // Creating a paper in some dialogue (asked before an import's body is read).
  "paper.createSomewhere": ["admin", "chair", "penholder"],
};

const globalActions: readonly DialogueLevelAction[] = [
  "system.administer",
  "hld.viewInbox",
  "dialogue.list",
  "paper.createSomewhere",
];

// Appointing: role → the roles they may give someone in the dialogue. The secretariat appoints
// anyone; a chair invites penholders, delegates and observers, never another chair.
const expectedAppointments: Record<Role, readonly DialogueRole[]> = {
  admin: ["chair", "penholder", "delegate", "observer"],
  hld_reviewer: [],
  chair: ["penholder", "delegate", "observer"],
  penholder: [],
  delegate: [],
  observer: [],
  outsider: [],
};

// The collaboration socket: role → status → what the connection may do with the text.
// refused: no socket; read: read-only; write: edits; suggest: suggestions only; comment: own
// comment anchors only.
type SocketAccess = "refused" | "read" | "write" | "suggest" | "comment";
const readers = { admin: "read", chair: "read", penholder: "read", delegate: "read", observer: "read" } as const;
const expectedSocket: Record<PaperStatus, Record<Role, SocketAccess>> = {
  draft: {
    admin: "write",
    hld_reviewer: "refused",
    chair: "write",
    penholder: "write",
    delegate: "write",
    observer: "comment",
    outsider: "refused",
  },
  consultation: {
    admin: "comment",
    hld_reviewer: "refused",
    chair: "write",
    penholder: "write",
    delegate: "suggest",
    observer: "comment",
    outsider: "refused",
  },
  approval: { ...readers, hld_reviewer: "refused", outsider: "refused" },
  agreed: { ...readers, hld_reviewer: "refused", outsider: "refused" },
  // The HLD reviewer reads the agreed text on the page; the live text's annotations are not theirs.
  submitted: { ...readers, hld_reviewer: "refused", outsider: "refused" },
};

// The message next to a read-only editor: role → status → the reason (null: they may write or suggest).
const frozen = { approval: "frozen", agreed: "frozen", submitted: "frozen" } as const;
const expectedReadOnly: Record<Role, Record<PaperStatus, ReadOnlyReason | null>> = {
  admin: { draft: null, consultation: "notAllowed", ...frozen },
  hld_reviewer: { draft: "notAllowed", consultation: "notAllowed", ...frozen },
  chair: { draft: null, consultation: null, ...frozen },
  penholder: { draft: null, consultation: null, ...frozen },
  delegate: { draft: null, consultation: null, ...frozen },
  observer: { draft: "observer", consultation: "observer", ...frozen },
  outsider: { draft: "notAllowed", consultation: "notAllowed", ...frozen },
};

// ---------------------------------------------------------------------------------------------
// Taking a position: role → status → the partners (of this dialogue) the role may answer for.
// Chair: Senegal, penholder: Morocco, delegate: France (all states); observer: IOM (organisation);
// state observer: an observer speaking for France; outsider: Senegal, but in another dialogue.
// ---------------------------------------------------------------------------------------------
type PositionRole = Role | "state_observer";
type PartnerLabel = "SEN" | "MAR" | "FRA" | "IOM";
const partnerLabels: readonly PartnerLabel[] = ["SEN", "MAR", "FRA", "IOM"];
const noPositions: Record<PaperStatus, readonly PartnerLabel[]> = {
  draft: [],
  consultation: [],
  approval: [],
  agreed: [],
  submitted: [],
};
const expectedPositions: Record<PositionRole, Record<PaperStatus, readonly PartnerLabel[]>> = {
  admin: noPositions,
  hld_reviewer: noPositions,
  chair: { draft: [], consultation: [], approval: ["SEN"], agreed: [], submitted: [] },
  penholder: { draft: [], consultation: [], approval: ["MAR"], agreed: [], submitted: [] },
  delegate: { draft: [], consultation: [], approval: ["FRA"], agreed: [], submitted: [] },
  observer: noPositions,
  state_observer: noPositions,
  outsider: noPositions,
};

// ---------------------------------------------------------------------------------------------

let world: DialogueWithRoles;
const paperIn = {} as Record<PaperStatus, Paper>;
let otherDialoguePaper: Paper;

beforeAll(async () => {
  const db = testDb.db();
  world = await makeDialogueWithRoles(db, { stateObserver: true });
  for (const status of paperStatuses) {
    paperIn[status] = (await makePaperInStatus(db, status, world)).paper;
  }
  otherDialoguePaper = await createPaper(db, world.actors.admin, {
    dialogueId: world.otherDialogue.id,
    title: "Paper of another dialogue",
    kind: "position_paper",
  });
  // Load every actor afresh, after all memberships and papers exist.
  for (const role of roles) world.actors[role] = await loadActor(db, world.actors[role].id);
  if (world.stateObserver) world.stateObserver = await loadActor(db, world.stateObserver.id);
});

const actorOf = (role: PositionRole) => {
  if (role === "state_observer") {
    if (!world.stateObserver) throw new Error("state observer missing");
    return world.stateObserver;
  }
  return world.actors[role];
};

function authorizeOutcome(
  role: Role,
  action: Action,
  resource: Parameters<typeof can>[2],
): "allowed" | "forbidden" | "not_found" {
  try {
    authorize(world.actors[role], action, resource as never);
    return "allowed";
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const code = (error as AppError).code;
    if (code !== "forbidden" && code !== "not_found") throw error;
    return code;
  }
}

describe("the expected tables are complete", () => {
  it("lists every paper action of the policy, and every status for each", () => {
    expect(Object.keys(expectedPaper).sort()).toEqual([...paperActions].sort());
    for (const action of paperActions) {
      expect(Object.keys(expectedPaper[action]).sort()).toEqual([...paperStatuses].sort());
    }
  });

  it("the papers really are in each status in the database", async () => {
    for (const status of paperStatuses) {
      const fresh = await reloadPaper(testDb.db(), paperIn[status].id);
      expect(fresh.status).toBe(status);
      expect(fresh.dialogueId).toBe(world.dialogue.id);
    }
  });

  it("the actors hold the roles the table names", () => {
    const { actors, dialogue } = world;
    expect(actors.admin.globalRole).toBe("admin");
    expect(actors.hld_reviewer.globalRole).toBe("hld_reviewer");
    for (const role of members) {
      expect(actors[role].globalRole).toBeNull();
      expect(actors[role].memberships.get(dialogue.id)?.role).toBe(role);
    }
    expect(actors.outsider.memberships.has(dialogue.id)).toBe(false);
    expect(actors.outsider.memberships.get(world.otherDialogue.id)?.role).toBe("delegate");
    expect(world.stateObserver?.memberships.get(dialogue.id)).toEqual({
      role: "observer",
      partnerId: world.partners.france,
    });
  });
});

for (const action of paperActions) {
  describe(action, () => {
    for (const status of paperStatuses) {
      describe(`paper ${status}`, () => {
        for (const role of roles) {
          const allowed = expectedPaper[action][status].includes(role);
          it(`${role}: ${allowed ? "allowed" : "denied"}`, () => {
            const ref = paperRef(paperIn[status]);
            expect(can(world.actors[role], action, ref)).toBe(allowed);
            // authorize agrees, and a denial of something the actor cannot even see is "not found".
            const mayView = expectedPaper["paper.view"][status].includes(role);
            expect(authorizeOutcome(role, action, ref)).toBe(allowed ? "allowed" : mayView ? "forbidden" : "not_found");
          });
        }
      });
    }
  });
}

describe("paperAbilities (the map sent to the interface)", () => {
  for (const status of paperStatuses) {
    for (const role of roles) {
      it(`${role} on a ${status} paper matches the table row`, () => {
        const expected = Object.fromEntries(paperActions.map((a) => [a, expectedPaper[a][status].includes(role)]));
        expect(paperAbilities(world.actors[role], paperRef(paperIn[status]))).toEqual(expected);
      });
    }
  }
  it("nobody signed in gets nothing", () => {
    for (const status of paperStatuses) {
      expect(Object.values(paperAbilities(null, paperRef(paperIn[status]))).every((v) => v === false)).toBe(true);
    }
  });
});

describe("dialogue-level actions", () => {
  for (const [action, allowedRoles] of Object.entries(expectedDialogue) as [DialogueLevelAction, readonly Role[]][]) {
    describe(action, () => {
      for (const role of roles) {
        const allowed = allowedRoles.includes(role);
        it(`${role}: ${allowed ? "allowed" : "denied"}`, () => {
          const global = globalActions.includes(action);
          const resource = global ? null : { dialogueId: world.dialogue.id };
          expect(can(world.actors[role], action, resource as never)).toBe(allowed);
          const visible = global ? role === "admin" : expectedDialogue["dialogue.view"].includes(role);
          expect(authorizeOutcome(role, action, resource)).toBe(
            allowed ? "allowed" : visible ? "forbidden" : "not_found",
          );
        });
      }
    });
  }
  it("the outsider keeps their rights in their own dialogue only", () => {
    const outsider = world.actors.outsider;
    expect(can(outsider, "dialogue.view", { dialogueId: world.otherDialogue.id })).toBe(true);
    expect(can(outsider, "dialogue.inviteMember", { dialogueId: world.otherDialogue.id })).toBe(false);
    expect(can(outsider, "paper.create", { dialogueId: world.otherDialogue.id })).toBe(false);
    // The chair of one dialogue has no say in another.
    for (const action of Object.keys(expectedDialogue) as DialogueLevelAction[]) {
      if (globalActions.includes(action)) continue;
      expect(can(world.actors.chair, action, { dialogueId: world.otherDialogue.id })).toBe(false);
    }
  });
  it("nobody signed in may do anything", () => {
    for (const action of Object.keys(expectedDialogue) as DialogueLevelAction[]) {
      const resource = globalActions.includes(action) ? null : { dialogueId: world.dialogue.id };
      expect(can(null, action, resource as never)).toBe(false);
    }
  });
});

describe("dialogue.appoint (the roles one may give in an invitation)", () => {
  for (const role of roles) {
    const allowed = expectedAppointments[role];
    it(`${role}: ${allowed.length ? allowed.join(", ") : "none"}`, () => {
      const dialogue = { dialogueId: world.dialogue.id };
      expect(appointableRoles(world.actors[role], dialogue)).toEqual(allowed);
      for (const appointed of dialogueRole.enumValues) {
        expect(can(world.actors[role], "dialogue.appoint", { ...dialogue, role: appointed })).toBe(
          allowed.includes(appointed),
        );
      }
      // Nobody appoints in a dialogue they do not run (the admin runs them all).
      const elsewhere = appointableRoles(world.actors[role], { dialogueId: world.otherDialogue.id });
      expect(elsewhere).toEqual(role === "admin" ? allowed : []);
    });
  }
  it("nobody signed in appoints anyone", () => {
    expect(appointableRoles(null, { dialogueId: world.dialogue.id })).toEqual([]);
  });
});

describe("collabAccess (whether the socket opens, and what it may write)", () => {
  const accessOf = (access: ReturnType<typeof collabAccess>): SocketAccess => {
    if (!access) return "refused";
    if (!access.rights) return "read";
    if (access.rights.commentOnly) return "comment";
    return access.rights.suggestOnly ? "suggest" : "write";
  };
  for (const status of paperStatuses) {
    for (const role of roles) {
      const expected = expectedSocket[status][role];
      it(`${role} on a ${status} paper: ${expected}`, () => {
        const ref = paperRef(paperIn[status]);
        const actor = world.actors[role];
        const access = collabAccess(actor, ref);
        expect(accessOf(access)).toBe(expected);
        if (access?.rights) {
          // The rights carry who writes, for which partner, and the decisions the policy allows.
          expect(access.rights.userId).toBe(actor.id);
          expect(access.rights.partnerId).toBe(actor.memberships.get(world.dialogue.id)?.partnerId ?? null);
          expect(access.rights.markAgreement).toBe(expectedPaper["paper.markAgreement"][status].includes(role));
          expect(access.rights.decideSuggestions).toBe(expectedPaper["paper.decideSuggestions"][status].includes(role));
        }
      });
    }
  }
  it("nobody signed in gets no socket", () => {
    for (const status of paperStatuses) expect(collabAccess(null, paperRef(paperIn[status]))).toBeNull();
  });
});

describe("readOnlyReason (the message next to a read-only editor)", () => {
  for (const role of roles) {
    for (const status of paperStatuses) {
      const expected = expectedReadOnly[role][status];
      it(`${role} on a ${status} paper: ${expected ?? "may write or suggest"}`, () => {
        expect(readOnlyReason(world.actors[role], paperRef(paperIn[status]))).toBe(expected);
      });
    }
  }
});

describe("paper.takePosition", () => {
  const partnerIdOf = (label: PartnerLabel) =>
    ({ SEN: world.partners.senegal, MAR: world.partners.morocco, FRA: world.partners.france, IOM: world.partners.iom })[
      label
    ];
  const kindOf = (label: PartnerLabel) => (label === "IOM" ? "organisation" : "state") as "state" | "organisation";

  for (const role of Object.keys(expectedPositions) as PositionRole[]) {
    for (const status of paperStatuses) {
      for (const partner of partnerLabels) {
        const allowed = expectedPositions[role][status].includes(partner);
        it(`${role} for ${partner} on a ${status} paper: ${allowed ? "allowed" : "denied"}`, () => {
          const ref = { ...paperRef(paperIn[status]), partnerId: partnerIdOf(partner), partnerKind: kindOf(partner) };
          expect(can(actorOf(role), "paper.takePosition", ref)).toBe(allowed);
        });
      }
    }
  }

  it("the members' partners are the ones the table assumes", () => {
    const grant = (role: Role) => world.actors[role].memberships.get(world.dialogue.id)?.partnerId;
    expect(grant("chair")).toBe(world.partners.senegal);
    expect(grant("penholder")).toBe(world.partners.morocco);
    expect(grant("delegate")).toBe(world.partners.france);
    expect(grant("observer")).toBe(world.partners.iom);
    // The outsider speaks for Senegal, but in the other dialogue.
    expect(world.actors.outsider.memberships.get(world.otherDialogue.id)?.partnerId).toBe(world.partners.senegal);
  });
});

describe("a paper of another dialogue", () => {
  // Only the admin (all dialogues) and the outsider (a delegate there) have rights on it; it is a draft.
  const expectedOther: Record<Role, readonly PaperAction[]> = {
    admin: [
      "paper.view",
      "paper.edit",
      "paper.suggest",
      "paper.comment",
      "paper.viewComments",
      "paper.export",
      "paper.exportAnnotations",
      "paper.viewHistory",
    ],
    hld_reviewer: [],
    chair: [],
    penholder: [],
    delegate: [],
    observer: [],
    outsider: [
      "paper.view",
      "paper.edit",
      "paper.suggest",
      "paper.comment",
      "paper.viewComments",
      // A delegate there, taking part in its text: the lead may be handed to them.
      "paper.takeLead",
      "paper.export",
      "paper.exportAnnotations",
      "paper.viewHistory",
    ],
  };
  for (const role of roles) {
    it(`${role}: ${expectedOther[role].length ? expectedOther[role].join(", ") : "nothing"}`, () => {
      expect(otherDialoguePaper.status).toBe("draft");
      const abilities = paperAbilities(world.actors[role], paperRef(otherDialoguePaper));
      const granted = paperActions.filter((a) => abilities[a]);
      expect(granted).toEqual(expectedOther[role]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Comments: editing / deleting a comment is its author's, while comments are open; resolving or
// reopening a thread is its author's, or the chair's and penholder's.
// ---------------------------------------------------------------------------------------------
describe("comment.edit and thread.resolve", () => {
  const commentingRoles = (status: PaperStatus) => expectedPaper["paper.comment"][status];
  for (const status of paperStatuses) {
    for (const author of members) {
      for (const role of roles) {
        const mayComment = commentingRoles(status).includes(role);
        const own = role === author;
        const editAllowed = mayComment && own;
        const resolveAllowed = mayComment && (own || role === "chair" || role === "penholder");
        it(`${role} on a comment by the ${author}, paper ${status}: edit ${editAllowed}, resolve ${resolveAllowed}`, () => {
          const ref = { ...paperRef(paperIn[status]), authorId: world.actors[author].id };
          expect(can(world.actors[role], "comment.edit", ref)).toBe(editAllowed);
          expect(can(world.actors[role], "thread.resolve", ref)).toBe(resolveAllowed);
        });
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Delegations (SPEC: "confirm who speaks for a partner": admin, audited, and that partner's focal
// point; nobody else, chairs included). No member of the world is a focal point.
// ---------------------------------------------------------------------------------------------
describe("delegation actions", () => {
  for (const role of roles) {
    const admin = role === "admin";
    it(`${role}: confirm a member for a partner ${admin}, appoint a focal point ${admin}, see delegations ${admin}`, () => {
      const ref = { partnerId: world.partners.france };
      expect(can(world.actors[role], "delegation.confirmMember", ref)).toBe(admin);
      expect(can(world.actors[role], "delegation.appointFocalPoint", ref)).toBe(admin);
      expect(can(world.actors[role], "delegation.viewAny", null)).toBe(admin);
      // Managing a delegation's members: the secretariat; inviting as a focal point: nobody here.
      expect(can(world.actors[role], "delegation.manageMember", ref)).toBe(admin);
      for (const invitedRole of dialogueRole.enumValues) {
        expect(
          can(world.actors[role], "delegation.inviteMember", {
            ...ref,
            dialogueId: world.dialogue.id,
            role: invitedRole,
          }),
        ).toBe(false);
      }
    });
  }
  it("a partner's focal point confirms for that partner only, and sees the delegation page", () => {
    const focalPoint = { ...world.actors.delegate, focalPointOf: new Set([world.partners.france]) };
    expect(can(focalPoint, "delegation.confirmMember", { partnerId: world.partners.france })).toBe(true);
    expect(can(focalPoint, "delegation.confirmMember", { partnerId: world.partners.morocco })).toBe(false);
    expect(can(focalPoint, "delegation.appointFocalPoint", { partnerId: world.partners.france })).toBe(false);
    expect(can(focalPoint, "delegation.viewAny", null)).toBe(true);
    expect(partnersManagedBy(focalPoint)).toEqual(new Set([world.partners.france]));
    expect(partnersManagedBy(world.actors.admin)).toBe("all");
    expect(partnersManagedBy(world.actors.chair)).toEqual(new Set());
    // Their own delegation's members, in any dialogue: suspend, restore, remove; invite delegates
    // and observers, never a chair or a penholder (the secretariat's and the chair's to give).
    expect(can(focalPoint, "delegation.manageMember", { partnerId: world.partners.france })).toBe(true);
    expect(can(focalPoint, "delegation.manageMember", { partnerId: world.partners.morocco })).toBe(false);
    for (const dialogueId of [world.dialogue.id, world.otherDialogue.id]) {
      for (const invitedRole of dialogueRole.enumValues) {
        const france = { partnerId: world.partners.france, dialogueId, role: invitedRole };
        expect(can(focalPoint, "delegation.inviteMember", france)).toBe(
          invitedRole === "delegate" || invitedRole === "observer",
        );
        expect(can(focalPoint, "delegation.inviteMember", { ...france, partnerId: world.partners.morocco })).toBe(
          false,
        );
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// One's own account (password, email choices, sessions): its owner's alone, whatever the role;
// the secretariat deactivates accounts (system.administer) but never manages another's.
// ---------------------------------------------------------------------------------------------
describe("account.manage", () => {
  for (const role of roles) {
    it(`${role}: manages their own account, and nobody else's`, () => {
      const actor = world.actors[role];
      expect(can(actor, "account.manage", { userId: actor.id })).toBe(true);
      for (const other of roles.filter((r) => r !== role)) {
        expect(can(actor, "account.manage", { userId: world.actors[other].id })).toBe(false);
      }
    });
  }
  it("nobody signed out manages any account", () => {
    expect(can(null, "account.manage", { userId: world.actors.admin.id })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// A second factor is its owner's alone: everyone manages their own, nobody another's (the
// secretariat included), and another's account is answered "not found".
// ---------------------------------------------------------------------------------------------
describe("account.manageTwoFactor", () => {
  for (const role of roles) {
    it(`${role}: their own only`, () => {
      const actor = world.actors[role];
      expect(can(actor, "account.manageTwoFactor", { userId: actor.id })).toBe(true);
      for (const other of roles) {
        if (other === role) continue;
        const ref = { userId: world.actors[other].id };
        expect(can(actor, "account.manageTwoFactor", ref)).toBe(false);
        expect(authorizeOutcome(role, "account.manageTwoFactor", ref)).toBe("not_found");
      }
    });
  }
  it("nobody signed in manages any", () => {
    expect(can(null, "account.manageTwoFactor", { userId: world.actors.delegate.id })).toBe(false);
  });
});
