// Administration through the domain functions: dialogues, partners, members, and the audit
// trail each change leaves. Refused or bad requests must leave every table as it was.
import { and, count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, dialoguePartners, dialogues, memberships, partners, users } from "@/db/schema";
import type { ActorProfile } from "@/server/actor";
import { signInWithPassword } from "@/server/auth/sign-in";
import { setPasswordByLink } from "@/server/domain/account-links";
import { addDialoguePartner, createDialogue } from "@/server/domain/dialogues";
import {
  addMember,
  appointFocalPoint,
  changeMemberRole,
  confirmMembership,
  declineMembership,
  removeMember,
} from "@/server/domain/memberships";
import { AppError } from "@/server/errors";
import { can } from "@/server/policy";
import { useTestDatabase } from "../helpers/database";
import {
  type DialogueWithRoles,
  ensureAdmin,
  loadActor,
  makeAccount,
  makeDialogueWithRoles,
  TEST_PASSWORD,
  uniqueToken,
} from "../helpers/factories";

const testDb = useTestDatabase();
let admin: ActorProfile;
let world: DialogueWithRoles;

beforeAll(async () => {
  const db = testDb.db();
  admin = await ensureAdmin(db);
  world = await makeDialogueWithRoles(db);
});

/** Row counts of every table administration writes to. */
async function tableCounts() {
  const db = testDb.db();
  const n = async (
    table:
      | typeof users
      | typeof partners
      | typeof dialogues
      | typeof dialoguePartners
      | typeof memberships
      | typeof auditEvents,
  ) => {
    const [row] = await db.select({ n: count() }).from(table);
    return Number(row?.n ?? 0);
  };
  return {
    users: await n(users),
    partners: await n(partners),
    dialogues: await n(dialogues),
    dialoguePartners: await n(dialoguePartners),
    memberships: await n(memberships),
    auditEvents: await n(auditEvents),
  };
}

/** Runs `attempt`, expects it to fail with `code` (or any error for null), and that nothing changed. */
async function expectRefusedWithoutChanges(attempt: () => Promise<unknown>, code: AppError["code"] | null) {
  const before = await tableCounts();
  const outcome = attempt();
  if (code) {
    await expect(outcome).rejects.toBeInstanceOf(AppError);
    await expect(outcome).rejects.toMatchObject({ code });
  } else {
    await expect(outcome).rejects.toThrow();
  }
  expect(await tableCounts()).toEqual(before);
}

async function lastAudit() {
  const [row] = await testDb.db().select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  if (!row) throw new Error("no audit event");
  return row;
}

async function auditRows(where: { action: string; targetId: string }) {
  return testDb
    .db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, where.action), eq(auditEvents.targetId, where.targetId)));
}

async function expectAppError(attempt: Promise<unknown>, code: AppError["code"]) {
  await expect(attempt).rejects.toBeInstanceOf(AppError);
  await expect(attempt).rejects.toMatchObject({ code });
}

function newDialogueInput() {
  const token = uniqueToken();
  return { name: `Prague Process ${token}`, slug: `prague-${token}`, code: `PR${token.toUpperCase()}`.slice(0, 12) };
}

describe("dialogues and partners", () => {
  it("the administrator creates a dialogue, audited", async () => {
    const db = testDb.db();
    const input = newDialogueInput();
    const dialogue = await createDialogue(db, admin, { ...input, description: "Targeted migration cooperation" });
    const [row] = await db.select().from(dialogues).where(eq(dialogues.id, dialogue.id));
    expect(row).toMatchObject({
      name: input.name,
      slug: input.slug,
      code: input.code,
      description: "Targeted migration cooperation",
    });
    expect(await auditRows({ action: "dialogue.created", targetId: dialogue.id })).toEqual([
      expect.objectContaining({ actorId: admin.id, targetType: "dialogue", dialogueId: dialogue.id }),
    ]);
  });

  it("a taken slug or code is a conflict and writes nothing", async () => {
    const db = testDb.db();
    const input = newDialogueInput();
    await createDialogue(db, admin, input);
    await expectRefusedWithoutChanges(
      () => createDialogue(db, admin, { ...input, code: `X${input.code}`.slice(0, 12) }),
      "conflict",
    );
    await expectRefusedWithoutChanges(
      () => createDialogue(db, admin, { ...input, slug: `${input.slug}-x` }),
      "conflict",
    );
  });

  it("a malformed code or slug is refused and writes nothing", async () => {
    const db = testDb.db();
    await expectRefusedWithoutChanges(
      () => createDialogue(db, admin, { ...newDialogueInput(), code: "lower case" }),
      null,
    );
    await expectRefusedWithoutChanges(
      () => createDialogue(db, admin, { ...newDialogueInput(), slug: "Not A Slug" }),
      null,
    );
  });

  it("only the administrator creates dialogues", async () => {
    const db = testDb.db();
    for (const role of ["chair", "penholder", "delegate", "observer", "hld_reviewer", "outsider"] as const) {
      await expectRefusedWithoutChanges(() => createDialogue(db, world.actors[role], newDialogueInput()), "not_found");
    }
  });

  it("adds a state partner by ISO 3166-1 alpha-3 code, named from the country list", async () => {
    const db = testDb.db();
    const dialogue = await createDialogue(db, admin, newDialogueInput());
    const partner = await addDialoguePartner(db, admin, {
      dialogueId: dialogue.id,
      partner: { kind: "state", iso3: "cze" },
    });
    expect(partner).toMatchObject({ kind: "state", iso3: "CZE" });
    expect(partner.name).toMatch(/Czech/);
    const links = await db.select().from(dialoguePartners).where(eq(dialoguePartners.dialogueId, dialogue.id));
    expect(links.map((l) => l.partnerId)).toEqual([partner.id]);
    expect(await auditRows({ action: "dialogue.partner_added", targetId: partner.id })).toContainEqual(
      expect.objectContaining({ actorId: admin.id, targetType: "partner", dialogueId: dialogue.id }),
    );
    // The same state in a second dialogue is the same partner row.
    const second = await createDialogue(db, admin, newDialogueInput());
    const again = await addDialoguePartner(db, admin, {
      dialogueId: second.id,
      partner: { kind: "state", iso3: "CZE" },
    });
    expect(again.id).toBe(partner.id);
    expect(await db.select().from(partners).where(eq(partners.iso3, "CZE"))).toHaveLength(1);
  });

  it("refuses an unknown country code and writes nothing", async () => {
    const db = testDb.db();
    const dialogue = await createDialogue(db, admin, newDialogueInput());
    for (const iso3 of ["XXX", "ZZ", "FRANCE", ""]) {
      await expectRefusedWithoutChanges(
        () => addDialoguePartner(db, admin, { dialogueId: dialogue.id, partner: { kind: "state", iso3 } }),
        "invalid_input",
      );
    }
  });

  it("refuses a numeric country code such as 686 and writes nothing", async () => {
    const db = testDb.db();
    const dialogue = await createDialogue(db, admin, newDialogueInput());
    await expectRefusedWithoutChanges(
      () => addDialoguePartner(db, admin, { dialogueId: dialogue.id, partner: { kind: "state", iso3: "686" } }),
      "invalid_input",
    );
  });

  it("adds an organisation partner, once per dialogue", async () => {
    const db = testDb.db();
    const dialogue = await createDialogue(db, admin, newDialogueInput());
    const iom = await addDialoguePartner(db, admin, {
      dialogueId: dialogue.id,
      partner: { kind: "organisation", name: "  IOM " },
    });
    expect(iom).toMatchObject({ kind: "organisation", iso3: null, name: "IOM" });
    await expectRefusedWithoutChanges(
      () => addDialoguePartner(db, admin, { dialogueId: dialogue.id, partner: { kind: "organisation", name: "IOM" } }),
      "conflict",
    );
    await expectRefusedWithoutChanges(
      () => addDialoguePartner(db, admin, { dialogueId: dialogue.id, partner: { kind: "organisation", name: "   " } }),
      "invalid_input",
    );
  });

  it("only the administrator adds partners", async () => {
    const db = testDb.db();
    await expectRefusedWithoutChanges(
      () =>
        addDialoguePartner(db, world.actors.chair, {
          dialogueId: world.dialogue.id,
          partner: { kind: "state", iso3: "ESP" },
        }),
      "not_found",
    );
  });
});

describe("members", () => {
  it("the administrator adds a member with a new account, who can sign in once they set their password by the invitation link", async () => {
    const db = testDb.db();
    const email = `New.Delegate.${uniqueToken()}@Test.Accord`;
    const membership = await addMember(db, admin, {
      dialogueId: world.dialogue.id,
      email,
      role: "delegate",
      partnerId: world.partners.morocco,
      newAccount: { name: "Nadia Benali" },
    });
    const [user] = await db.select().from(users).where(eq(users.id, membership.userId));
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Nadia Benali", globalRole: null });
    const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    expect(row).toMatchObject({
      dialogueId: world.dialogue.id,
      userId: membership.userId,
      partnerId: world.partners.morocco,
      role: "delegate",
    });

    expect(await auditRows({ action: "user.created", targetId: membership.userId })).toEqual([
      expect.objectContaining({ actorId: admin.id, targetType: "user", dialogueId: world.dialogue.id }),
    ]);
    const [added] = await auditRows({ action: "membership.added", targetId: membership.id });
    expect(added).toMatchObject({ actorId: admin.id, targetType: "membership", dialogueId: world.dialogue.id });
    expect(added?.details).toMatchObject({
      userId: membership.userId,
      role: "delegate",
      partnerId: world.partners.morocco,
    });

    // Invited: no password, nobody can sign in until the person sets one by the link.
    expect(user?.passwordHash).toBeNull();
    expect(user?.activatedAt).toBeNull();
    expect(await signInWithPassword(db, { email, password: TEST_PASSWORD })).toMatchObject({ ok: false });
    if (!membership.invitation) throw new Error("expected an invitation link");
    await setPasswordByLink(db, { token: membership.invitation.token, purpose: "invitation", password: TEST_PASSWORD });
    const signIn = await signInWithPassword(db, { email, password: TEST_PASSWORD });
    expect(signIn).toMatchObject({ ok: true, userId: membership.userId });
    const actor = await loadActor(db, membership.userId);
    expect(actor.memberships.get(world.dialogue.id)).toEqual({ role: "delegate", partnerId: world.partners.morocco });
  });

  it("adds an existing account without creating another", async () => {
    const db = testDb.db();
    const account = await makeAccount(db, admin);
    const before = await tableCounts();
    const membership = await addMember(db, admin, {
      dialogueId: world.dialogue.id,
      email: account.email,
      role: "observer",
      partnerId: world.partners.iom,
    });
    expect(membership.userId).toBe(account.id);
    const after = await tableCounts();
    expect(after.users).toBe(before.users);
    expect(after.memberships).toBe(before.memberships + 1);
    expect(after.auditEvents).toBe(before.auditEvents + 1);
  });

  it("changes a member's role and partner, audited with before and after", async () => {
    const db = testDb.db();
    const account = await makeAccount(db, admin);
    const membership = await addMember(db, admin, {
      dialogueId: world.dialogue.id,
      email: account.email,
      role: "observer",
      partnerId: world.partners.iom,
    });
    await changeMemberRole(db, admin, {
      membershipId: membership.id,
      role: "penholder",
      partnerId: world.partners.france,
    });
    const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    expect(row).toMatchObject({ role: "penholder", partnerId: world.partners.france });
    const event = await lastAudit();
    expect(event).toMatchObject({
      actorId: admin.id,
      action: "membership.role_changed",
      targetType: "membership",
      targetId: membership.id,
      dialogueId: world.dialogue.id,
    });
    expect(event.details).toEqual({
      userId: account.id,
      from: { role: "observer", partnerId: world.partners.iom },
      to: { role: "penholder", partnerId: world.partners.france },
    });
    const actor = await loadActor(db, account.id);
    expect(actor.memberships.get(world.dialogue.id)?.role).toBe("penholder");
  });

  it("a chair must represent a state: refused for an organisation, nothing changes", async () => {
    const db = testDb.db();
    const account = await makeAccount(db, admin);
    await expectRefusedWithoutChanges(
      () =>
        addMember(db, admin, {
          dialogueId: world.dialogue.id,
          email: account.email,
          role: "chair",
          partnerId: world.partners.iom,
        }),
      "invalid_input",
    );
    const membership = await addMember(db, admin, {
      dialogueId: world.dialogue.id,
      email: account.email,
      role: "observer",
      partnerId: world.partners.iom,
    });
    await expectRefusedWithoutChanges(
      () => changeMemberRole(db, admin, { membershipId: membership.id, role: "chair", partnerId: world.partners.iom }),
      "invalid_input",
    );
  });

  it("removes a member, audited; their access ends", async () => {
    const db = testDb.db();
    const account = await makeAccount(db, admin);
    const membership = await addMember(db, admin, {
      dialogueId: world.dialogue.id,
      email: account.email,
      role: "delegate",
      partnerId: world.partners.france,
    });
    await removeMember(db, admin, { membershipId: membership.id });
    expect(await db.select().from(memberships).where(eq(memberships.id, membership.id))).toEqual([]);
    expect(await lastAudit()).toMatchObject({
      actorId: admin.id,
      action: "membership.removed",
      targetType: "membership",
      targetId: membership.id,
      dialogueId: world.dialogue.id,
      details: { userId: account.id, role: "delegate", partnerId: world.partners.france },
    });
    expect((await loadActor(db, account.id)).memberships.has(world.dialogue.id)).toBe(false);
    await expectRefusedWithoutChanges(() => removeMember(db, admin, { membershipId: membership.id }), "not_found");
  });

  it("a duplicate membership is a conflict and nothing changes", async () => {
    const db = testDb.db();
    await expectRefusedWithoutChanges(
      () =>
        addMember(db, admin, {
          dialogueId: world.dialogue.id,
          email: world.emails.delegate,
          role: "observer",
          partnerId: world.partners.iom,
        }),
      "conflict",
    );
    const actor = await loadActor(db, world.actors.delegate.id);
    expect(actor.memberships.get(world.dialogue.id)).toEqual({ role: "delegate", partnerId: world.partners.france });
  });

  it("bad input writes nothing: unknown email without account details, partner of another dialogue, global-role account", async () => {
    const db = testDb.db();
    await expectRefusedWithoutChanges(
      () =>
        addMember(db, admin, {
          dialogueId: world.dialogue.id,
          email: `ghost.${uniqueToken()}@test.accord`,
          role: "delegate",
          partnerId: world.partners.france,
        }),
      "invalid_input",
    );
    // Türkiye takes part in the other dialogue only.
    const [otherPartner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.iso3, "TUR"));
    expect(otherPartner).toBeDefined();
    await expectRefusedWithoutChanges(
      () =>
        addMember(db, admin, {
          dialogueId: world.dialogue.id,
          email: `new.${uniqueToken()}@test.accord`,
          role: "delegate",
          partnerId: otherPartner?.id ?? "",
          newAccount: { name: "Wrong Partner" },
        }),
      "invalid_input",
    );
    await expectRefusedWithoutChanges(
      () =>
        addMember(db, admin, {
          dialogueId: world.dialogue.id,
          email: world.emails.hld_reviewer,
          role: "observer",
          partnerId: world.partners.iom,
        }),
      "conflict",
    );
  });
});

describe("who speaks for a state (focal points)", () => {
  /** A chair's invitation for `partner`: a request, and the new account's id. */
  const invite = async (partnerId: string) => {
    const added = await addMember(testDb.db(), world.actors.chair, {
      dialogueId: world.dialogue.id,
      email: `speaker.${uniqueToken()}@test.accord`,
      role: "delegate",
      partnerId,
      newAccount: { name: "Would Speak" },
    });
    if (!added.pending) throw new Error("expected a request");
    return added;
  };
  /** A new account named focal point of `partnerId` by the secretariat. */
  const focalPointOf = async (partnerId: string) => {
    const db = testDb.db();
    const account = await makeAccount(db, admin);
    await appointFocalPoint(db, admin, { partnerId, userId: account.id });
    return loadActor(db, account.id);
  };

  it("lets the chair invite but never confirm, not even for their own state", async () => {
    const db = testDb.db();
    for (const partnerId of [world.partners.france, world.partners.senegal]) {
      const request = await invite(partnerId);
      await expectAppError(confirmMembership(db, world.actors.chair, { requestId: request.id }), "not_found");
      const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.userId, request.userId));
      expect(Number(row?.n)).toBe(0);
    }
  });

  it("makes the membership active when that state's focal point confirms, audited; another state's cannot", async () => {
    const db = testDb.db();
    const request = await invite(world.partners.france);
    const france = await focalPointOf(world.partners.france);
    const morocco = await focalPointOf(world.partners.morocco);
    await expectAppError(confirmMembership(db, morocco, { requestId: request.id }), "forbidden");
    const membership = await confirmMembership(db, france, { requestId: request.id });
    expect(membership).toMatchObject({ userId: request.userId, partnerId: world.partners.france, role: "delegate" });
    expect(await auditRows({ action: "membership.confirmed", targetId: membership.id })).toEqual([
      expect.objectContaining({
        actorId: france.id,
        details: expect.objectContaining({ asFocalPoint: true, requestId: request.id }),
      }),
    ]);
    const member = await loadActor(db, request.userId);
    expect(member.memberships.get(world.dialogue.id)).toEqual({ role: "delegate", partnerId: world.partners.france });
    // Confirmed once: the request is gone.
    await expectAppError(confirmMembership(db, france, { requestId: request.id }), "not_found");
  });

  it("lets the secretariat confirm (audited as not a focal point), and a focal point decline", async () => {
    const db = testDb.db();
    const confirmed = await invite(world.partners.morocco);
    const membership = await confirmMembership(db, admin, { requestId: confirmed.id });
    expect(await auditRows({ action: "membership.confirmed", targetId: membership.id })).toEqual([
      expect.objectContaining({ actorId: admin.id, details: expect.objectContaining({ asFocalPoint: false }) }),
    ]);
    const declined = await invite(world.partners.morocco);
    const morocco = await focalPointOf(world.partners.morocco);
    await declineMembership(db, morocco, { requestId: declined.id });
    expect(await auditRows({ action: "membership.declined", targetId: declined.id })).toHaveLength(1);
    expect((await loadActor(db, declined.userId)).memberships.size).toBe(0);
  });

  it("makes a membership at once when its state's focal point or the secretariat adds it; observers need no one", async () => {
    const db = testDb.db();
    const senegal = await focalPointOf(world.partners.senegal);
    expect(senegal.memberships.size).toBe(0);
    const byAdmin = await addMember(db, admin, {
      dialogueId: world.dialogue.id,
      email: `direct.${uniqueToken()}@test.accord`,
      role: "delegate",
      partnerId: world.partners.senegal,
      newAccount: { name: "Direct" },
    });
    expect(byAdmin.pending).toBe(false);
    const observer = await addMember(db, world.actors.chair, {
      dialogueId: world.dialogue.id,
      email: `watcher.${uniqueToken()}@test.accord`,
      role: "observer",
      partnerId: world.partners.iom,
      newAccount: { name: "Watcher" },
    });
    expect(observer.pending).toBe(false);
    // Only the secretariat appoints focal points.
    await expectAppError(
      appointFocalPoint(db, world.actors.chair, { partnerId: world.partners.senegal, userId: world.actors.chair.id }),
      "not_found",
    );
  });
});

describe("what a chair may do", () => {
  it("invites a delegate to their own dialogue: only a request until the state's focal point confirms it", async () => {
    const db = testDb.db();
    const chair = world.actors.chair;
    const email = `invited.${uniqueToken()}@test.accord`;
    const added = await addMember(db, chair, {
      dialogueId: world.dialogue.id,
      email,
      role: "delegate",
      partnerId: world.partners.morocco,
      newAccount: { name: "Invited Delegate" },
    });
    expect(added).toMatchObject({ pending: true, role: "delegate", dialogueId: world.dialogue.id });
    expect(await auditRows({ action: "membership.requested", targetId: added.id })).toEqual([
      expect.objectContaining({ actorId: chair.id, targetType: "membership", dialogueId: world.dialogue.id }),
    ]);
    expect(await auditRows({ action: "user.created", targetId: added.userId })).toEqual([
      expect.objectContaining({ actorId: chair.id }),
    ]);
    // Until confirmed the invitation grants nothing: no membership, the dialogue not even visible.
    const invitee = await loadActor(db, added.userId);
    expect(invitee.memberships.size).toBe(0);
    expect(can(invitee, "dialogue.view", { dialogueId: world.dialogue.id })).toBe(false);
  });

  it("cannot invite to another dialogue (not found)", async () => {
    const db = testDb.db();
    const [partnerThere] = await db
      .select({ id: dialoguePartners.partnerId })
      .from(dialoguePartners)
      .where(eq(dialoguePartners.dialogueId, world.otherDialogue.id));
    await expectRefusedWithoutChanges(
      () =>
        addMember(db, world.actors.chair, {
          dialogueId: world.otherDialogue.id,
          email: `elsewhere.${uniqueToken()}@test.accord`,
          role: "delegate",
          partnerId: partnerThere?.id ?? "",
          newAccount: { name: "Elsewhere" },
        }),
      "not_found",
    );
  });

  it("cannot appoint a chair (forbidden)", async () => {
    const db = testDb.db();
    await expectRefusedWithoutChanges(
      () =>
        addMember(db, world.actors.chair, {
          dialogueId: world.dialogue.id,
          email: `cochair.${uniqueToken()}@test.accord`,
          role: "chair",
          partnerId: world.partners.france,
          newAccount: { name: "Co-chair" },
        }),
      "forbidden",
    );
  });

  it("cannot change roles or remove members (forbidden)", async () => {
    const db = testDb.db();
    const [delegateMembership] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, world.actors.delegate.id), eq(memberships.dialogueId, world.dialogue.id)));
    if (!delegateMembership) throw new Error("no membership");
    await expectRefusedWithoutChanges(
      () =>
        changeMemberRole(db, world.actors.chair, {
          membershipId: delegateMembership.id,
          role: "penholder",
          partnerId: world.partners.france,
        }),
      "forbidden",
    );
    await expectRefusedWithoutChanges(
      () => removeMember(db, world.actors.chair, { membershipId: delegateMembership.id }),
      "forbidden",
    );
  });
});

describe("what others may not do", () => {
  it("a delegate, penholder or observer cannot invite (forbidden); the HLD reviewer and an outsider get not found", async () => {
    const db = testDb.db();
    const attempt = (actor: ActorProfile) => () =>
      addMember(db, actor, {
        dialogueId: world.dialogue.id,
        email: `nope.${uniqueToken()}@test.accord`,
        role: "delegate",
        partnerId: world.partners.france,
        newAccount: { name: "Nope" },
      });
    await expectRefusedWithoutChanges(attempt(world.actors.delegate), "forbidden");
    await expectRefusedWithoutChanges(attempt(world.actors.penholder), "forbidden");
    await expectRefusedWithoutChanges(attempt(world.actors.observer), "forbidden");
    await expectRefusedWithoutChanges(attempt(world.actors.hld_reviewer), "not_found");
    await expectRefusedWithoutChanges(attempt(world.actors.outsider), "not_found");
  });

  it("no change is made without a signed-in actor", async () => {
    const db = testDb.db();
    await expectRefusedWithoutChanges(() => createDialogue(db, null, newDialogueInput()), "not_found");
    await expectRefusedWithoutChanges(
      () =>
        addMember(db, null, {
          dialogueId: world.dialogue.id,
          email: world.emails.outsider,
          role: "delegate",
          partnerId: world.partners.france,
        }),
      "not_found",
    );
  });
});
