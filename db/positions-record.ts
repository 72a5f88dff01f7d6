// The record of positions a submission keeps (`submissions.positions_record`): every state
// partner's answer as it stood when the paper went to the HLD. Written once by the submission
// (server/domain/workflow.ts), read by the approval page, the exports and the tests.
import { z } from "zod";

export const positionRecordLine = z.object({
  partnerId: z.string(),
  partner: z.string(),
  iso3: z.string().nullable(),
  /** A position, or how a silent state counted: approved by silence, or no answer. */
  value: z.enum(["approve", "object", "abstain", "approve_by_silence", "none"]),
  reason: z.string().nullable(),
  /** The recorder's account id. */
  recordedBy: z.string().nullable(),
  /** Stored at submission since then; older records name the recorder through the account. */
  recordedByName: z.string().nullable().optional(),
  recordedAt: z.string().nullable(),
});

export const positionsRecord = z.array(positionRecordLine);
export type PositionsRecord = z.infer<typeof positionsRecord>;
