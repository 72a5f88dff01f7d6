// Telling the collaboration server that access may have changed, from domain code.
// Next's bundled server code and the custom server share the process but not module instances,
// so running servers are found through a registry on globalThis, not a module variable.
// Call these after the transaction has committed: the server re-reads the database.

/** The part of a collaboration server notifications need (kept free of imports so domain code stays light). */
export type AccessRevalidator = {
  revalidatePaper(paperId: string): Promise<void>;
  revalidateUser(userId: string): Promise<void>;
};

type Registry = { servers: Set<AccessRevalidator> };
const processGlobal = globalThis as { __accordCollab?: Registry };
processGlobal.__accordCollab ??= { servers: new Set() };
const registry: Registry = processGlobal.__accordCollab;

export function registerCollaborationServer(server: AccessRevalidator): void {
  registry.servers.add(server);
}

export function unregisterCollaborationServer(server: AccessRevalidator): void {
  registry.servers.delete(server);
}

function each(run: (server: AccessRevalidator) => Promise<void>): Promise<void> {
  // Never fails the caller's request: the periodic sweep re-checks every connection anyway.
  return Promise.all(
    [...registry.servers].map((server) =>
      run(server).catch((error: unknown) => console.error("collab: access re-check failed", error)),
    ),
  ).then(() => undefined);
}

/** The paper's status changed: re-check its open connections (editable → read-only, …). */
export function notifyPaperAccessChanged(paperId: string): Promise<void> {
  return each((server) => server.revalidatePaper(paperId));
}

/** A user's memberships or account changed: re-check their open connections. */
export function notifyUserAccessChanged(userId: string): Promise<void> {
  return each((server) => server.revalidateUser(userId));
}
