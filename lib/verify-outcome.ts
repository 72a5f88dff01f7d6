// The answers of the public verify check (/api/verify and the /verify page), as the server
// gives them and the verify form shows them: one definition for both sides.

/** A submitted text that a file or hash matches, as the public may see it. */
export type VerifyMatch = {
  title: string;
  dialogue: string;
  revision: number;
  reference: string;
  /** ISO 8601. */
  submittedAt: string;
  hash: string;
};

/** What the check concludes about a file or a hash. */
export type VerifyOutcome =
  /** `format`: the export format the file was read as (docx, pdf, …); null for a hash. */
  { outcome: "match"; format: string | null; matches: VerifyMatch[] } | { outcome: "noMatch" | "altered" | "noMarker" };

/** Answers given before or instead of a check: nothing or too much sent, a malformed hash, limits, failures. */
export type VerifyRefusal = "tooLarge" | "nothing" | "hashInvalid" | "failed" | "rateLimited" | "busy";

/** Every answer of /api/verify. */
export type VerifyResponse = VerifyOutcome | { outcome: VerifyRefusal };

/** Every answer but a match: each is shown as a message of its own. */
export type VerifyFailure = Exclude<VerifyResponse["outcome"], "match">;
