// What the collaboration server knows about one authenticated connection, and the settings its
// extensions share. Every extension reads the connection's context; only the authentication
// extension creates it and the access decisions (access.ts) change it.
import type { Connection } from "@hocuspocus/server";
import type { Db } from "@/db/client";
import type { PaperStatus } from "@/db/schema";
import type { RefusalReason } from "@/lib/collab/wire";
import type { Actor, WriteRights } from "../policy";

export type CollabContext = {
  userId: string;
  sessionId: string;
  paperId: string;
  dialogueId: string;
  /** The paper status under which the current access (read-only or read-write) was granted. */
  status: PaperStatus;
  actor: Actor;
  /** What this connection may write (null: read-only); every update is judged against it (guard.ts). */
  rights: WriteRights | null;
  /** Presence identity, from the database: a client cannot choose it. */
  presence: { id: string; name: string; partner: string; iso3: string | null };
};

export type CollabConnection = Connection<CollabContext>;

export type GetDb = () => Promise<Db>;

/**
 * A refusal the provider receives as `authenticationFailed` with this reason. A plain object,
 * not an Error: Hocuspocus logs only errors with a message.
 */
export const refuse = (reason: RefusalReason): { reason: RefusalReason } => ({ reason });
