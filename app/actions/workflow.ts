"use server";
// The paper workflow: stage changes, freezing a revision and opening a round, positions,
// submission to the HLD. Each: validate, authenticate, one workflow function (which authorizes
// against the locked paper row, checks the status and audits).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { flashParameter } from "@/lib/flash";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { markNotificationsRead } from "@/server/domain/notifications";
import {
  changeStage,
  closeRoundWithoutAgreement,
  freezeAndOpenRound,
  recordPosition,
  submitToHld,
} from "@/server/domain/workflow";
import { invalidInput } from "@/server/errors";

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith("$")));

async function run(
  paperId: string | undefined,
  work: () => Promise<unknown>,
  successKey: Parameters<typeof actionResult>[1],
): Promise<ActionState> {
  const result = await actionResult(work, successKey);
  if (result?.ok) revalidatePath(paperId ? `/papers/${paperId}` : "/", "layout");
  return result;
}

const stageSchema = z.object({ paperId: z.uuid(), to: z.enum(["draft", "consultation"]) });
export async function changeStageAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const paperId = z.uuid().safeParse(form.get("paperId")).data;
  return run(
    paperId,
    async () => changeStage(await getDb(), await requireActor(), stageSchema.parse(fields(form))),
    "workflow.stageChanged",
  );
}

const openRoundSchema = z.object({
  paperId: z.uuid(),
  procedure: z.enum(["consensus", "silence"]),
  // An ISO instant with its offset, filled in by the browser from the local date and time.
  deadline: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  // A checkbox: present ("on") when the chair carries pending suggestions over to the next draft.
  carryOverSuggestions: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});
export async function openRoundAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const paperId = z.uuid().safeParse(form.get("paperId")).data;
  const result = await run(
    paperId,
    async () => freezeAndOpenRound(await getDb(), await requireActor(), openRoundSchema.parse(fields(form))),
    "workflow.roundOpened",
  );
  // The round page is where everyone follows it from now on.
  if (result?.ok) redirect(`/papers/${paperId}/approval?${flashParameter}=roundOpened`);
  return result;
}

const positionSchema = z
  .object({
    paperId: z.uuid(),
    partnerId: z.uuid(),
    value: z.enum(["approve", "object", "abstain"]),
    reason: z.string().trim().max(5000).optional(),
  })
  .refine((p) => p.value !== "object" || Boolean(p.reason), { path: ["reason"], message: "required for an objection" });
export async function recordPositionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const paperId = z.uuid().safeParse(form.get("paperId")).data;
  // Answered from the paper page's prompt, which goes away once answered: the page says it instead.
  const fromPrompt = form.get("from") === "prompt";
  const result = await run(
    paperId,
    async () => {
      const parsed = positionSchema.safeParse(fields(form));
      if (!parsed.success && parsed.error.issues.some((i) => i.path[0] === "reason")) {
        throw invalidInput("objection without reason", "errors.objectionReasonRequired");
      }
      return recordPosition(await getDb(), await requireActor(), positionSchema.parse(fields(form)));
    },
    "workflow.positionRecorded",
  );
  if (result?.ok && fromPrompt) redirect(`/papers/${paperId}?${flashParameter}=positionRecorded`);
  return result;
}

const submitSchema = z.object({ paperId: z.uuid() });
export async function submitToHldAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const paperId = z.uuid().safeParse(form.get("paperId")).data;
  const result = await run(
    paperId,
    async () => submitToHld(await getDb(), await requireActor(), submitSchema.parse(fields(form))),
    "workflow.submitted",
  );
  // The approval page shows the submission record.
  if (result?.ok) redirect(`/papers/${paperId}/approval?${flashParameter}=submitted`);
  return result;
}

export async function markNotificationsReadAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  return run(
    undefined,
    async () => markNotificationsRead(await getDb(), await requireActor()),
    "notifications.allRead",
  );
}

const closeRoundSchema = z.object({ paperId: z.uuid() });
export async function closeRoundAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const paperId = z.uuid().safeParse(form.get("paperId")).data;
  const result = await run(
    paperId,
    async () => closeRoundWithoutAgreement(await getDb(), await requireActor(), closeRoundSchema.parse(fields(form))),
    "roundClose.done",
  );
  if (result?.ok) redirect(`/papers/${paperId}/approval?${flashParameter}=roundClosed`);
  return result;
}
