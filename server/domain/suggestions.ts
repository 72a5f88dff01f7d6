// Accepting and rejecting suggestions: chair and penholder only (`paper.decideSuggestions`).
// The decision is made on the paper's stored Yjs state (ydoc_state + pending updates, read under
// the paper row lock, so no client update is stored meanwhile), written to paper_updates and
// audited in the same transaction (the update's author recorded in paper_update_authors, as for
// a client's update); only after commit is the update applied to the live document,
// which sends it to every open editor.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Db, Tx } from "@/db/client";
import { type PaperStatus, papers, paperUpdateAuthors, paperUpdates } from "@/db/schema";
import { recordAudits } from "../audit";
import { applyStoredUpdate } from "../collab/notify";
import { paperDoc, readPaperState } from "../collab/paper-state";
import { type Decision, decideInDoc, listSuggestions, type SuggestionSummary } from "../collab/suggestions";
import { conflict, notFound } from "../errors";
import { type Actor, authorize, can, type PaperRef } from "../policy";
import { suggestionsAtDecision } from "./suggestion-record";

export type SuggestionScope =
  | { kind: "one"; id: string }
  | { kind: "selection"; ids: string[] }
  | { kind: "partner"; partnerId: string }
  | { kind: "all" };

export type DecideSuggestionsInput = { paperId: string; decision: Decision; scope: SuggestionScope };

function selector(scope: SuggestionScope, suggestions: SuggestionSummary[]): (id: string) => boolean {
  if (scope.kind === "all") return () => true;
  if (scope.kind === "one") return (id) => id === scope.id;
  if (scope.kind === "selection") {
    const selected = new Set(scope.ids);
    return (id) => selected.has(id);
  }
  const ids = new Set(suggestions.filter((s) => s.partnerId === scope.partnerId).map((s) => s.id));
  return (id) => ids.has(id);
}

type DecisionKind = Decision | "withdraw" | "lapse";

const AUDIT_ACTION = {
  accept: "suggestion.accepted",
  reject: "suggestion.rejected",
  withdraw: "suggestion.withdrawn",
  lapse: "suggestion.lapsed",
} as const;

type LockedPaper = { id: string; dialogueId: string; status: PaperStatus; ydocState: Uint8Array };

/**
 * Decides suggestions on a locked paper's stored state, inside the caller's transaction: the
 * resulting update is stored with its author (`author`), each decision audited (`auditActorId`);
 * returns the update for the live document, to apply after commit, or null when nothing was
 * decided.
 */
async function decideLocked(
  tx: Tx,
  paper: LockedPaper,
  kind: DecisionKind,
  select: (suggestions: SuggestionSummary[]) => (id: string) => boolean,
  author: { userId: string; partnerId: string | null },
  auditActorId: string | null,
): Promise<{ update: Uint8Array; decided: string[] } | null> {
  const doc = paperDoc((await readPaperState(tx, paper)).updates);
  try {
    const suggestions = listSuggestions(doc);
    const chosen = select(suggestions);
    const before = Y.encodeStateVector(doc);
    const asItStood = suggestionsAtDecision(doc);
    const decidedIds = decideInDoc(doc, chosen, kind === "accept" ? "accept" : "reject");
    if (decidedIds.length === 0) return null;
    const update = Y.encodeStateAsUpdate(doc, before);
    const [stored] = await tx
      .insert(paperUpdates)
      .values({ paperId: paper.id, update })
      .returning({ seq: paperUpdates.seq });
    if (!stored) throw new Error("decision not stored");
    await tx.insert(paperUpdateAuthors).values({
      paperId: paper.id,
      seq: stored.seq,
      userId: author.userId,
      partnerId: author.partnerId,
      byteSize: update.byteLength,
      sha256: createHash("sha256").update(update).digest(),
    });
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    await recordAudits(
      tx,
      decidedIds.map((id) => {
        const s = byId.get(id);
        return {
          actorId: auditActorId,
          action: AUDIT_ACTION[kind],
          targetType: "suggestion" as const,
          targetId: id,
          dialogueId: paper.dialogueId,
          paperId: paper.id,
          // With where it stood and what it proposed: the compilation lists decided suggestions from this.
          details: {
            kind: s?.kind,
            text: s?.text.slice(0, 500),
            author: s?.userId,
            partnerId: s?.partnerId,
            ...asItStood(id),
          },
        };
      }),
    );
    return { update, decided: decidedIds };
  } finally {
    doc.destroy();
  }
}

/**
 * Decides suggestions on the paper's stored state under the paper row lock: `choose` authorizes
 * and names the suggestions; the resulting update is stored with its author, each decision
 * audited, all in one transaction; the live document gets the update after commit.
 */
async function decideStored(
  db: Db,
  actor: Actor,
  paperId: string,
  kind: DecisionKind,
  choose: (paper: PaperRef, suggestions: SuggestionSummary[]) => (id: string) => boolean,
): Promise<string[]> {
  const { update, decided } = await db.transaction(async (tx) => {
    const [paper] = await tx
      .select({
        id: papers.id,
        dialogueId: papers.dialogueId,
        status: papers.status,
        ydocState: papers.ydocState,
      })
      .from(papers)
      .where(eq(papers.id, paperId))
      .for("update");
    if (!paper) throw notFound("paper");
    if (!can(actor, "paper.view", paper)) throw notFound("paper");
    const author = { userId: actor.id, partnerId: actor.memberships.get(paper.dialogueId)?.partnerId ?? null };
    const result = await decideLocked(tx, paper, kind, (suggestions) => choose(paper, suggestions), author, actor.id);
    if (!result) throw conflict("no such suggestion", "comments.errors.noSuggestion");
    return result;
  });
  await applyStoredUpdate(paperId, update);
  return decided;
}

/**
 * The text is agreed: suggestions still pending (carried over at the freeze) can no longer be
 * taken into it, so they lapse, as rejected, each audited as `suggestion.lapsed`; the live text
 * becomes the agreed one. Called inside the transaction that agrees the paper (locked by the
 * caller); the update is stored in the name of `authorId` (who opened the round) and returned
 * for the live document after commit.
 */
export async function lapsePendingSuggestions(
  tx: Tx,
  paper: LockedPaper,
  authorId: string,
  auditActorId: string | null,
): Promise<Uint8Array | null> {
  const result = await decideLocked(
    tx,
    paper,
    "lapse",
    () => () => true,
    { userId: authorId, partnerId: null },
    auditActorId,
  );
  return result?.update ?? null;
}

/** Accepts or rejects one suggestion, a partner's, or all; returns the ids decided. */
export function decideSuggestions(db: Db, actor: Actor, input: DecideSuggestionsInput): Promise<string[]> {
  return decideStored(db, actor, input.paperId, input.decision, (paper, suggestions) => {
    authorize(actor, "paper.decideSuggestions", paper);
    return selector(input.scope, suggestions);
  });
}

export type WithdrawSuggestionInput = { paperId: string; id: string };

/**
 * The delegation that proposed a suggestion takes it back: its author, or another member
 * speaking for the same partner. The text goes back to what it was, as for a rejection, and the
 * audit log says it was withdrawn.
 */
export function withdrawSuggestion(db: Db, actor: Actor, input: WithdrawSuggestionInput): Promise<string[]> {
  return decideStored(db, actor, input.paperId, "withdraw", (paper, suggestions) => {
    const suggestion = suggestions.find((s) => s.id === input.id);
    if (!suggestion) throw conflict("no such suggestion", "comments.errors.noSuggestion");
    authorize(actor, "suggestion.withdraw", { ...paper, authorId: suggestion.userId, partnerId: suggestion.partnerId });
    return (id) => id === input.id;
  });
}
