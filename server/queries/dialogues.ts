// Reads for dialogue pages. Every query is scoped to what the actor may see, and a page costs
// a fixed number of round trips whatever the number of dialogues or papers.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { type Db, getDb } from "@/db/client";
import {
  dialoguePartners,
  dialogues,
  membershipRequests,
  memberships,
  papers,
  partners,
  revisions,
  users,
} from "@/db/schema";
import { type Actor, can } from "../policy";

export const PAPERS_PAGE_SIZE = 25;
/** Papers shown per dialogue on the overview. */
export const OVERVIEW_PAPERS = 5;

export type PaperRow = {
  id: string;
  dialogueId: string;
  title: string;
  kind: "position_paper" | "recommendations";
  status: "draft" | "consultation" | "approval" | "agreed" | "submitted";
  revision: number;
  updatedAt: Date;
};

const latestRevisionNumber = () =>
  // Qualified by hand: drizzle writes columns unqualified inside sql``, and "id" would bind to revisions.
  sql<number>`(select coalesce(max(r."number"), 0) from ${revisions} r where r."paper_id" = "papers"."id")`;

/** The columns of a paper table row (components/PaperTable.tsx). */
export const paperColumns = {
  id: papers.id,
  dialogueId: papers.dialogueId,
  title: papers.title,
  kind: papers.kind,
  status: papers.status,
  revision: latestRevisionNumber().mapWith(Number),
  updatedAt: papers.updatedAt,
};

/** Dialogues the actor sees: all for the secretariat, their own for members, none otherwise. */
function visibleDialogueIds(actor: Actor): string[] | "all" {
  if (can(actor, "system.administer", null)) return "all";
  return [...actor.memberships.keys()];
}

export async function listMyDialogues(db: Db, actor: Actor) {
  const scope = visibleDialogueIds(actor);
  if (scope !== "all" && scope.length === 0) return [];
  const where = scope === "all" ? undefined : inArray(dialogues.id, scope);
  const rows = await db.select().from(dialogues).where(where).orderBy(asc(dialogues.name));
  const ids = rows.map((d) => d.id);
  if (ids.length === 0) return [];
  const [partnerRows, paperRows, paperCounts] = await Promise.all([
    db
      .select({
        dialogueId: dialoguePartners.dialogueId,
        id: partners.id,
        name: partners.name,
        kind: partners.kind,
        iso3: partners.iso3,
      })
      .from(dialoguePartners)
      .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
      .where(inArray(dialoguePartners.dialogueId, ids))
      .orderBy(asc(partners.kind), asc(partners.name)),
    // The latest few papers of every dialogue in one query (originals: a paper's language
    // versions are listed on its own page).
    db
      .select()
      .from(
        db
          .select({
            ...paperColumns,
            revision: latestRevisionNumber().as("revision"),
            rank: sql<number>`row_number() over (partition by ${papers.dialogueId} order by ${papers.updatedAt} desc, ${papers.id})`.as(
              "rank",
            ),
          })
          .from(papers)
          .where(and(inArray(papers.dialogueId, ids), isNull(papers.originalId)))
          .as("ranked"),
      )
      .where(sql`rank <= ${OVERVIEW_PAPERS}`),
    db
      .select({ dialogueId: papers.dialogueId, n: count() })
      .from(papers)
      .where(and(inArray(papers.dialogueId, ids), isNull(papers.originalId)))
      .groupBy(papers.dialogueId),
  ]);
  return rows.map((dialogue) => ({
    ...dialogue,
    membership: actor.memberships.get(dialogue.id) ?? null,
    partners: partnerRows.filter((p) => p.dialogueId === dialogue.id),
    papers: (paperRows as (PaperRow & { rank: number })[])
      .filter((p) => p.dialogueId === dialogue.id)
      .sort((a, b) => Number(a.rank) - Number(b.rank)),
    paperCount: Number(paperCounts.find((c) => c.dialogueId === dialogue.id)?.n ?? 0),
  }));
}

/** Null when it does not exist or the actor may not see it (the page answers 404 either way). */
export async function findDialogueForActor(db: Db, actor: Actor, slug: string) {
  const [dialogue] = await db.select().from(dialogues).where(eq(dialogues.slug, slug));
  if (!dialogue || !can(actor, "dialogue.view", { dialogueId: dialogue.id })) return null;
  return dialogue;
}

/** The same, read once per request: a page's metadata and its body share the answer. */
export const dialogueForRequest = cache(async (actor: Actor, slug: string) =>
  findDialogueForActor(await getDb(), actor, slug),
);

export async function dialogueDetails(db: Db, dialogueId: string, page: number) {
  const offset = (Math.max(1, page) - 1) * PAPERS_PAGE_SIZE;
  const [partnerRows, memberRows, pendingRows, paperRows, [total]] = await Promise.all([
    db
      .select({ id: partners.id, name: partners.name, kind: partners.kind, iso3: partners.iso3 })
      .from(dialoguePartners)
      .innerJoin(partners, eq(partners.id, dialoguePartners.partnerId))
      .where(eq(dialoguePartners.dialogueId, dialogueId))
      .orderBy(asc(partners.kind), asc(partners.name)),
    db
      .select({
        id: memberships.id,
        role: memberships.role,
        partnerId: memberships.partnerId,
        userId: users.id,
        name: users.name,
        email: users.email,
        deactivated: sql<boolean>`${users.deactivatedAt} is not null`,
        suspended: sql<boolean>`${memberships.suspendedAt} is not null`,
        invited: sql<boolean>`${users.activatedAt} is null`,
        partner: partners.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(partners, eq(partners.id, memberships.partnerId))
      .where(eq(memberships.dialogueId, dialogueId))
      .orderBy(
        sql`array_position(array['chair','penholder','delegate','observer']::dialogue_role[], ${memberships.role})`,
        asc(users.name),
      ),
    // Invitations to speak for a partner, awaiting its focal point's confirmation.
    db
      .select({
        id: membershipRequests.id,
        role: membershipRequests.role,
        partnerId: membershipRequests.partnerId,
        name: users.name,
        partner: partners.name,
      })
      .from(membershipRequests)
      .innerJoin(users, eq(users.id, membershipRequests.userId))
      .innerJoin(partners, eq(partners.id, membershipRequests.partnerId))
      .where(eq(membershipRequests.dialogueId, dialogueId))
      .orderBy(asc(users.name)),
    db
      .select(paperColumns)
      .from(papers)
      .where(and(eq(papers.dialogueId, dialogueId), isNull(papers.originalId)))
      .orderBy(desc(papers.updatedAt), asc(papers.id))
      .limit(PAPERS_PAGE_SIZE)
      .offset(offset),
    db
      .select({ n: count() })
      .from(papers)
      .where(and(eq(papers.dialogueId, dialogueId), isNull(papers.originalId))),
  ]);
  return {
    partners: partnerRows,
    members: memberRows,
    pendingMembers: pendingRows,
    papers: paperRows as PaperRow[],
    paperTotal: Number(total?.n ?? 0),
    pageCount: Math.max(1, Math.ceil(Number(total?.n ?? 0) / PAPERS_PAGE_SIZE)),
  };
}

export async function allDialoguesWithCounts(db: Db) {
  return db
    .select({
      id: dialogues.id,
      slug: dialogues.slug,
      name: dialogues.name,
      code: dialogues.code,
      partnerCount:
        sql<number>`(select count(*) from ${dialoguePartners} where ${dialoguePartners.dialogueId} = ${dialogues.id})`.mapWith(
          Number,
        ),
      memberCount:
        sql<number>`(select count(*) from ${memberships} where ${memberships.dialogueId} = ${dialogues.id})`.mapWith(
          Number,
        ),
    })
    .from(dialogues)
    .orderBy(asc(dialogues.name));
}

/**
 * The actor's own memberships that grant nothing yet or any more: invitations awaiting a focal
 * point's confirmation, and suspended memberships, so that the person knows where they stand.
 */
export async function myInactiveMemberships(db: Db, actor: Actor) {
  const [requested, suspended] = await Promise.all([
    db
      .select({ dialogue: dialogues.name, role: membershipRequests.role, partner: partners.name, iso3: partners.iso3 })
      .from(membershipRequests)
      .innerJoin(dialogues, eq(dialogues.id, membershipRequests.dialogueId))
      .innerJoin(partners, eq(partners.id, membershipRequests.partnerId))
      .where(eq(membershipRequests.userId, actor.id))
      .orderBy(asc(dialogues.name)),
    db
      .select({ dialogue: dialogues.name, role: memberships.role, partner: partners.name, iso3: partners.iso3 })
      .from(memberships)
      .innerJoin(dialogues, eq(dialogues.id, memberships.dialogueId))
      .innerJoin(partners, eq(partners.id, memberships.partnerId))
      .where(and(eq(memberships.userId, actor.id), isNotNull(memberships.suspendedAt)))
      .orderBy(asc(dialogues.name)),
  ]);
  return { requested, suspended };
}

/**
 * The languages the dialogue's papers are written in (originals and versions): those stay among
 * its languages (server/domain/dialogues.ts, setDialogueLanguages). For whoever manages them.
 */
export async function dialogueLanguagesInUse(db: Db, actor: Actor, dialogueId: string): Promise<Set<string>> {
  if (!can(actor, "dialogue.manageLanguages", { dialogueId })) return new Set();
  const rows = await db
    .selectDistinct({ language: papers.language })
    .from(papers)
    .where(eq(papers.dialogueId, dialogueId));
  return new Set(rows.map((row) => row.language));
}
