// Changing what an open connection may do, once the policy has decided again (a status change,
// a membership change, a sign-out, the periodic sweep): switch it between read-only and
// read-write, tell its editor when suggest-only changes, or close it.
import { OutgoingMessage } from "@hocuspocus/server";
import type { PaperStatus } from "@/db/schema";
import { CLOSE, encodeStateless } from "@/lib/collab/wire";
import { collabAccess, type WriteRights } from "../policy";
import type { CollabConnection } from "./context";

function sameRights(a: WriteRights, b: WriteRights): boolean {
  return (
    a.suggestOnly === b.suggestOnly &&
    a.commentOnly === b.commentOnly &&
    a.markAgreement === b.markAgreement &&
    a.decideSuggestions === b.decideSuggestions
  );
}

/** Switches a live connection between read-only and read-write, and tells its provider (`authenticated` event with the new scope). */
function setReadOnly(connection: CollabConnection, readOnly: boolean) {
  if (connection.readOnly === readOnly) return;
  connection.readOnly = readOnly;
  connection.send(new OutgoingMessage(connection.messageAddress).writeAuthenticated(readOnly).toUint8Array());
}

/** New write rights for a live connection: read-only switch, and a word to the client when suggest-only changes. */
export function setRights(connection: CollabConnection, rights: WriteRights | null): void {
  const ctx = connection.context;
  const was = ctx.rights;
  ctx.rights = rights;
  setReadOnly(connection, rights === null);
  if (rights && (rights.suggestOnly !== was?.suggestOnly || rights.commentOnly !== was?.commentOnly)) {
    connection.sendStateless(
      encodeStateless({ type: "rights", suggestOnly: rights.suggestOnly, commentOnly: rights.commentOnly }),
    );
  }
}

/** Ends a connection that may no longer see the paper: its provider reconnects and is refused with a reason. */
export function expel(connection: CollabConnection): void {
  connection.readOnly = true;
  connection.close(CLOSE.lostAccess);
  connection.webSocket.close(CLOSE.lostAccess.code, CLOSE.lostAccess.reason);
}

/** Closes every connection to a document with this close event (read-only first: nothing more is taken from them). */
export function closeAll(connections: CollabConnection[], close: { code: number; reason: string }): void {
  for (const connection of connections) {
    connection.readOnly = true;
    connection.close(close);
    connection.webSocket.close(close.code, close.reason);
  }
}

/**
 * The paper's status moved while an update was being stored: decide the connection's access
 * again. Null: it may no longer see the paper. `same`: it may write exactly as before.
 */
export function reconsider(
  connection: CollabConnection,
  status: PaperStatus,
): { rights: WriteRights | null; same: boolean } | null {
  const ctx = connection.context;
  const before = ctx.rights;
  ctx.status = status;
  const access = collabAccess(ctx.actor, { dialogueId: ctx.dialogueId, status });
  if (!access) return null;
  setRights(connection, access.rights);
  return {
    rights: access.rights,
    same: access.rights !== null && before !== null && sameRights(access.rights, before),
  };
}
