// Issue 15, finding 4, against a real collaboration server: the live text carries pending
// suggestions and comment anchors (fallback positions a delegation did not mean to show outside
// the dialogue). The HLD reviewer, who may read the submitted paper but not its threads, gets no
// socket to it; the secretariat and the dialogue's members still read it live.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { papers } from "@/db/schema";
import { REFUSAL } from "@/lib/collab/wire";
import { useCollabHarness } from "../collab/harness";

const harness = useCollabHarness();

describe("a submitted paper's live text", () => {
  it("is refused to the HLD reviewer and opened read-only to a member", async () => {
    // The demo's submitted paper (the Africa-EU MME partnership's).
    const [paper] = await harness.db().select().from(papers).where(eq(papers.status, "submitted")).limit(1);
    if (!paper) throw new Error("the demo data has no submitted paper");
    const reviewer = await harness.client("hld_reviewer", paper.id);
    expect(await reviewer.outcome).toEqual({ ok: false, reason: REFUSAL.forbidden });
    expect(reviewer.provider.isSynced).toBe(false);
    expect(reviewer.text()).toBe("");

    const secretariat = await harness.client("admin", paper.id);
    expect(await secretariat.outcome).toEqual({ ok: true, scope: "readonly" });
  });
});
