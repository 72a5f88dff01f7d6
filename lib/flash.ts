// The address parameter by which an action that moves the browser names its outcome for the
// next page to announce (components/FlashNotice.tsx): kept apart from that client component so
// server actions can read the value itself, not a client reference.
export const flashParameter = "done";

/** Outcomes announced after a redirect, each with its message key. */
export const flashMessages = {
  roundOpened: "workflow.roundOpened",
  positionRecorded: "workflow.positionRecorded",
  submitted: "workflow.submitted",
  roundClosed: "roundClose.done",
} as const;
export type FlashOutcome = keyof typeof flashMessages;
