// Issue 15, finding 2, against a real collaboration server: a socket that does not sign in costs
// little and not for long. It must authenticate within the deadline, may send only small frames
// until then, one address may hold only so many such sockets, and no socket opens more than a few
// documents. Limits are lowered for the test (server/collab/socket-limits.ts has the real ones).
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CLOSE, PRE_AUTH_MAX_FRAME_BYTES } from "@/lib/collab/wire";
import { useCollabHarness } from "../collab/harness";
import { authMessage, openSocket } from "./raw-socket";

const harness = useCollabHarness();
const limits = { authDeadlineMs: 600, pendingPerAddress: 3, documentsPerSocket: 2 };

describe("a socket that does not authenticate", () => {
  it("is closed at the deadline", async () => {
    const server = await harness.startServer({ socketLimits: limits });
    const { closed } = await openSocket(server.url);
    const started = Date.now();
    expect(await closed).toBe(CLOSE.authDeadline.code);
    expect(Date.now() - started).toBeLessThan(limits.authDeadlineMs + 1_000);
  });

  it("may send only small frames until it has", async () => {
    const server = await harness.startServer({ socketLimits: limits });
    const { socket, closed } = await openSocket(server.url);
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, "any-paper");
    encoding.writeUint8Array(encoder, new Uint8Array(PRE_AUTH_MAX_FRAME_BYTES + 1));
    socket.send(encoding.toUint8Array(encoder));
    expect(await closed).toBe(CLOSE.tooLarge.code);
  });

  it("counts against its address: beyond the cap a new one is closed at once, and room returns when they go", async () => {
    const server = await harness.startServer({ socketLimits: { ...limits, authDeadlineMs: 1_500 } });
    const waiting = await Promise.all([1, 2, 3].map(() => openSocket(server.url)));
    const extra = await openSocket(server.url);
    expect(await extra.closed).toBe(CLOSE.tooMany.code);
    for (const { socket } of waiting) socket.close();
    await Promise.all(waiting.map(({ closed }) => closed));
    // A signed-in editor from the same address is served again.
    const { paper } = await harness.paper("draft");
    const editor = await harness.client("chair", paper.id, { on: server });
    expect(await editor.outcome).toEqual({ ok: true, scope: "read-write" });
  });
});

describe("a signed-in socket", () => {
  it("opens only a few documents", async () => {
    const server = await harness.startServer({ socketLimits: limits });
    const cookie = await harness.sessionCookie("chair");
    const papers = await Promise.all([1, 2, 3].map(() => harness.paper("draft")));
    const { socket, closed } = await openSocket(server.url, cookie);
    for (const { paper } of papers) socket.send(authMessage(paper.id));
    expect(await closed).toBe(CLOSE.tooMany.code);
  });
});

describe("an upgrade from another site's page", () => {
  it("is refused, while the app's own origin is served", async () => {
    const cookie = await harness.sessionCookie("chair");
    const attempt = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(harness.server.url, { headers: { cookie, origin } });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => {
          socket.close();
          resolve(101);
        });
        socket.on("error", () => {});
      });
    expect(await attempt("https://attacker.example")).toBe(403);
    expect(await attempt(new URL(harness.server.url.replace(/^ws/, "http")).origin)).toBe(101);
  });
});
