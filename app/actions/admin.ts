"use server";
// Secretariat administration, and a chair's invitations to their own dialogue.
// Each action: validate, authenticate, then one domain function that authorizes and audits.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { dialogueRole, globalRole } from "@/db/schema";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { requestPasswordReset, resendInvitation } from "@/server/domain/account-links";
import {
  addDialoguePartner,
  createDialogue,
  setDialogueLanguages,
  setDocumentSymbolPattern,
} from "@/server/domain/dialogues";
import { addMember, changeMemberRole, removeMember } from "@/server/domain/memberships";
import { resetTwoFactorByAdministrator } from "@/server/domain/two-factor";
import { createAccount, setAccountActive } from "@/server/domain/users";

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith("$")));
const optional = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();
const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320));
const name = z.string().trim().min(1).max(200);

async function run<T>(
  work: (db: Awaited<ReturnType<typeof getDb>>, actor: Awaited<ReturnType<typeof requireActor>>) => Promise<T>,
  successKey: Parameters<typeof actionResult<T>>[1],
) {
  const result = await actionResult(async () => work(await getDb(), await requireActor()), successKey);
  if (result?.ok) revalidatePath("/", "layout");
  return result;
}

const createDialogueSchema = z.object({
  name,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(60),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}$/),
  description: z.string().trim().max(2000).default(""),
});
export async function createDialogueAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(
    async (db, actor) => createDialogue(db, actor, createDialogueSchema.parse(fields(form))),
    "admin.dialogueCreated",
  );
}

// The pattern's own rules (placeholders, characters, length) are the domain's, with a translated reason.
const symbolPatternSchema = z.object({ dialogueId: z.uuid(), pattern: z.string().max(200) });
export async function setSymbolPatternAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(
    async (db, actor) => setDocumentSymbolPattern(db, actor, symbolPatternSchema.parse(fields(form))),
    (result) => (result.pattern ? "exports.symbol.saved" : "exports.symbol.cleared"),
  );
}

// Each ticked language is one `otherLanguages` field; which codes are allowed is the domain's rule.
const dialogueLanguagesSchema = z.object({
  dialogueId: z.uuid(),
  otherLanguages: z.array(z.string().max(3)).max(100),
});
export async function setDialogueLanguagesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(
    async (db, actor) =>
      setDialogueLanguages(
        db,
        actor,
        dialogueLanguagesSchema.parse({
          dialogueId: form.get("dialogueId"),
          otherLanguages: form.getAll("otherLanguages"),
        }),
      ),
    "admin.languages.saved",
  );
}

const addPartnerSchema = z.discriminatedUnion("kind", [
  z.object({ dialogueId: z.uuid(), kind: z.literal("state"), iso3: z.string().trim().toUpperCase().length(3) }),
  z.object({ dialogueId: z.uuid(), kind: z.literal("organisation"), name }),
]);
export async function addPartnerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (db, actor) => {
    const input = addPartnerSchema.parse(fields(form));
    const partner =
      input.kind === "state"
        ? { kind: "state" as const, iso3: input.iso3 }
        : { kind: "organisation" as const, name: input.name };
    return addDialoguePartner(db, actor, { dialogueId: input.dialogueId, partner });
  }, "admin.partnerAdded");
}

const addMemberSchema = z.object({
  dialogueId: z.uuid(),
  email,
  role: z.enum(dialogueRole.enumValues),
  partnerId: z.uuid(),
  name: optional,
});
export async function addMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(
    async (db, actor) => {
      const input = addMemberSchema.parse(fields(form));
      return addMember(db, actor, {
        dialogueId: input.dialogueId,
        email: input.email,
        role: input.role,
        partnerId: input.partnerId,
        newAccount: input.name ? { name: name.parse(input.name) } : undefined,
      });
    },
    (added) =>
      added.pending ? "delegation.requested" : added.invitation ? "accountLink.invitationSent" : "admin.memberAdded",
  );
}

const changeRoleSchema = z.object({
  membershipId: z.uuid(),
  role: z.enum(dialogueRole.enumValues),
  partnerId: z.uuid(),
});
export async function changeMemberRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(
    async (db, actor) => changeMemberRole(db, actor, changeRoleSchema.parse(fields(form))),
    "admin.memberChanged",
  );
}

const removeMemberSchema = z.object({ membershipId: z.uuid() });
export async function removeMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(
    async (db, actor) => removeMember(db, actor, removeMemberSchema.parse(fields(form))),
    "admin.memberRemoved",
  );
}

const setActiveSchema = z.object({
  userId: z.uuid(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export async function setAccountActiveAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(
    async (db, actor) => setAccountActive(db, actor, setActiveSchema.parse(fields(form))),
    "admin.accountUpdated",
  );
}

const createAccountSchema = z.object({
  email,
  name,
  globalRole: z
    .enum(globalRole.enumValues)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export async function createAccountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(
    async (db, actor) => createAccount(db, actor, createAccountSchema.parse(fields(form))),
    "admin.accountCreated",
  );
}

const accountSchema = z.object({ userId: z.uuid() });
/** The owner receives a one-time link and chooses a new password; the administrator never sees it. */
export async function requestPasswordResetAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (db, actor) => {
    await requestPasswordReset(db, actor, accountSchema.parse(fields(form)));
  }, "accountLink.resetSent");
}

/** For someone who lost their authenticator and recovery codes (identity checked by other means). */
export async function resetTwoFactorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (db, actor) => {
    await resetTwoFactorByAdministrator(db, actor, accountSchema.parse(fields(form)));
  }, "twoFactor.adminResetDone");
}

export async function resendInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (db, actor) => {
    await resendInvitation(db, actor, accountSchema.parse(fields(form)));
  }, "accountLink.resent");
}
