// A collaboration socket as a modified client opens one: raw Hocuspocus messages written by
// hand, so tests (and bench/hostile) can send what the editor never would (floods, forged
// awareness, huge updates).
import { once } from "node:events";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import type { CollabHarness } from "../collab/harness";

/** Hocuspocus message types (its MessageType enum). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, close: 7, syncStatus: 8 } as const;
/** y-protocols sync message carrying an update. */
const SYNC_UPDATE = 2;

/** A Hocuspocus message: the document's name, the message type, the body. */
export function hocuspocusMessage(documentName: string, type: number, body: (encoder: encoding.Encoder) => void) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  body(encoder);
  return encoding.toUint8Array(encoder);
}

/** A Yjs update for `documentName`, as the provider sends one. */
export function updateMessage(documentName: string, update: Uint8Array): Uint8Array {
  return hocuspocusMessage(documentName, MESSAGE.sync, (e) => {
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}

/** The authentication message for `documentName` (the token is unused: the cookie signs in). */
export function authMessage(documentName: string): Uint8Array {
  return hocuspocusMessage(documentName, MESSAGE.auth, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, "cookie");
  });
}

/** An awareness update (y-protocols encodeAwarenessUpdate) for `documentName`. */
export function awarenessMessage(documentName: string, update: Uint8Array): Uint8Array {
  return hocuspocusMessage(documentName, MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, update));
}

/** A socket to `url` (with a session cookie, if any) once open or closed, and its close code to come. */
export async function openSocket(
  url: string,
  cookie?: string,
): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(url, cookie ? { headers: { cookie } } : {});
  socket.on("error", () => {});
  const closed = once(socket, "close").then(([code]) => code as number);
  await Promise.race([once(socket, "open"), closed]);
  return { socket, closed };
}

/** A socket signed in (by its session cookie) as `role`, authenticated on `documentName`. */
export async function signedInSocket(
  harness: CollabHarness,
  role: Parameters<CollabHarness["sessionCookie"]>[0],
  documentName: string,
): Promise<WebSocket> {
  const socket = new WebSocket(harness.server.url, { headers: { cookie: await harness.sessionCookie(role) } });
  await once(socket, "open");
  socket.send(authMessage(documentName));
  await once(socket, "message");
  return socket;
}
