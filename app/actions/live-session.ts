"use server";
// "Follow the chair": the chair hands the lead of the live session to a member, or takes it back.
// Validate, authenticate, one domain function (which authorizes against the locked paper row).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import { handLead } from "@/server/domain/live-session";

// No userId, or the "Take back the lead" button (takeBack), gives the lead back to the chair.
const handLeadSchema = z.object({
  paperId: z.uuid(),
  userId: z
    .union([z.uuid(), z.literal("")])
    .optional()
    .transform((v) => v || null),
});

export async function handLeadAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await actionResult(
    async () => {
      const input = handLeadSchema.parse({
        paperId: form.get("paperId"),
        userId: form.get("takeBack") ? "" : (form.get("userId") ?? undefined),
      });
      await handLead(await getDb(), await requireActor(), input);
      return input.userId;
    },
    (userId) => (userId ? "liveSession.handed" : "liveSession.takenBack"),
  );
  const paperId = z.uuid().safeParse(form.get("paperId")).data;
  if (result?.ok && paperId) revalidatePath(`/papers/${paperId}`);
  return result;
}
