// Issue 15, finding 1, replayed against a real collaboration server: one large frame must not
// freeze the server. A frame above MAX_FRAME_BYTES closes the socket with the "too big" code
// before anything parses it, the server keeps serving others at once, and a large but
// legitimate edit (a long paste) still goes through.
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE, MAX_FRAME_BYTES } from "@/lib/collab/wire";
import { useCollabHarness } from "../collab/harness";
import { appendParagraph, fragmentText } from "../collab/helpers";

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
