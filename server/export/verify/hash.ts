// The verify check by the text's hash: which submitted texts have it. A query only (no renderer),
// so the verify page can run it itself. Only submitted texts are ever looked at.
import type { Db } from "@/db/client";
import type { VerifyMatch, VerifyOutcome } from "@/lib/verify-outcome";
import { type SubmittedText, submittedTexts } from "../submitted";

/** What the public may see of a submitted text. */
export const publicMatch = (t: SubmittedText): VerifyMatch => ({
  title: t.title,
  dialogue: t.dialogue,
  revision: t.revision,
  reference: t.reference,
  submittedAt: t.submittedAt.toISOString(),
  hash: t.hash,
});

export async function verifyHash(db: Db, hash: string): Promise<VerifyOutcome> {
  const texts = await submittedTexts(db, { hash });
  return texts.length ? { outcome: "match", format: null, matches: texts.map(publicMatch) } : { outcome: "noMatch" };
}
