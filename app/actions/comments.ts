"use server";
// Comment threads and suggestion decisions, called from the paper page's client components.
// Each: validate, authenticate, one domain function (which authorizes through the policy inside
// its transaction and audits). Nothing about roles or partners is taken from the client.
import { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionState, actionResult } from "@/server/action-result";
import { requireActor } from "@/server/auth/current";
import {
  COMMENT_MAX_LENGTH,
  createThread,
  deleteComment,
  editComment,
  replyToThread,
  setThreadResolved,
} from "@/server/domain/comments";
import { decideSuggestions, withdrawSuggestion } from "@/server/domain/suggestions";
import { getTranslator } from "@/server/locale";
import { type ThreadView, threadsForPaper } from "@/server/queries/comments";

const body = z.string().min(1).max(COMMENT_MAX_LENGTH);

const createSchema = z.object({
  paperId: z.uuid(),
  anchorId: z.string().min(1).max(120),
  quote: z.string().max(5000),
  body,
});
export async function createThreadAction(input: z.input<typeof createSchema>): Promise<ActionState> {
  return actionResult(
    async () => createThread(await getDb(), await requireActor(), createSchema.parse(input)),
    "comments.created",
  );
}

const replySchema = z.object({ threadId: z.uuid(), body });
export async function replyAction(input: z.input<typeof replySchema>): Promise<ActionState> {
  return actionResult(
    async () => replyToThread(await getDb(), await requireActor(), replySchema.parse(input)),
    "comments.replied",
  );
}

const editSchema = z.object({ commentId: z.uuid(), body });
export async function editCommentAction(input: z.input<typeof editSchema>): Promise<ActionState> {
  return actionResult(
    async () => editComment(await getDb(), await requireActor(), editSchema.parse(input)),
    "comments.edited",
  );
}

const deleteSchema = z.object({ commentId: z.uuid() });
export async function deleteCommentAction(input: z.input<typeof deleteSchema>): Promise<ActionState> {
  return actionResult(
    async () => deleteComment(await getDb(), await requireActor(), deleteSchema.parse(input)),
    "comments.deleted",
  );
}

const resolveSchema = z.object({ threadId: z.uuid(), resolved: z.boolean() });
export async function resolveThreadAction(input: z.input<typeof resolveSchema>): Promise<ActionState> {
  const parsed = resolveSchema.safeParse(input);
  return actionResult(
    async () => setThreadResolved(await getDb(), await requireActor(), resolveSchema.parse(input)),
    parsed.data?.resolved === false ? "comments.reopened" : "comments.resolved",
  );
}

/** The threads of a paper, for a live refresh; an empty list when the actor may not see it. */
export async function listThreadsAction(paperId: string): Promise<ThreadView[]> {
  const id = z.uuid().parse(paperId);
  const actor = await requireActor();
  const { locale } = await getTranslator();
  return (await threadsForPaper(await getDb(), actor, id, locale)) ?? [];
}

const decideSchema = z.object({
  paperId: z.uuid(),
  decision: z.enum(["accept", "reject"]),
  scope: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("one"), id: z.string().min(1).max(200) }),
    // The suggestions in the chair's selection of the text.
    z.object({ kind: z.literal("selection"), ids: z.array(z.string().min(1).max(200)).min(1).max(1000) }),
    z.object({ kind: z.literal("partner"), partnerId: z.uuid() }),
    z.object({ kind: z.literal("all") }),
  ]),
});
export async function decideSuggestionsAction(input: z.input<typeof decideSchema>): Promise<ActionState> {
  const parsed = decideSchema.safeParse(input);
  return actionResult(
    async () => decideSuggestions(await getDb(), await requireActor(), decideSchema.parse(input)),
    parsed.data?.decision === "reject" ? "comments.suggestions.rejected" : "comments.suggestions.accepted",
  );
}

const withdrawSchema = z.object({ paperId: z.uuid(), id: z.string().min(1).max(200) });
/** The delegation that proposed a suggestion takes it back (the policy decides who speaks for it). */
export async function withdrawSuggestionAction(input: z.input<typeof withdrawSchema>): Promise<ActionState> {
  return actionResult(
    async () => withdrawSuggestion(await getDb(), await requireActor(), withdrawSchema.parse(input)),
    "comments.suggestions.withdrawn",
  );
}
