// Append-only audit log. Domain functions write it inside their own transaction, so a change
// and its record commit together or not at all.
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

export const auditAction = z.enum([
  "user.created",
  "user.deactivated",
  "user.reactivated",
  "user.signed_in",
  "user.signed_out",
  "user.sign_in_failed",
  "user.invited",
  "user.invitation_accepted",
  "user.password_reset_issued",
  "user.password_reset",
  "user.password_changed",
  "user.email_preferences_changed",
  "user.sso_linked",
  "user.two_factor_enabled",
  "user.two_factor_disabled",
  "user.recovery_codes_regenerated",
  "user.recovery_code_used",
  "user.two_factor_reset",
  "dialogue.created",
  "dialogue.partner_added",
  "dialogue.two_factor_required",
  "dialogue.two_factor_optional",
  "dialogue.symbol_pattern_changed",
  "dialogue.languages_changed",
  "membership.added",
  "membership.role_changed",
  "membership.removed",
  "membership.requested",
  "membership.confirmed",
  "membership.declined",
  "membership.suspended",
  "membership.restored",
  "partner.focal_point_appointed",
  "paper.created",
  "paper.status_changed",
  "revision.frozen",
  "round.opened",
  "round.closed",
  "position.recorded",
  "paper.submitted",
  "thread.created",
  "thread.resolved",
  "thread.reopened",
  "suggestion.accepted",
  "suggestion.rejected",
  "suggestion.withdrawn",
  "suggestion.lapsed",
  "compilation.disposition_recorded",
  "paper.lead_handed",
  "paper.language_version_added",
  "translation.confirmed",
]);
export type AuditAction = z.infer<typeof auditAction>;

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  targetType:
    | "user"
    | "dialogue"
    | "partner"
    | "membership"
    | "paper"
    | "revision"
    | "round"
    | "position"
    | "submission"
    | "thread"
    | "suggestion";
  targetId: string;
  dialogueId?: string | null;
  paperId?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to the database's clock. */
  at?: Date;
};

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [entry]);
}

/** Several entries in one statement (one decision over many suggestions, say), in order. */
export async function recordAudits(db: DbOrTx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditEvents).values(
    entries.map((entry) => ({
      actorId: entry.actorId,
      action: auditAction.parse(entry.action),
      targetType: entry.targetType,
      targetId: entry.targetId,
      dialogueId: entry.dialogueId ?? null,
      paperId: entry.paperId ?? null,
      details: entry.details ?? {},
      ...(entry.at ? { createdAt: entry.at } : {}),
    })),
  );
}
