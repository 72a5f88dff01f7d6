// The ledger of agreement through the real collaboration server, policy and database: the chair
// marks a paragraph ad referendum by a delegation until a date, and it is stored with the text;
// a delegate's forged `agreementPartners` (or status) is refused by the write guard and nothing
// of it reaches the live or stored text.
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { DocNode } from "@/lib/document";
import { paragraphLedger } from "@/lib/ledger";
import { compactPaper } from "@/server/collab/compaction";
import { reloadPaper } from "../helpers/factories";
import { useCollabHarness } from "./harness";
import { waitFor } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000, storeDebounceMs: 200 });

const live = (paperId: string) => harness.liveDoc(paperId) as Y.Doc;
const liveJson = (paperId: string) => JSON.stringify(live(paperId).getXmlFragment("default").toJSON());
const block = (doc: Y.Doc, index: number) => doc.getXmlFragment("default").get(index) as Y.XmlElement;

describe("the ledger of agreement on the collaboration socket", () => {
  it("stores the chair's ad ref. with its delegation and date, and refuses a delegate's forged delegations", async () => {
    const { paper } = await harness.paper("draft");
    const delegatePartner = harness.world.partnerOf.delegate;
    expect(delegatePartner).toBeTruthy();

    // The chair stays connected, so the live document stays loaded between refusals.
    const chair = await harness.syncedClient("chair", paper.id);
    // A delegate in draft may edit the text, but may not name delegations in the ledger.
    const delegate = await harness.syncedClient("delegate", paper.id);
    const before = liveJson(paper.id);
    block(delegate.doc, 1).setAttribute("agreementPartners", [delegatePartner] as unknown as string);
    await delegate.settled();
    expect(delegate.refused()).toBe(true);
    expect(liveJson(paper.id)).toBe(before);

    const forger = await harness.syncedClient("delegate", paper.id);
    block(forger.doc, 1).setAttribute("agreement", "agreed");
    await forger.settled();
    expect(forger.refused()).toBe(true);
    expect(liveJson(paper.id)).toBe(before);

    // The chair may, through the same socket.
    chair.doc.transact(() => {
      block(chair.doc, 1).setAttribute("agreement", "adRef");
      block(chair.doc, 1).setAttribute("agreementPartners", [delegatePartner] as unknown as string);
      block(chair.doc, 1).setAttribute("agreementUntil", "2026-12-12");
    });
    await chair.settled();
    expect(chair.refused()).toBe(false);
    await waitFor(() => liveJson(paper.id).includes("2026-12-12"));

    await compactPaper(harness.db(), paper.id);
    const stored = await reloadPaper(harness.db(), paper.id);
    const entry = paragraphLedger(stored.contentJson as DocNode).find((e) => e.index === 1);
    expect(entry).toMatchObject({ status: "adRef", partners: [delegatePartner], until: "2026-12-12" });
  });
});
