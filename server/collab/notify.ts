// Telling the collaboration server that access may have changed, from domain code.
// Next's bundled server code and the custom server share the process but not module instances,
// so running servers are found through a process-wide registry, not a module variable.
// Call these after the transaction has committed: the server re-reads the database.
import { encodeStateless } from "@/lib/collab/wire";
import { processSingleton } from "@/lib/process-singleton";

/** The part of a collaboration server notifications need (kept free of imports so domain code stays light). */
export type AccessRevalidator = {
  revalidatePaper(paperId: string): Promise<void>;
  revalidateUser(userId: string): Promise<void>;
  broadcast(paperId: string, payload: string): Promise<void>;
  applyStoredUpdate(paperId: string, update: Uint8Array): Promise<void>;
};

const registry = processSingleton("collaboration servers", () => ({ servers: new Set<AccessRevalidator>() }));

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

/** Tells every open editor of the paper to reload its comment threads (after the change committed). */
export function notifyCommentsChanged(paperId: string): Promise<void> {
  return each((server) => server.broadcast(paperId, encodeStateless({ type: "comments" })));
}

/**
 * Brings an update the server itself wrote (already committed to paper_updates, e.g. an accepted
 * suggestion) into the live documents, which send it to every open editor.
 */
export function applyStoredUpdate(paperId: string, update: Uint8Array): Promise<void> {
  return each((server) => server.applyStoredUpdate(paperId, update));
}
