// Reads for the secretariat's administration pages. Callers authorize "system.administer" first.
import { and, asc, desc, eq, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, partners, users } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paged on the event id. */
export async function auditLogPage(db: Db, options: { before?: number; dialogueId?: string } = {}) {
  const conditions: SQL[] = [];
  if (options.before) conditions.push(lt(auditEvents.id, options.before));
  if (options.dialogueId) conditions.push(eq(auditEvents.dialogueId, options.dialogueId));
  const rows = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  return { events, nextBefore: hasMore ? events.at(-1)?.id : undefined };
}

export const USERS_PAGE_SIZE = 50;

export async function listAccounts(db: Db, options: { query?: string; page?: number } = {}) {
  const q = options.query?.trim();
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      globalRole: users.globalRole,
      deactivatedAt: users.deactivatedAt,
      activatedAt: users.activatedAt,
      twoFactorOn: sql<boolean>`${users.totpEnabledAt} is not null`,
      partner: partners.name,
    })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(q ? or(ilike(users.email, `%${q}%`), ilike(users.name, `%${q}%`)) : undefined)
    .orderBy(asc(users.email))
    .limit(USERS_PAGE_SIZE)
    .offset((Math.max(1, options.page ?? 1) - 1) * USERS_PAGE_SIZE);
}
