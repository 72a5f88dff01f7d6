// Presence is bound to the authenticated user: the identity fields of the awareness state are
// rewritten from the database (only the colour is the client's choice), and a client may not
// write presence for a Yjs client id another connection owns.
import type { beforeHandleAwarenessPayload, Extension } from "@hocuspocus/server";
import { PRESENCE_FIELD } from "@/lib/collab/wire";
import { userColor } from "@/lib/editor/presence";
import type { CollabContext } from "../context";

const COLOR = /^#[0-9a-f]{6}$/i;

export class AwarenessIdentity implements Extension {
  extensionName = "AwarenessIdentity";

  async beforeHandleAwareness({ connection, document, states }: beforeHandleAwarenessPayload<CollabContext>) {
    if (!connection) return; // from Redis: already checked by the instance that received it
    const { presence } = connection.context;
    const others = document.getConnections().filter((c) => c !== connection);
    for (const [clientId, state] of states) {
      if (others.some((c) => document.getClients(c).has(clientId))) {
        states.delete(clientId);
        continue;
      }
      const claimed = (state as { [PRESENCE_FIELD]?: { color?: unknown } })[PRESENCE_FIELD];
      const color =
        typeof claimed?.color === "string" && COLOR.test(claimed.color) ? claimed.color : userColor(presence.id);
      state[PRESENCE_FIELD] = { ...presence, color };
    }
  }
}
