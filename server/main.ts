// The one Node process that serves Accord: Next.js pages and actions and the collaboration
// socket (/collab), on one origin, with the database opened, migrated (and, in development,
// seeded) before the first request.
import { createServer } from "node:http";
import next from "next";
import { databaseHandle } from "@/db/client";
import { assertSeedingAllowed, prepareDatabase } from "@/db/prepare";
import { COLLAB_PATH } from "@/lib/collab/wire";
import { createCollaborationServer } from "./collab/server";
import { sendDueReminders } from "./domain/notifications";
import { settleDueRounds } from "./domain/workflow";
import { startFingerprintWorker } from "./export/fingerprints";
import { closePdfBrowser } from "./export/render/pdf";
import { startExportThread, stopExportThread } from "./export/thread";
import { stampClientAddress } from "./rate-limit";
import { assertSecureTransport, ensureAuthSecret, InsecureTransportError, MissingSecretError } from "./secret";
import { applySecurityHeaders, securityHeaders } from "./security-headers";

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";
const dataDir = process.env.ACCORD_DATA_DIR ?? ".data";
/** How often open approval rounds are checked against their deadline. */
const DEADLINE_SWEEP_MS = Number(process.env.ACCORD_DEADLINE_SWEEP_MS ?? 15_000);

async function main() {
  process.env.AUTH_SECRET = ensureAuthSecret(process.env, dataDir);
  // Auth.js builds redirects from this; Next rewrites 127.0.0.1 to localhost, so use localhost.
  process.env.AUTH_URL ??= `http://localhost:${port}`;
  process.env.AUTH_TRUST_HOST ??= "true";
  assertSecureTransport(process.env);

  const handle = await databaseHandle();
  const seedDemo = dev || process.env.ACCORD_SEED_FORCE === "1";
  if (seedDemo) assertSeedingAllowed(process.env);
  await prepareDatabase(handle, { seed: seedDemo ? "if-empty" : "never", log: console.log });
  // After seeding: the demo's submitted papers get their file fingerprints at first use instead.
  startFingerprintWorker();
  // Exports and imports are made off this thread, which serves every socket and request.
  const exportThread = startExportThread();

  const app = next({ dev, hostname, port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const headers = securityHeaders();
  const policyOptions = { publicUrl: process.env.AUTH_URL, dev };
  const server = createServer((req, res) => {
    applySecurityHeaders(req, res, headers, policyOptions);
    // Route handlers cannot see the socket: the peer's address (or the trusted proxy's word) goes in a header.
    stampClientAddress(req);
    handleRequest(req, res).catch((error: unknown) => {
      console.error(error);
      res.statusCode = 500;
      res.end();
    });
  });
  const collab = createCollaborationServer({
    getDb: async () => handle.db,
    redisUrl: process.env.REDIS_URL || undefined,
  });
  // Hot reload's socket (development only); fetched only after prepare().
  const nextUpgrade = dev ? app.getUpgradeHandler() : undefined;
  server.on("upgrade", (req, socket, head) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname === COLLAB_PATH || pathname.startsWith(`${COLLAB_PATH}/`)) {
      collab.handleUpgrade(req, socket, head);
    } else if (nextUpgrade) {
      void nextUpgrade(req, socket, head);
    } else {
      socket.destroy();
    }
  });

  // Deadlines are honoured even when nobody is using the app.
  const sweep = setInterval(() => {
    settleDueRounds(handle.db)
      .then(() => sendDueReminders(handle.db))
      .catch((error: unknown) => console.error("deadline sweep failed", error));
  }, DEADLINE_SWEEP_MS);
  sweep.unref();

  server.listen(port, () => {
    console.log(`Accord ready on http://localhost:${port} (${dev ? "development" : "production"})`);
    console.log(
      `Collaboration server on ws://localhost:${port}${COLLAB_PATH} (${process.env.REDIS_URL ? "shared through Redis" : "single instance"})`,
    );
  });

  const shutdown = () => {
    clearInterval(sweep);
    server.close();
    // Collaboration first: closing its connections compacts the open documents into the database.
    void collab
      .close()
      .catch((error: unknown) => console.error("collab shutdown failed", error))
      .finally(
        () =>
          void Promise.allSettled([stopExportThread(exportThread), closePdfBrowser()])
            .then(() => handle.close())
            .finally(() => process.exit(0)),
      );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof MissingSecretError || error instanceof InsecureTransportError ? error.message : error);
  process.exit(1);
});
