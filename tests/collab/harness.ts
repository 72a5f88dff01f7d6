// The one setup of the collaboration tests: a database of the test file seeded with the demo data
// (tests/helpers/demo.ts), a collaboration server on a free port, and signed-in clients per demo
// role. Everything a file opens through it is closed after the file.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type * as Y from "yjs";
import type { Db } from "@/db/client";
import type { PaperStatus } from "@/db/schema";
import { paperUpdates } from "@/db/schema";
import { useTestDatabase } from "../helpers/database";
import { DEMO_PASSWORD, seedDemoWorld } from "../helpers/demo";
import { type DialogueWithRoles, makePaperInStatus, type Role } from "../helpers/factories";
import { connectClient, type RunningCollab, sessionCookie, startCollab, type TestClient } from "./helpers";

type ServerOptions = Parameters<typeof startCollab>[1];

/** A new session of the demo account in `role`: the cookie a browser would send, and its ids. */
export function signInAs(db: Db, world: DialogueWithRoles, role: Role, secret?: string) {
  return sessionCookie(db, world.emails[role], secret, DEMO_PASSWORD);
}

export type CollabHarness = ReturnType<typeof useCollabHarness>;

/** Sets up the file's database, demo world and collaboration server (with `options`) before all its tests. */
export function useCollabHarness(options: ServerOptions = {}) {
  const testDb = useTestDatabase();
  let world: DialogueWithRoles | undefined;
  let server: RunningCollab | undefined;
  const servers: RunningCollab[] = [];
  const clients: TestClient[] = [];
  const cookies = new Map<Role, Promise<string>>();

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`collab harness: no ${what} outside a test or hook`);
    return value;
  };

  const harness = {
    db: testDb.db,
    /** The demo data as roles: the Rabat Process, its members and partners. */
    get world() {
      return ready(world, "world");
    },
    /** The file's collaboration server. */
    get server() {
      return ready(server, "server");
    },
    /** Another collaboration server on the same database, stopped after the file (or by `stop`). */
    async startServer(serverOptions: ServerOptions = {}) {
      const started = await startCollab(async () => testDb.db(), serverOptions);
      servers.push(started);
      return started;
    },
    /** A session of its own for `role` (e.g. to end it), not shared with other clients. */
    signIn: (role: Role) => signInAs(testDb.db(), ready(world, "world"), role),
    /** The session cookie of `role`, one session per role for the file. */
    sessionCookie(role: Role): Promise<string> {
      let cookie = cookies.get(role);
      if (!cookie) {
        cookie = harness.signIn(role).then((session) => session.cookie);
        cookies.set(role, cookie);
      }
      return cookie;
    },
    /**
     * A client of `paperId` signed in as `role` (or with the given cookie, null for none), on the
     * file's server unless another is named; destroyed after the file.
     */
    async client(
      who: Role | { cookie: string | null },
      paperId: string,
      { doc, on }: { doc?: Y.Doc; on?: RunningCollab } = {},
    ): Promise<TestClient> {
      const cookie = typeof who === "string" ? await harness.sessionCookie(who) : who.cookie;
      const client = connectClient((on ?? ready(server, "server")).url, paperId, cookie, doc);
      clients.push(client);
      return client;
    },
    /** A new paper of the demo dialogue, driven through the workflow to `status`. */
    paper: (status: PaperStatus, paperOptions?: Parameters<typeof makePaperInStatus>[3]) =>
      makePaperInStatus(testDb.db(), status, ready(world, "world"), paperOptions),
    /** The server's copy of the paper, if loaded. */
    liveDoc: (paperId: string) => ready(server, "server").collab.hocuspocus.documents.get(paperId),
    /** The paper's updates not yet folded into its stored state. */
    storedUpdates: (paperId: string) =>
      testDb.db().select().from(paperUpdates).where(eq(paperUpdates.paperId, paperId)),
  };

  beforeAll(async () => {
    world = await seedDemoWorld(testDb.db());
    server = await harness.startServer(options);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const started of servers) await started.stop();
  });

  return harness;
}
