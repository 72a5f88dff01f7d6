// The one setup of the collaboration tests: a database of the test file seeded with the demo data
// (tests/helpers/demo.ts), a collaboration server on a free port, and signed-in clients per demo
// role. Servers can also share a redis-server of the file's own, or run in child processes (to be
// killed). Everything a file opens through it is closed after the file.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type * as Y from "yjs";
import type { PaperStatus } from "@/db/schema";
import { paperUpdates } from "@/db/schema";
import { useTestDatabase } from "../helpers/database";
import { DEMO_PASSWORD, seedDemoWorld } from "../helpers/demo";
import { type DialogueWithRoles, makePaperInStatus, type Role } from "../helpers/factories";
import { connectClient, type RunningCollab, sessionCookie, startCollab, type TestClient } from "./helpers";
import { type Child, spawnCollabServer, spawnRedis } from "./process";
import { collabUrl } from "./serve";

type ServerOptions = NonNullable<Parameters<typeof startCollab>[1]>;

export type HarnessOptions = ServerOptions & {
  /** Every server the harness starts shares documents through a redis-server of the file's own. */
  redis?: boolean;
  /**
   * No server in the test process: the test spawns them (`spawnServer`), on a database they can
   * open (a PGlite folder, closed to the test while one runs).
   */
  childProcesses?: boolean;
};

/** A demo role, or a cookie of the test's own (null: none). */
type Who = Role | { cookie: string | null };
/** A Y.Doc of the test's own; a server other than the file's (e.g. `startServer`, `spawnServer`). */
type ClientOptions = { doc?: Y.Doc; on?: { url: string } };

/** A collaboration server in a child process (tests/collab/fixtures/server-process.ts). */
export type ServerProcess = Child & { url: string };

export type CollabHarness = ReturnType<typeof useCollabHarness>;

/** Sets up the file's database, demo world and collaboration server (with `options`) before all its tests. */
export function useCollabHarness({
  redis: withRedis = false,
  childProcesses = false,
  ...options
}: HarnessOptions = {}) {
  const testDb = useTestDatabase({ forChildProcesses: childProcesses });
  let world: DialogueWithRoles | undefined;
  let server: RunningCollab | undefined;
  let redis: Child | undefined;
  const servers: RunningCollab[] = [];
  const processes: Child[] = [];
  const clients: TestClient[] = [];
  const cookies = new Map<Role, Promise<string>>();

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`collab harness: no ${what} outside a test or hook`);
    return value;
  };
  const redisUrl = () => (redis ? `redis://127.0.0.1:${redis.port}` : undefined);

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
    /** Another collaboration server on the same database (by default with the file's options), stopped after the file (or by `stop`). */
    async startServer(serverOptions: ServerOptions = options) {
      const started = await startCollab(async () => testDb.db(), { redisUrl: redisUrl(), ...serverOptions });
      servers.push(started);
      return started;
    },
    /**
     * A collaboration server in a child process on the file's database, killed after the file.
     * While one runs, a PGlite database is the child's: sign in (`sessionCookie`) before.
     */
    async spawnServer(): Promise<ServerProcess> {
      const target = testDb.target();
      if ("memory" in target) throw new Error("collab harness: spawnServer needs { childProcesses: true }");
      await testDb.release();
      const child = await spawnCollabServer({
        ...("url" in target ? { COLLAB_DB_URL: target.url } : { COLLAB_PGLITE_DIR: target.dataDir }),
        COLLAB_REDIS_URL: redisUrl() ?? "",
      });
      processes.push(child);
      return {
        ...child,
        url: collabUrl(child.port),
        /** Kills the child; once none runs, the test has the database again. */
        async kill(signal) {
          await child.kill(signal);
          if (processes.every((p) => p.process.exitCode !== null || p.process.signalCode !== null))
            await testDb.reopen();
        },
      };
    },
    /** A session of its own for `role` (e.g. to end it), not shared with other clients. */
    signIn: (role: Role) => sessionCookie(testDb.db(), ready(world, "world").emails[role], undefined, DEMO_PASSWORD),
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
    async client(who: Who, paperId: string, { doc, on }: ClientOptions = {}): Promise<TestClient> {
      const cookie = typeof who === "string" ? await harness.sessionCookie(who) : who.cookie;
      const client = connectClient((on ?? ready(server, "server")).url, paperId, cookie, doc);
      clients.push(client);
      return client;
    },
    /** A client as `client` gives, once it has synced. */
    async syncedClient(who: Who, paperId: string, clientOptions?: ClientOptions): Promise<TestClient> {
      const client = await harness.client(who, paperId, clientOptions);
      await client.synced();
      return client;
    },
    /** A new paper of the demo dialogue, driven through the workflow to `status`. */
    paper: (status: PaperStatus, paperOptions?: Parameters<typeof makePaperInStatus>[3]) =>
      makePaperInStatus(testDb.db(), status, ready(world, "world"), paperOptions),
    /** The copy of the paper held by the file's server (or `on`), if loaded. */
    liveDoc: (paperId: string, on?: RunningCollab) =>
      (on ?? ready(server, "server")).collab.hocuspocus.documents.get(paperId),
    /** The paper's updates not yet folded into its stored state. */
    storedUpdates: (paperId: string) =>
      testDb.db().select().from(paperUpdates).where(eq(paperUpdates.paperId, paperId)),
  };

  beforeAll(async () => {
    world = await seedDemoWorld(testDb.db());
    if (withRedis) redis = await spawnRedis();
    if (!childProcesses) server = await harness.startServer();
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const started of servers) await started.stop();
    for (const child of processes) await child.kill();
    await redis?.kill();
  });

  return harness;
}
