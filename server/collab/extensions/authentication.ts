// Authentication → scope: the socket's session cookie (the same auth_sessions row as pages)
// names the user; the policy (`collabAccess`) decides whether the paper's text is open to them
// and what they may write. No access → refused; no write rights → `connectionConfig.readOnly`.
import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { papers, partners, users } from "@/db/schema";
import { REFUSAL } from "@/lib/collab/wire";
import { ISO3 } from "@/lib/editor/presence";
import { type ActorProfile, loadSessionActor } from "../../actor";
import { collabAccess } from "../../policy";
import { sessionFromHeaders, UUID } from "../auth";
import type { CollabContext, GetDb } from "../context";
import { refuse } from "../context";
import type { Divergence } from "../divergence";

/**
 * The partner the user speaks for in this dialogue (global roles: their own body): its stored
 * name, and its ISO3 code when it is a state, by which each viewer names it in their language.
 */
async function presenceFor(db: Db, actor: ActorProfile, dialogueId: string): Promise<CollabContext["presence"]> {
  const partnerId = actor.memberships.get(dialogueId)?.partnerId;
  const columns = { name: partners.name, iso3: partners.iso3 };
  const [row] = partnerId
    ? await db.select(columns).from(partners).where(eq(partners.id, partnerId))
    : await db
        .select(columns)
        .from(users)
        .innerJoin(partners, eq(partners.id, users.partnerId))
        .where(eq(users.id, actor.id));
  const iso3 = row?.iso3 && ISO3.test(row.iso3) ? row.iso3 : null;
  return { id: actor.id, name: actor.name, partner: row?.name ?? "", iso3 };
}

export class Authentication implements Extension {
  extensionName = "Authentication";

  constructor(
    private readonly getDb: GetDb,
    private readonly divergence: Divergence,
  ) {}

  async onAuthenticate({
    documentName,
    requestHeaders,
    connectionConfig,
  }: onAuthenticatePayload<CollabContext>): Promise<CollabContext> {
    const db = await this.getDb();
    const session = await sessionFromHeaders(db, requestHeaders);
    if (!session) throw refuse(REFUSAL.unauthenticated);
    // Not a paper id: the same answer as a paper one may not see, so existence does not leak.
    if (!UUID.test(documentName)) throw refuse(REFUSAL.forbidden);
    if (this.divergence.has(documentName)) throw refuse(REFUSAL.unavailable);
    // As pages do: the session's actor, so a dialogue requiring a second factor this session
    // lacks is closed to it here too.
    const actor = await loadSessionActor(db, session.sessionId);
    if (!actor) throw refuse(REFUSAL.unauthenticated);
    const [paper] = await db
      .select({ dialogueId: papers.dialogueId, status: papers.status })
      .from(papers)
      .where(eq(papers.id, documentName));
    const access = paper ? collabAccess(actor, paper) : null;
    if (!paper || !access) throw refuse(REFUSAL.forbidden);
    connectionConfig.readOnly = access.rights === null;
    return {
      rights: access.rights,
      userId: actor.id,
      sessionId: session.sessionId,
      paperId: documentName,
      dialogueId: paper.dialogueId,
      status: paper.status,
      actor,
      presence: await presenceFor(db, actor, paper.dialogueId),
    };
  }
}
