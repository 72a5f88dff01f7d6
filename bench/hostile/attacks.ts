// The attacks of issue 15, each as a hostile participant (or an anonymous visitor) would make it
// against the running app: raw collaboration sockets speaking the protocol by hand
// (tests/security/raw-socket.ts) and HTTP bodies. Each round resolves with what the server did
// ("closed 1009", "HTTP 403"), which the table tallies.

import { once } from "node:events";
import http from "node:http";
import { zipSync } from "fflate";
import * as decoding from "lib0/decoding";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { MAX_FRAME_BYTES } from "@/lib/collab/wire";
import { authMessage, awarenessMessage, MESSAGE, openSocket, updateMessage } from "@/tests/security/raw-socket";

/** What the attacks need from the running app: its addresses, sessions and the demo's ids. */
export type Target = {
  baseUrl: string;
  socketUrl: string;
  /** The Budapest delegate, who may edit the dialogue's draft paper directly. */
  delegate: { cookie: string; draftPaperId: string };
  /** A Rabat delegate, suggest-only on the dialogue's paper in consultation. */
  suggester: { cookie: string; consultationPaperId: string };
  observer: { cookie: string };
  chair: { cookie: string; dialogueId: string };
};

export type Attack = {
  name: string;
  /** Made once (it lasts, or it leaves data behind); otherwise repeated for the whole window. */
  once?: boolean;
  /** Builds the attack's payloads before the measurement starts. */
  prepare?(): void;
  round(target: Target): Promise<string>;
};

const MiB = 1024 * 1024;
const KiB = 1024;

/** A socket signed in as `cookie` and authenticated on `paperId`, with the messages it receives. */
async function signedInSocket(target: Target, cookie: string, paperId: string) {
  const { socket, closed } = await openSocket(target.socketUrl, cookie);
  const received: Uint8Array[] = [];
  socket.on("message", (data: Buffer) => received.push(new Uint8Array(data)));
  socket.send(authMessage(paperId));
  await Promise.race([once(socket, "message"), closed]);
  return { socket, closed, received };
}

/** The type of a Hocuspocus message, and a decoder at its body. */
function messageType(message: Uint8Array): { type: number; body: decoding.Decoder } {
  const body = decoding.createDecoder(message);
  decoding.readVarString(body);
  return { type: decoding.readVarUint(body), body };
}

/** How many of `messages` are sync-status answers (one per stored update). */
function acknowledgements(messages: Uint8Array[]): number {
  return messages.filter((message) => messageType(message).type === MESSAGE.syncStatus).length;
}

/** The reason the server closed the document connection with, if it did (the socket may stay open). */
function documentClosed(messages: Uint8Array[]): string | undefined {
  for (const message of messages) {
    const { type, body } = messageType(message);
    if (type === MESSAGE.close) return decoding.readVarString(body);
  }
  return undefined;
}

/** Yjs updates, each appending a paragraph of `bytes` characters to a document of the attacker's own. */
function paragraphUpdates(count: number, bytes: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const sentence = "The partners commit to mobility partnerships and to the protection of migrants. ";
  const text = sentence.repeat(Math.ceil(bytes / sentence.length)).slice(0, bytes);
  const fragment = doc.getXmlFragment("default");
  for (let i = 0; i < count; i++) {
    // One transaction per paragraph, as the editor appends one: one update each.
    doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.insert(fragment.length, [paragraph]);
    });
  }
  return updates;
}

const closedWith = (code: number) => `closed ${code}`;

/** Resolves with the close code, or "open" if the server kept the socket for `ms`. */
const closeWithin = (closed: Promise<number>, ms: number) =>
  Promise.race([
    closed.then(closedWith),
    new Promise<string>((resolve) => setTimeout(() => resolve("still open"), ms)),
  ]);

/**
 * POSTs a chunked multipart body of `totalBytes` to the import route as fast as the server reads
 * it (as e2e/hostile.spec.ts does), and resolves with the status once answered.
 */
function streamImport(target: Target, cookie: string, totalBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL("/api/papers/import", target.baseUrl), {
      method: "POST",
      headers: { cookie, "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" },
    });
    const chunk = Buffer.alloc(64 * KiB, 97);
    let sent = 0;
    let answered = false;
    const pump = () => {
      while (sent < totalBytes && !answered) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    request.on("response", (response) => {
      answered = true;
      response.resume();
      response.on("end", () => {
        request.destroy();
        resolve(`HTTP ${response.statusCode} after ${Math.round(sent / MiB)} MiB sent`);
      });
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    pump();
  });
}

/**
 * A DOCX of about 200 KB whose document part inflates to 201 MiB while its headers claim 100 bytes
 * (as tests/export/exports.test.ts builds it).
 */
function zipBomb(): Uint8Array {
  const bomb = zipSync({ "word/document.xml": new Uint8Array(201 * MiB) }, { level: 1 });
  const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
  for (let at = 0; at + 4 <= bomb.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, 100, true); // local header
    if (signature === 0x02014b50) view.setUint32(at + 24, 100, true); // central directory
  }
  return bomb;
}
let bomb: Uint8Array | undefined;
let bigUpdate: Uint8Array | undefined;
let burst: Uint8Array[] | undefined;

export const ATTACKS: Attack[] = [
  {
    name: "update frame of 4 MiB (signed-in delegate)",
    prepare() {
      bigUpdate ??= paragraphUpdates(1, 4 * MiB)[0];
    },
    async round(target) {
      const { delegate } = target;
      const { socket, closed } = await signedInSocket(target, delegate.cookie, delegate.draftPaperId);
      socket.send(updateMessage(delegate.draftPaperId, bigUpdate as Uint8Array));
      return closeWithin(closed, 5_000);
    },
  },
  {
    name: "burst of 40 updates × 256 KiB, refused (suggest-only delegate)",
    prepare() {
      burst ??= paragraphUpdates(40, 256 * KiB);
    },
    async round(target) {
      const { suggester } = target;
      const { socket, closed, received } = await signedInSocket(
        target,
        suggester.cookie,
        suggester.consultationPaperId,
      );
      for (const update of burst ?? []) socket.send(updateMessage(suggester.consultationPaperId, update));
      const socketOutcome = await closeWithin(closed, 10_000);
      const reason = documentClosed(received);
      return reason ? `refused (${reason}), socket ${socketOutcome}` : socketOutcome;
    },
  },
  {
    name: "awareness: 16 states × 256 KiB (signed-in delegate)",
    async round(target) {
      const { delegate } = target;
      const { socket, closed } = await signedInSocket(target, delegate.cookie, delegate.draftPaperId);
      const forged = new Awareness(new Y.Doc());
      for (let i = 0; i < 16; i++) {
        forged.setLocalState({ user: { name: `${i}`, color: "#123456" }, junk: "y".repeat(256 * KiB) });
        socket.send(awarenessMessage(delegate.draftPaperId, encodeAwarenessUpdate(forged, [forged.clientID])));
      }
      // Still served after the flood: the server answers an authentication on the same socket.
      socket.send(authMessage(delegate.draftPaperId));
      const outcome = await Promise.race([once(socket, "message").then(() => "served"), closeWithin(closed, 5_000)]);
      socket.close();
      return outcome;
    },
  },
  {
    name: "100 unauthenticated sockets, held open",
    once: true,
    async round(target) {
      const sockets = await Promise.all(Array.from({ length: 100 }, () => openSocket(target.socketUrl)));
      const codes = await Promise.all(sockets.map(({ closed }) => closeWithin(closed, 20_000)));
      return tally(codes);
    },
  },
  {
    name: "100 unauthenticated sockets, each a 1 MiB frame before sign-in",
    async round(target) {
      const frame = new Uint8Array(MAX_FRAME_BYTES - 64);
      const sockets = await Promise.all(
        Array.from({ length: 100 }, async () => {
          const opened = await openSocket(target.socketUrl);
          if (opened.socket.readyState === opened.socket.OPEN) opened.socket.send(frame);
          return opened;
        }),
      );
      return tally(await Promise.all(sockets.map(({ closed }) => closeWithin(closed, 5_000))));
    },
  },
  {
    name: "import: 60 MiB chunked body as an observer",
    round: (target) => streamImport(target, target.observer.cookie, 60 * MiB),
  },
  {
    name: "import: 60 MiB chunked body as the chair",
    round: (target) => streamImport(target, target.chair.cookie, 60 * MiB),
  },
  {
    name: "import: DOCX zip bomb (200 KB → 201 MiB) as the chair",
    prepare() {
      bomb ??= zipBomb();
    },
    async round(target) {
      const form = new FormData();
      form.set("dialogueId", target.chair.dialogueId);
      form.set("kind", "recommendations");
      form.set("file", new File([new Uint8Array(bomb ?? [])], "bomb.docx"));
      const response = await fetch(new URL("/api/papers/import", target.baseUrl), {
        method: "POST",
        headers: { cookie: target.chair.cookie },
        body: form,
      });
      await response.arrayBuffer();
      return `HTTP ${response.status}`;
    },
  },
  {
    name: "burst of 40 updates × 256 KiB, stored (delegate, draft)",
    once: true,
    prepare() {
      burst ??= paragraphUpdates(40, 256 * KiB);
    },
    async round(target) {
      const { delegate } = target;
      const { socket, closed, received } = await signedInSocket(target, delegate.cookie, delegate.draftPaperId);
      const updates = burst ?? [];
      for (const update of updates) socket.send(updateMessage(delegate.draftPaperId, update));
      const deadline = Date.now() + 120_000;
      let outcome: string | undefined;
      void closed.then((code) => {
        outcome = closedWith(code);
      });
      while (!outcome && acknowledgements(received) < updates.length && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      socket.close();
      return outcome ?? `${acknowledgements(received)}/${updates.length} stored`;
    },
  },
];

/** "80× closed 1008, 20× closed 4408". */
export function tally(outcomes: string[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count}× ${outcome}`).join(", ");
}
