// Access that ends while a socket is open: the policy is asked again, on fresh data (session,
// account, memberships, paper status), when domain code says something changed (notify.ts) and
// every few seconds for every connection. A connection that may no longer see the paper is
// closed; one whose write rights changed is switched. The same timer unloads diverged documents
// nobody is connected to and compacts updates nobody compacted.
import type { Extension, Hocuspocus } from "@hocuspocus/server";
import { inArray } from "drizzle-orm";
import { papers } from "@/db/schema";
import { loadSessionActors } from "../../actor";
import { collabAccess } from "../../policy";
import { expel, setRights } from "../access";
import { compactPaper, papersWithStaleUpdates } from "../compaction";
import type { CollabConnection, CollabContext, GetDb } from "../context";
import type { Divergence } from "../divergence";

/** Updates older than this are compacted by the sweep (a crash, a store skipped for another instance). */
const STALE_UPDATES_MS = 30_000;

export class AccessSweep implements Extension {
  extensionName = "AccessSweep";
  private instance?: Hocuspocus<CollabContext>;
  private timer?: NodeJS.Timeout;
  /** The sweep under way, if any: stopping waits for it, so it never outlives the database. */
  private running: Promise<void> | null = null;
  private sweeps = 0;

  constructor(private readonly options: { getDb: GetDb; divergence: Divergence; intervalMs: number }) {}

  async onConfigure({ instance }: { instance: Hocuspocus }) {
    this.instance = instance as Hocuspocus<CollabContext>;
    this.timer ??= setInterval(() => void this.sweep(), this.options.intervalMs);
    this.timer.unref();
  }

  async onDestroy() {
    await this.stop();
  }

  /** Stops the timer; resolves once a sweep under way has finished. */
  stop(): Promise<void> {
    clearInterval(this.timer);
    return this.running ?? Promise.resolve();
  }

  /** Open connections whose context matches. */
  connectionsWhere(filter: (ctx: CollabContext) => boolean): CollabConnection[] {
    const found: CollabConnection[] = [];
    for (const document of this.instance?.documents.values() ?? []) {
      for (const connection of document.getConnections() as CollabConnection[]) {
        if (connection.context && filter(connection.context)) found.push(connection);
      }
    }
    return found;
  }

  /** Takes the policy decision again for each connection, on fresh data. */
  async revalidate(targets: CollabConnection[]): Promise<void> {
    if (targets.length === 0) return;
    const db = await this.options.getDb();
    const unique = (pick: (ctx: CollabContext) => string) => [...new Set(targets.map((c) => pick(c.context)))];
    const [paperRows, actors] = await Promise.all([
      db
        .select({ id: papers.id, dialogueId: papers.dialogueId, status: papers.status })
        .from(papers)
        .where(
          inArray(
            papers.id,
            unique((ctx) => ctx.paperId),
          ),
        ),
      // One query for every session (live ones only): the sweep re-checks all connections at once,
      // each with what its own session grants (a second factor, or not).
      loadSessionActors(
        db,
        unique((ctx) => ctx.sessionId),
      ),
    ]);
    const paperById = new Map(paperRows.map((p) => [p.id, p]));
    for (const connection of targets) {
      const ctx = connection.context;
      const paper = paperById.get(ctx.paperId);
      const actor = actors.get(ctx.sessionId);
      const access = paper && actor ? collabAccess(actor, paper) : null;
      if (!paper || !actor || !access) {
        expel(connection);
        continue;
      }
      ctx.actor = actor;
      ctx.status = paper.status;
      setRights(connection, access.rights);
    }
  }

  private sweep(): Promise<void> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sweepOnce() {
    this.sweeps += 1;
    const compactEvery = Math.max(1, Math.round(STALE_UPDATES_MS / this.options.intervalMs));
    try {
      await this.options.divergence.unloadAbandoned();
      await this.revalidate(this.connectionsWhere(() => true));
      if (this.sweeps % compactEvery === 0) {
        const db = await this.options.getDb();
        for (const paperId of await papersWithStaleUpdates(db, STALE_UPDATES_MS)) await compactPaper(db, paperId);
      }
    } catch (error) {
      console.error("collab: sweep failed", error);
    }
  }
}
