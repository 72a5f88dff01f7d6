// The write guard on the socket: every update a writable connection sends is judged (guard/)
// against the rights the policy gave the connection, before anything stores or applies it. A
// refused update is neither stored nor applied, and the document connection is closed with
// CLOSE.updateRefused: the editor rebuilds its copy from the server's.
import type { beforeSyncPayload, Document, Extension } from "@hocuspocus/server";
import { CLOSE } from "@/lib/collab/wire";
import type { CollabConnection, CollabContext } from "../context";
import { judgeUpdate } from "../guard/judge-update";
import { carriesMoreStructsThan, MAX_UPDATE_STRUCTS } from "../guard/update-size";
import { documentSchema } from "../paper-state";

/** Sync messages that carry an update (0 = SyncStep1 carries only a state vector). */
export const carriesUpdate = (type: number) => type === 1 || type === 2;

/** An update that carries nothing (`encodeStateAsUpdate` of an empty diff): nothing to judge or store. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((b) => b === 0);
}

/** Throws the close event Hocuspocus ends the document connection with, unless the connection may write this update. */
export function judgeOrRefuse(connection: CollabConnection, document: Document, update: Uint8Array): void {
  const ctx = connection.context;
  const verdict = ctx.rights
    ? judgeUpdate(document, update, ctx.rights, documentSchema())
    : { ok: false as const, reason: "read-only" };
  if (verdict.ok) return;
  console.warn(`collab: update refused (user ${ctx.userId}, paper ${ctx.paperId}): ${verdict.reason}`);
  // A plain object: Hocuspocus closes the document connection with this code and reason.
  throw { ...CLOSE.updateRefused };
}

export class WriteGuard implements Extension {
  extensionName = "WriteGuard";

  async beforeSync({ connection, document, type, payload }: beforeSyncPayload<CollabContext>) {
    // A read-only connection's update is refused by Hocuspocus right after the hooks (no apply).
    if (!carriesUpdate(type) || connection.readOnly || isEmptyUpdate(payload)) return;
    // Yjs's cost to apply an update follows its items: too many, and it is refused unread.
    if (carriesMoreStructsThan(payload, MAX_UPDATE_STRUCTS)) {
      console.warn(`collab: update refused (user ${connection.context.userId}): more than ${MAX_UPDATE_STRUCTS} items`);
      throw { ...CLOSE.tooLarge };
    }
    judgeOrRefuse(connection, document, payload);
  }
}
