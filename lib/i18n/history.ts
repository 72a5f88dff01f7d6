// A paper's history in words: each audit action and its details (server/domain/workflow.ts,
// papers.ts) as a sentence in the viewer's language, never raw `to: consultation · from: draft`.
// Details are JSON written by older versions too: anything unexpected falls back to a plain
// sentence rather than showing keys.
import { z } from "zod";
import { partnerLabel } from "@/lib/countries";
import type { Locale } from "./locales";
import type { Translate } from "./translate";

const status = z.enum(["draft", "consultation", "approval", "agreed", "submitted"]);
const details = {
  "paper.created": z.object({ title: z.string(), kind: z.enum(["position_paper", "recommendations"]) }),
  "paper.status_changed": z.object({ from: status, to: status }),
  "revision.frozen": z.object({ number: z.number(), hash: z.string(), suggestionsCarriedOver: z.number().optional() }),
  "round.opened": z.object({ revision: z.number(), procedure: z.enum(["consensus", "silence"]), deadline: z.string() }),
  "round.closed": z.object({ outcome: z.enum(["agreed", "not_agreed"]) }),
  "position.recorded": z.object({
    partner: z.string(),
    value: z.enum(["approve", "abstain", "object", "approve_by_silence"]),
    reason: z.string().nullish(),
  }),
  "paper.submitted": z.object({ reference: z.string(), revision: z.number(), hash: z.string() }),
};

/** The audit actions a paper's history tells. */
export function isHistoryAction(action: string): action is keyof typeof details {
  return Object.hasOwn(details, action);
}

export type HistoryEntry = {
  /** The event in one sentence. */
  sentence: string;
  /** Secondary lines: a hash, a reason, carried-over suggestions. */
  notes: string[];
};

function parsed<A extends keyof typeof details>(action: A, value: unknown): z.infer<(typeof details)[A]> | null {
  const result = details[action].safeParse(value);
  return result.success ? (result.data as z.infer<(typeof details)[A]>) : null;
}

export function describeHistoryEvent(
  event: { action: string; details: unknown; partnerIso3?: string | null },
  { t, locale, formatDate }: { t: Translate; locale: Locale; formatDate: (date: Date) => string },
): HistoryEntry {
  const other = { sentence: t("history.event.other"), notes: [] };
  switch (event.action) {
    case "paper.created": {
      const d = parsed(event.action, event.details);
      return d
        ? { sentence: t("history.event.created", { title: d.title, kind: t(`kind.${d.kind}`) }), notes: [] }
        : other;
    }
    case "paper.status_changed": {
      const d = parsed(event.action, event.details);
      return d
        ? {
            sentence: t("history.event.statusChanged", { from: t(`status.${d.from}`), to: t(`status.${d.to}`) }),
            notes: [],
          }
        : other;
    }
    case "revision.frozen": {
      const d = parsed(event.action, event.details);
      if (!d) return other;
      const notes = [t("history.hash", { hash: d.hash })];
      if (d.suggestionsCarriedOver) notes.push(t("history.event.carriedOver", { count: d.suggestionsCarriedOver }));
      return { sentence: t("history.event.frozen", { n: d.number }), notes };
    }
    case "round.opened": {
      const d = parsed(event.action, event.details);
      const deadline = d ? new Date(d.deadline) : null;
      if (!d || !deadline || Number.isNaN(deadline.getTime())) return other;
      return {
        sentence: t("history.event.roundOpened", {
          n: d.revision,
          procedure: t(`history.procedure.${d.procedure}`),
          deadline: formatDate(deadline),
        }),
        notes: [],
      };
    }
    case "round.closed": {
      const d = parsed(event.action, event.details);
      return d
        ? { sentence: t("history.event.roundClosed", { outcome: t(`approval.outcome.${d.outcome}`) }), notes: [] }
        : other;
    }
    case "position.recorded": {
      const d = parsed(event.action, event.details);
      if (!d) return other;
      return {
        sentence: t("history.event.positionRecorded", {
          partner: partnerLabel({ name: d.partner, iso3: event.partnerIso3 ?? null }, locale),
          position: t(`position.${d.value}`),
        }),
        notes: d.reason ? [t("history.reason", { reason: d.reason })] : [],
      };
    }
    case "paper.submitted": {
      const d = parsed(event.action, event.details);
      return d
        ? {
            sentence: t("history.event.submitted", { reference: d.reference, n: d.revision }),
            notes: [t("history.hash", { hash: d.hash })],
          }
        : other;
    }
    default:
      return other;
  }
}
