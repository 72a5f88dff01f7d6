// Acknowledge-after-commit: Hocuspocus answers every SyncStep2 / Update that passed `beforeSync`
// with exactly one SyncStatus message, in the order the messages were processed. The gate holds
// each of a connection's SyncStatus messages back until the update it answers is committed, so
// an acknowledged edit survives `kill -9` even though it was applied (and broadcast) before.
import { MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import type { CollabConnection } from "./context";

/** A SyncStatus message (the acknowledgement of one update): document name, then the type. */
function isSyncStatus(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === MessageType.SyncStatus;
  } catch {
    return false;
  }
}

export type AckGate = {
  /** The commit the next acknowledgement of this connection waits for (false: never send it). */
  push(stored: Promise<boolean>): void;
};

const gates = new WeakMap<CollabConnection, AckGate>();

/** The connection's gate, installed on its first use (before its first acknowledgement is sent). */
export function ackGate(connection: CollabConnection): AckGate {
  const existing = gates.get(connection);
  if (existing) return existing;
  const pending: Promise<boolean>[] = [];
  let chain = Promise.resolve();
  const send = connection.send.bind(connection);
  connection.send = (message: Uint8Array) => {
    if (!isSyncStatus(message)) return send(message);
    const stored = pending.shift() ?? Promise.resolve(true);
    chain = chain.then(async () => {
      if (await stored) send(message);
    });
  };
  const gate: AckGate = { push: (stored) => void pending.push(stored) };
  gates.set(connection, gate);
  return gate;
}
