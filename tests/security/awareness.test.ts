// Issue 15, finding 3, against a real collaboration server: awareness is relayed to everyone in a
// paper, so what one client puts there must be small and not too frequent. Only the fields the
// editor uses survive (identity rewritten by the server, a well-formed caret), and a burst of
// updates beyond the rate is dropped, not relayed.
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { CURSOR_FIELD, PRESENCE_FIELD } from "@/lib/collab/wire";
import { AWARENESS_RATE } from "@/server/collab/extensions/awareness-identity";
import { useCollabHarness } from "../collab/harness";
import { waitFor } from "../collab/helpers";
import { hocuspocusMessage, MESSAGE, signedInSocket } from "./raw-socket";

const harness = useCollabHarness();

describe("awareness from a modified client", () => {
  it("keeps only the presence and a well-formed caret: unknown and oversized fields are dropped", async () => {
    const { paper } = await harness.paper("draft");
    const sender = await harness.client("delegate", paper.id);
    const watcher = await harness.client("chair", paper.id);
    await Promise.all([sender.synced(), watcher.synced()]);
    const caret = {
      anchor: { type: null, tname: "default", item: null, assoc: 0 },
      head: { type: null, tname: "default", item: null, assoc: 0 },
    };
    sender.provider.awareness?.setLocalState({
      [PRESENCE_FIELD]: { id: "someone-else", name: "x".repeat(100_000), color: "#123456" },
      [CURSOR_FIELD]: caret,
      junk: "y".repeat(500_000),
    });
    await waitFor(() => watcher.provider.awareness?.getStates().get(sender.doc.clientID)?.[CURSOR_FIELD] !== undefined);
    const seen = watcher.provider.awareness?.getStates().get(sender.doc.clientID) ?? {};
    expect(Object.keys(seen).sort()).toEqual([CURSOR_FIELD, PRESENCE_FIELD]);
    expect(seen[PRESENCE_FIELD]).toMatchObject({ id: harness.world.actors.delegate.id, color: "#123456" });
    expect(seen[CURSOR_FIELD]).toEqual(caret);
    expect(JSON.stringify(seen).length).toBeLessThan(1_000);
  });

  it("takes a burst only up to the rate", async () => {
    const { paper } = await harness.paper("draft");
    const keeper = await harness.client("chair", paper.id);
    await keeper.synced();
    const live = harness.liveDoc(paper.id);
    if (!live) throw new Error("paper not loaded");
    // A raw socket signed in as the delegate, sending awareness messages as fast as it can.
    const socket = await signedInSocket(harness, "delegate", paper.id);
    const forged = new Awareness(new Y.Doc());
    let taken = 0;
    live.awareness.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(forged.clientID)) taken += 1;
    });
    for (let i = 0; i < 300; i++) {
      forged.setLocalState({ [PRESENCE_FIELD]: { color: `#0000${(i % 256).toString(16).padStart(2, "0")}` } });
      const update = encodeAwarenessUpdate(forged, [forged.clientID]);
      socket.send(hocuspocusMessage(paper.id, MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, update)));
    }
    await waitFor(() => taken > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The burst allowance, plus what refills while the burst arrives.
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThanOrEqual(AWARENESS_RATE.limit + 25);
    socket.close();
  });
});
