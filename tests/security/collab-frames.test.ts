// Issue 15, finding 1, replayed against a real collaboration server: one large frame, or a flood
// of them, must not freeze the server. A frame above MAX_FRAME_BYTES closes the socket with the
// "too big" code before anything parses it; a socket that spends its budget of bytes or messages
// is closed with the "too fast" code; the server keeps serving others meanwhile, and a large but
// legitimate edit (a long paste) still goes through.
import { once } from "node:events";
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { writeSyncStep1 } from "y-protocols/sync";
import * as Y from "yjs";
import { CLOSE, MAX_FRAME_BYTES } from "@/lib/collab/wire";
import { MAX_UPDATE_STRUCTS } from "@/server/collab/guard/update-size";
import { SOCKET_LIMITS } from "@/server/collab/socket-limits";
import { useCollabHarness } from "../collab/harness";
import { appendParagraph, fragmentText, waitFor } from "../collab/helpers";
import { hocuspocusMessage, MESSAGE, signedInSocket, updateMessage } from "./raw-socket";

const harness = useCollabHarness();

/** A raw socket as a modified client would open one, signed in as the demo delegate. */
async function rawSocket(): Promise<WebSocket> {
  const cookie = await harness.sessionCookie("delegate");
  const socket = new WebSocket(harness.server.url, { headers: { cookie } });
  await once(socket, "open");
  return socket;
}

describe("a frame above the limit", () => {
  it("closes the socket with the too-big code at once, and others are served meanwhile", async () => {
    const { paper } = await harness.paper("draft");
    const editor = await harness.client("chair", paper.id);
    await editor.synced();

    const socket = await rawSocket();
    const closed = once(socket, "close") as Promise<[number, Buffer]>;
    const sentAt = Date.now();
    socket.send(Buffer.alloc(4 * MAX_FRAME_BYTES, 1));
    const [code] = await closed;
    expect(code).toBe(CLOSE.tooLarge.code);
    expect(Date.now() - sentAt).toBeLessThan(2_000);

    // The server answers the editor's next edit as usual.
    appendParagraph(editor.doc, "Still served");
    await editor.acked();
    expect(fragmentText(editor.doc)).toContain("Still served");
  });

  it("counts the inflated size of a compressed frame, not the bytes on the wire", async () => {
    const cookie = await harness.sessionCookie("delegate");
    const socket = new WebSocket(harness.server.url, { headers: { cookie }, perMessageDeflate: true });
    await once(socket, "open");
    const closed = once(socket, "close") as Promise<[number, Buffer]>;
    // 8 MiB of zeros compress to a few KB.
    socket.send(Buffer.alloc(8 * MAX_FRAME_BYTES), { compress: true });
    const [code] = await closed;
    expect(code).toBe(CLOSE.tooLarge.code);
  });
});

/** An update adding one paragraph of `size` characters, from a client of its own, to a copy of `live`. */
function paragraphUpdate(live: Y.Doc, marker: string, size: number): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  appendParagraph(client, `${marker} ${"x".repeat(size)}`);
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
}

describe("a flood from one signed-in socket", () => {
  it("is closed once it has spent its budget of bytes; what came before is kept, others are served meanwhile", async () => {
    const { paper } = await harness.paper("draft");
    const editor = await harness.client("chair", paper.id);
    await editor.synced();
    const live = harness.liveDoc(paper.id);
    if (!live) throw new Error("paper not loaded");

    // Forty updates of 256 KiB at once: 10 MiB, as the audit sent them.
    const socket = await signedInSocket(harness, "delegate", paper.id);
    const closed = once(socket, "close") as Promise<[number, Buffer]>;
    const frames = Array.from({ length: 40 }, (_, i) =>
      updateMessage(paper.id, paragraphUpdate(live, `Flood ${i}.`, 256 * 1024)),
    );
    const sentAt = Date.now();
    for (const frame of frames) socket.send(frame);
    const [code] = await closed;
    const seconds = (Date.now() - sentAt) / 1000;
    expect(code).toBe(CLOSE.tooFast.code);

    appendParagraph(editor.doc, "Still served");
    await editor.acked();
    const text = fragmentText(live);
    expect(text).toContain("Still served");
    const taken = Array.from({ length: 40 }, (_, i) => text.includes(`Flood ${i}.`)).filter(Boolean).length;
    // The burst passes (a long paste, a reconnecting editor), then only what the budget refills
    // while the frames arrive; the rest of the flood does not.
    const { burst, perSecond } = SOCKET_LIMITS.budgetBytes;
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(40);
    expect(taken * 256 * 1024).toBeLessThanOrEqual(burst + perSecond * seconds);
    // Storing megabytes in the tests' in-process database takes a while.
  }, 90_000);

  it("is closed once it has spent its budget of messages", async () => {
    const { paper } = await harness.paper("draft");
    const socket = await signedInSocket(harness, "delegate", paper.id);
    const closed = once(socket, "close") as Promise<[number, Buffer]>;
    // Small messages a server answers (sync step 1: "what do you have?"), far more than the burst.
    const ask = hocuspocusMessage(paper.id, MESSAGE.sync, (e) => writeSyncStep1(e, new Y.Doc()));
    for (let i = 0; i < SOCKET_LIMITS.budgetMessages.burst * 2; i++) socket.send(ask);
    const [code] = await closed;
    expect(code).toBe(CLOSE.tooFast.code);
  });
});

describe("an update with more items than the limit, under the frame limit", () => {
  it("is refused unread with the too-large reason, and the text stays as it was", async () => {
    const { paper } = await harness.paper("draft");
    const socket = await signedInSocket(harness, "chair", paper.id);
    // Authenticated is not yet loaded: the paper is read from the database after.
    await waitFor(() => harness.liveDoc(paper.id) !== undefined);
    const live = harness.liveDoc(paper.id);
    if (!live) throw new Error("paper not loaded");
    const before = fragmentText(live);
    // One character at a time at the start of a paragraph: every one its own Yjs item.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
    const text = (client.getXmlFragment("default").get(1) as Y.XmlElement).get(0) as Y.XmlText;
    client.transact(() => {
      for (let i = 0; i <= MAX_UPDATE_STRUCTS; i++) text.insert(0, "x");
    });
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
    expect(update.length).toBeLessThan(MAX_FRAME_BYTES);

    const closes: string[] = [];
    socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) === MESSAGE.close) closes.push(decoding.readVarString(decoder));
    });
    socket.send(updateMessage(paper.id, update));
    await waitFor(() => closes.length > 0);
    expect(closes).toEqual([CLOSE.tooLarge.reason]);
    expect(fragmentText(live)).toBe(before);
    socket.close();
  });
});

describe("a large legitimate edit", () => {
  it("is stored: a paste of about 300 KB of text stays under the limit", async () => {
    const { paper } = await harness.paper("draft");
    const editor = await harness.client("chair", paper.id);
    await editor.synced();
    const paste = "The partners commit to mobility partnerships and to the protection of migrants. ".repeat(3_800);
    expect(paste.length).toBeGreaterThan(300_000);
    appendParagraph(editor.doc, paste);
    await editor.acked(20_000);
    const reader = await harness.client("penholder", paper.id);
    await reader.synced();
    expect(fragmentText(reader.doc)).toContain(paste);
  });
});

describe("legitimate load under the limits", () => {
  it("serves 40 people typing at once in one paper (one office's address), none closed, nothing lost", async () => {
    const { paper } = await harness.paper("draft");
    const roles = ["chair", "penholder"] as const;
    const typists = [];
    // In waves, as people open the paper: a whole office behind one address.
    for (let wave = 0; wave < 4; wave++) {
      const joined = await Promise.all(
        Array.from({ length: 10 }, (_, i) => harness.syncedClient(roles[(wave * 10 + i) % 2] as "chair", paper.id)),
      );
      typists.push(...joined);
    }
    const closes: number[] = [];
    for (const typist of typists) {
      typist.provider.on("close", ({ event }: { event?: { code?: number } }) => closes.push(event?.code ?? 0));
    }
    // Ten keystrokes each, ten a second: a fast typist.
    for (let stroke = 0; stroke < 10; stroke++) {
      typists.forEach((typist, i) => {
        appendParagraph(typist.doc, `typist ${i} stroke ${stroke}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(typists.map((typist) => typist.acked(30_000)));
    expect(closes).toEqual([]);
    const reader = await harness.syncedClient("penholder", paper.id);
    const text = fragmentText(reader.doc);
    const missing = typists.flatMap((_, i) =>
      Array.from({ length: 10 }, (_, stroke) => `typist ${i} stroke ${stroke}`).filter((line) => !text.includes(line)),
    );
    expect(missing).toEqual([]);
  }, 90_000);

  it("takes back a delegate whose connection dropped, with the edits made while offline", async () => {
    const { paper } = await harness.paper("draft");
    const delegate = await harness.syncedClient("chair", paper.id);
    appendParagraph(delegate.doc, "Typed while online.");
    await delegate.acked();
    // The line drops; the delegate keeps typing; the line comes back.
    delegate.provider.disconnect();
    delegate.socket.disconnect();
    appendParagraph(delegate.doc, "Typed on the train, offline.");
    await new Promise((resolve) => setTimeout(resolve, 300));
    await delegate.socket.connect();
    await delegate.provider.connect();
    await delegate.acked(15_000);
    expect(delegate.refused()).toBe(false);
    const reader = await harness.syncedClient("penholder", paper.id);
    expect(fragmentText(reader.doc)).toContain("Typed on the train, offline.");
  });
});
