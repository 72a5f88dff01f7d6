// Persistence with acknowledge-after-commit. Loads a paper's document from the database, stores
// every update the write guard let through in the update log before its acknowledgement goes
// out, and compacts the log (debounced by Hocuspocus's onStoreDocument).
//
// In Hocuspocus 4.7, Connection.processMessages awaits `beforeHandleMessage`, then
// MessageReceiver.readSyncMessage awaits `beforeSync` and only then applies a SyncStep2 / Update
// and sends one SyncStatus acknowledgement for it; a connection's messages are processed
// strictly in order.
//
// On a single instance the update is applied (and so broadcast) here, at once, and its append
// starts; Hocuspocus's own apply is then a no-op, and the connection's next message is not held
// up by the write. Only the acknowledgement waits (ack-gate.ts). If an applied update cannot be
// stored (the database fails, or the paper left the status it was allowed under), the document
// in memory is ahead of the database and is reloaded from it (divergence.ts). With Redis, peer
// instances would receive the update at once and could not be made to forget it: the update is
// stored before it is applied, this hook awaiting the append.
import type {
  beforeSyncPayload,
  ConnectionTransactionOrigin,
  Document,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { CLOSE } from "@/lib/collab/wire";
import { expel, reconsider } from "../access";
import { ackGate } from "../ack-gate";
import { compactPaper } from "../compaction";
import type { CollabConnection, CollabContext, GetDb } from "../context";
import type { Divergence } from "../divergence";
import { dropShadow } from "../guard/judge-update";
import { loadPaperState } from "../paper-state";
import type { AppendResult, UpdateLog } from "../update-log";
import { carriesUpdate, isEmptyUpdate, judgeOrRefuse } from "./write-guard";

/** How many times an update is stored again under a paper status that changed meanwhile. */
const STORE_ATTEMPTS = 3;

export class Persistence implements Extension {
  extensionName = "Persistence";
  /**
   * The append of the last update applied to each document. The update log commits a paper's
   * appends in order and fails every one queued behind a failure, so this settling true means
   * everything applied so far is committed.
   */
  private readonly lastStore = new WeakMap<Document, Promise<boolean>>();

  constructor(
    private readonly options: {
      getDb: GetDb;
      updateLog: UpdateLog;
      divergence: Divergence;
      /** Apply before storing: safe only where no other instance can receive an unstored update. */
      applyFirst: boolean;
    },
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload<CollabContext>) {
    // A failed load throws: Hocuspocus then refuses the connection and discards the document
    // before its update handler (and so any store) is attached, so nothing empty is ever stored.
    const updates = await loadPaperState(await this.options.getDb(), documentName);
    document.transact(
      () => {
        for (const update of updates) Y.applyUpdate(document, update);
      },
      { source: "local", skipStoreHooks: true },
    );
  }

  async beforeSync({ connection, document, type, payload }: beforeSyncPayload<CollabContext>) {
    if (!carriesUpdate(type)) return;
    const gate = this.options.applyFirst ? ackGate(connection) : null;
    if (connection.readOnly || isEmptyUpdate(payload)) {
      // Nothing to store, but what the client is told it has in common with the server may
      // still be on its way to the disk (another connection's update): wait for it too.
      gate?.push(this.lastStore.get(document) ?? Promise.resolve(true));
      return;
    }
    if (gate) {
      Y.applyUpdate(document, payload, { source: "connection", connection } satisfies ConnectionTransactionOrigin);
      const stored = this.storeApplied(connection, document, payload);
      this.lastStore.set(document, stored);
      gate.push(stored);
      return;
    }
    await this.storeBeforeApplying(connection, document, payload);
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload<CollabContext>) {
    await compactPaper(await this.options.getDb(), documentName);
  }

  /** Appends an update, with its author, under the status the connection's rights were granted under. */
  /** A database failure is logged and returned, not thrown: each caller recovers its own way. */
  private async append(
    connection: CollabConnection,
    update: Uint8Array,
  ): Promise<AppendResult | { stored: false; failure: unknown }> {
    const ctx = connection.context;
    try {
      const author = { userId: ctx.userId, partnerId: ctx.actor.memberships.get(ctx.dialogueId)?.partnerId ?? null };
      return await this.options.updateLog.append(ctx.paperId, update, ctx.status, author);
    } catch (failure) {
      console.error("collab: storing an update failed", failure);
      return { stored: false, failure };
    }
  }

  /**
   * Stores an update already applied and broadcast (single instance). True once committed; false
   * if it never will be, the document then being reloaded from the database.
   */
  private async storeApplied(connection: CollabConnection, document: Document, update: Uint8Array) {
    const { divergence } = this.options;
    for (let attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
      const result = await this.append(connection, update);
      if ("failure" in result) {
        // Clients keep their copies and send back what the reloaded document lacks.
        divergence.diverge(document, { rebuild: false });
        return false;
      }
      if (result.stored) return true;
      const access = result.status ? reconsider(connection, result.status) : null;
      // Allowed exactly as before under the new status: store it under that one.
      if (access?.same) continue;
      if (!access) expel(connection);
      break;
    }
    // Everyone saw an update that will never be stored: every copy starts again from storage.
    divergence.diverge(document, { rebuild: true });
    return false;
  }

  /** Stores an update before Hocuspocus applies it (several instances through Redis). */
  private async storeBeforeApplying(connection: CollabConnection, document: Document, update: Uint8Array) {
    for (let attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
      const result = await this.append(connection, update);
      if ("failure" in result) {
        // Not stored, so not applied nor acknowledged: drop the socket; the provider
        // reconnects and sends the update again in its sync step 2.
        dropShadow(document);
        connection.webSocket.close(CLOSE.storageUnavailable.code, CLOSE.storageUnavailable.reason);
        throw result.failure;
      }
      if (result.stored) return;
      dropShadow(document); // not applied: the guard's shadow is ahead of the document
      const access = result.status ? reconsider(connection, result.status) : null;
      if (!access) expel(connection);
      if (!access?.rights) return;
      judgeOrRefuse(connection, document, update);
    }
    connection.webSocket.close(CLOSE.retry.code, CLOSE.retry.reason);
    throw new Error("collab: paper status kept changing while storing an update");
  }
}
