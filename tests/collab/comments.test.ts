// Comments and suggestions against the real policy, database and collaboration server: the
// write guard on the socket (suggest-only and comment-only connections, anchors, agreement
// marks), accepting and rejecting through the domain function, mentions, and escaping.
import { and, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { CommentBody } from "@/components/comments/CommentBody";
import { auditEvents, commentThreads, notifications } from "@/db/schema";
import { newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
import { compactPaper } from "@/server/collab/compaction";
import { loadPaperState, paperDoc } from "@/server/collab/paper-state";
import { listSuggestions } from "@/server/collab/suggestions";
import { createThread, replyToThread, setThreadResolved } from "@/server/domain/comments";
import { decideSuggestions, withdrawSuggestion } from "@/server/domain/suggestions";
import { freezeAndOpenRound, recordPosition, settleDueRounds } from "@/server/domain/workflow";
import { AppError } from "@/server/errors";
import { threadsForPaper } from "@/server/queries/comments";
import { compilationOfPaper } from "@/server/queries/compilation";
import { loadActor, makeMember, reloadPaper } from "../helpers/factories";
import { useCollabHarness } from "./harness";
import { textOf, waitFor } from "./helpers";

const harness = useCollabHarness({ sweepIntervalMs: 60_000, storeDebounceMs: 200 });

/** A new suggestion id of the user in `role` and their partner, as their editor makes one. */
const suggestionId = (role: "chair" | "delegate") =>
  newSuggestionId(harness.world.actors[role].id, harness.world.partnerOf[role]);

const live = (paperId: string) => harness.liveDoc(paperId) as Y.Doc;
const liveJson = (paperId: string) => JSON.stringify(live(paperId).getXmlFragment("default").toJSON());

describe("suggest-only connections (delegate in consultation)", () => {
  it("gives the delegate a writable socket where its own suggestions are stored", async () => {
    const { paper } = await harness.paper("consultation");
    const delegate = await harness.syncedClient("delegate", paper.id);
    expect(await delegate.outcome).toEqual({ ok: true, scope: "read-write" });
    const id = suggestionId("delegate");
    const text = textOf(delegate.doc, 1);
    text.insert(text.length, " Proposed by France.", { suggestionInsert: { id } });
    text.format(0, 9, {
      suggestionDelete: { id: suggestionId("delegate") },
    });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    expect(liveJson(paper.id)).toContain("Proposed by France.");
    expect(listSuggestions(live(paper.id)).map((s) => s.kind)).toEqual(["delete", "insert"]);
    // The agreed text (snapshot, revisions) does not contain the pending suggestion.
    await compactPaper(harness.db(), paper.id);
    const stored = await reloadPaper(harness.db(), paper.id);
    expect(stored.contentText).not.toContain("Proposed by France.");
    expect(stored.contentText).toContain("Migration and development");
  });

  it("refuses a direct change (typing without a suggestion, deleting text)", async () => {
    const { paper } = await harness.paper("consultation");
    await harness.syncedClient("chair", paper.id); // keeps the document loaded
    const before = liveJson(paper.id);
    const delegate = await harness.syncedClient("delegate", paper.id);
    textOf(delegate.doc, 1).insert(0, "Unsuggested ");
    await delegate.settled();
    expect(delegate.refused()).toBe(true);
    expect(liveJson(paper.id)).toBe(before);
    const again = await harness.syncedClient("delegate", paper.id);
    textOf(again.doc, 2).delete(0, 8);
    await again.settled();
    expect(again.refused()).toBe(true);
    expect(liveJson(paper.id)).toBe(before);
    expect(await harness.storedUpdates(paper.id)).toHaveLength(0);
  });

  it("refuses a raw update that applies a suggestion, or deletes another user's comment anchor", async () => {
    const { paper } = await harness.paper("consultation");
    // The chair suggests an insertion and anchors a comment; the delegate suggests a deletion.
    const chair = await harness.syncedClient("chair", paper.id);
    const chairId = suggestionId("chair");
    const anchor = newAnchorId(harness.world.actors.chair.id);
    textOf(chair.doc, 1).insert(0, "Chair adds. ", { suggestionInsert: { id: chairId } });
    textOf(chair.doc, 2).format(0, 8, { "commentAnchor--abcdefgh": { id: anchor } });
    await chair.settled();
    expect(chair.refused()).toBe(false);
    const delegate = await harness.syncedClient("delegate", paper.id);
    const ownId = suggestionId("delegate");
    textOf(delegate.doc, 2).format(9, 6, { suggestionDelete: { id: ownId } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    const before = liveJson(paper.id);

    const attempts: ((doc: Y.Doc) => void)[] = [
      // Accepting the chair's insertion: drop its mark, keep the text.
      (doc) => textOf(doc, 1).format(0, 12, { suggestionInsert: null }),
      // Rejecting it: delete the inserted text.
      (doc) => textOf(doc, 1).delete(0, 12),
      // Accepting its own deletion: really delete the text it proposed to delete.
      (doc) => textOf(doc, 2).delete(9, 6),
      // Accepting its own suggestion by removing the deletion mark is allowed (withdrawing);
      // but turning the existing text into "its insertion" is not.
      (doc) => textOf(doc, 2).format(0, 4, { suggestionInsert: { id: ownId } }),
      // Deleting another user's comment anchor.
      (doc) => textOf(doc, 2).format(0, 8, { "commentAnchor--abcdefgh": null }),
      // Changing the agreement mark of a paragraph.
      (doc) => (doc.getXmlFragment("default").get(1) as Y.XmlElement).setAttribute("agreement", "adRef"),
      // Writing to another shared type.
      (doc) => doc.getMap("evil").set("x", 1),
    ];
    for (const attempt of attempts) {
      const c = await harness.syncedClient("delegate", paper.id);
      attempt(c.doc);
      await c.settled();
      expect(c.refused()).toBe(true);
      expect(liveJson(paper.id)).toBe(before);
    }
    await compactPaper(harness.db(), paper.id);
    const stored = await reloadPaper(harness.db(), paper.id);
    expect(stored.contentText).toContain("Partners commit to mobility partnerships.");
  });

  it("refuses a delegate's request to accept or reject a suggestion, and nothing changes", async () => {
    const { paper } = await harness.paper("consultation");
    const delegate = await harness.syncedClient("delegate", paper.id);
    const id = suggestionId("delegate");
    textOf(delegate.doc, 1).insert(0, "Pending. ", { suggestionInsert: { id } });
    await delegate.settled();
    const before = liveJson(paper.id);
    const pending = (await harness.storedUpdates(paper.id)).length;
    for (const decision of ["accept", "reject"] as const) {
      await expect(
        decideSuggestions(harness.db(), harness.world.actors.delegate, {
          paperId: paper.id,
          decision,
          scope: { kind: "all" },
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(
      decideSuggestions(harness.db(), harness.world.actors.observer, {
        paperId: paper.id,
        decision: "accept",
        scope: { kind: "one", id },
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(liveJson(paper.id)).toBe(before);
    expect((await harness.storedUpdates(paper.id)).length).toBe(pending);
    const decided = await harness
      .db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.targetType, "suggestion")));
    expect(decided).toHaveLength(0);
  });

  it("lets the penholder accept one suggestion and reject another; everyone sees it; both are audited", async () => {
    const { paper } = await harness.paper("consultation");
    const delegate = await harness.syncedClient("delegate", paper.id);
    const first = suggestionId("delegate");
    const second = suggestionId("delegate");
    textOf(delegate.doc, 1).insert(0, "Accepted words. ", { suggestionInsert: { id: first } });
    textOf(delegate.doc, 2).insert(0, "Rejected words. ", { suggestionInsert: { id: second } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    await decideSuggestions(harness.db(), harness.world.actors.penholder, {
      paperId: paper.id,
      decision: "accept",
      scope: { kind: "one", id: first },
    });
    await decideSuggestions(harness.db(), harness.world.actors.penholder, {
      paperId: paper.id,
      decision: "reject",
      scope: { kind: "one", id: second },
    });
    await waitFor(() => delegate.text().includes("Accepted words.") && !delegate.text().includes("Rejected words."));
    expect(listSuggestions(live(paper.id))).toEqual([]);
    await compactPaper(harness.db(), paper.id);
    const stored = await reloadPaper(harness.db(), paper.id);
    expect(stored.contentText).toContain("Accepted words. Migration");
    expect(stored.contentText).not.toContain("Rejected words.");
    const audit = await harness
      .db()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.targetType, "suggestion")));
    expect(audit.map((a) => a.action).sort()).toEqual(["suggestion.accepted", "suggestion.rejected"]);
    expect(audit.every((a) => a.actorId === harness.world.actors.penholder.id)).toBe(true);
    // The delegate's page keeps working after the server's change.
    const third = suggestionId("delegate");
    textOf(delegate.doc, 2).insert(0, "More. ", { suggestionInsert: { id: third } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
  });
});

describe("agreement marks and anchors on editable connections", () => {
  it("refuses a delegate in draft changing a paragraph's agreement mark, but lets them edit text", async () => {
    const { paper } = await harness.paper("draft");
    const delegate = await harness.syncedClient("delegate", paper.id);
    textOf(delegate.doc, 1).insert(0, "Edited. ");
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    const before = liveJson(paper.id);
    const other = await harness.syncedClient("delegate", paper.id);
    (other.doc.getXmlFragment("default").get(1) as Y.XmlElement).setAttribute("agreement", "bracketed");
    await other.settled();
    expect(other.refused()).toBe(true);
    expect(liveJson(paper.id)).toBe(before);
    // The penholder may.
    const pen = await harness.syncedClient("penholder", paper.id);
    (pen.doc.getXmlFragment("default").get(1) as Y.XmlElement).setAttribute("agreement", "bracketed");
    await pen.settled();
    expect(pen.refused()).toBe(false);
  });

  it("lets an observer anchor their own comment but not change the text or others' anchors", async () => {
    const { paper } = await harness.paper("consultation");
    const observer = await harness.syncedClient("observer", paper.id);
    expect(await observer.outcome).toEqual({ ok: true, scope: "read-write" });
    const anchor = newAnchorId(harness.world.actors.observer.id);
    await createThread(harness.db(), harness.world.actors.observer, {
      paperId: paper.id,
      anchorId: anchor,
      quote: "Migration",
      body: "Which migration?",
    });
    textOf(observer.doc, 1).format(0, 9, { "commentAnchor--obsobsob": { id: anchor } });
    await observer.settled();
    expect(observer.refused()).toBe(false);
    expect(liveJson(paper.id)).toContain(anchor);
    const before = liveJson(paper.id);
    const typing = await harness.syncedClient("observer", paper.id);
    textOf(typing.doc, 1).insert(0, "Observer text ");
    await typing.settled();
    expect(typing.refused()).toBe(true);
    const forging = await harness.syncedClient("observer", paper.id);
    textOf(forging.doc, 2).format(0, 8, {
      "commentAnchor--forgedxx": { id: newAnchorId(harness.world.actors.chair.id) },
    });
    await forging.settled();
    expect(forging.refused()).toBe(true);
    expect(liveJson(paper.id)).toBe(before);
  });

  it("refuses an anchor id that names another user in the server action", async () => {
    const { paper } = await harness.paper("consultation");
    await expect(
      createThread(harness.db(), harness.world.actors.delegate, {
        paperId: paper.id,
        anchorId: newAnchorId(harness.world.actors.chair.id),
        quote: "x",
        body: "y",
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("threads, mentions and escaping", () => {
  it("creates a thread with an audit row, notifies the member @mentioned, resolves and reopens", async () => {
    const { paper } = await harness.paper("consultation");
    const chairName = harness.world.actors.chair.name;
    const { threadId } = await createThread(harness.db(), harness.world.actors.delegate, {
      paperId: paper.id,
      anchorId: newAnchorId(harness.world.actors.delegate.id),
      quote: "Migration and development",
      body: `@${chairName} could we say "mobility" here?`,
    });
    const rows = await harness
      .db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, harness.world.actors.chair.id), eq(notifications.kind, "mention")));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.paperId).toBe(paper.id);
    expect(rows[0]?.details).toMatchObject({ threadId, title: paper.title });
    // The author is not notified of their own mention; others not mentioned get nothing.
    const others = await harness.db().select().from(notifications).where(eq(notifications.kind, "mention"));
    expect(others.every((n) => n.userId === harness.world.actors.chair.id || n.details !== rows[0]?.details)).toBe(
      true,
    );

    await replyToThread(harness.db(), harness.world.actors.penholder, { threadId, body: "Agreed." });
    await setThreadResolved(harness.db(), harness.world.actors.penholder, { threadId, resolved: true });
    await expect(
      setThreadResolved(harness.db(), harness.world.actors.observer, { threadId, resolved: false }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await setThreadResolved(harness.db(), harness.world.actors.delegate, { threadId, resolved: false });
    const audit = await harness
      .db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, "thread"), eq(auditEvents.targetId, threadId)))
      .orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(["thread.created", "thread.resolved", "thread.reopened"]);
    const threads = await threadsForPaper(harness.db(), harness.world.actors.observer, paper.id, "en");
    expect(threads?.[0]?.comments.map((c) => c.body)).toEqual([
      `@${chairName} could we say "mobility" here?`,
      "Agreed.",
    ]);
    expect(await threadsForPaper(harness.db(), harness.world.actors.outsider, paper.id, "en")).toBeNull();
    const [thread] = await harness.db().select().from(commentThreads).where(eq(commentThreads.id, threadId));
    expect(thread?.resolvedAt).toBeNull();
  });

  it("shows XSS payloads in comment bodies as text", () => {
    const payloads = [
      `<script>alert("x")</script>`,
      `<img src=x onerror=alert(1)>`,
      `javascript:alert(1) and <a href="javascript:alert(1)">link</a>`,
      `@Chair <b>bold</b> https://example.org/?q=<svg/onload=alert(1)>`,
    ];
    for (const body of payloads) {
      const html = renderToStaticMarkup(CommentBody({ body, memberNames: ["Chair"] }));
      expect(html).not.toMatch(/<script|<img|<svg|<b>|href="javascript/i);
      expect(html).toContain("&lt;");
    }
    const linked = renderToStaticMarkup(CommentBody({ body: "See https://example.org/a.", memberNames: [] }));
    expect(linked).toContain('<a href="https://example.org/a"');
  });
});

describe("withdrawing a suggestion: the delegation that proposed it takes it back", () => {
  it("lets the author's delegation withdraw it, refuses other states and the chair, and audits it", async () => {
    const { paper } = await harness.paper("consultation");
    const { world } = harness;
    const delegate = await harness.syncedClient("delegate", paper.id);
    const mine = suggestionId("delegate");
    const colleagues = suggestionId("delegate");
    textOf(delegate.doc, 1).insert(0, "Withdrawn by me. ", { suggestionInsert: { id: mine } });
    textOf(delegate.doc, 2).insert(0, "Withdrawn by a colleague. ", { suggestionInsert: { id: colleagues } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    const pending = (await harness.storedUpdates(paper.id)).length;

    // Another state's delegation (the penholder speaks for Morocco), the chair (Senegal) and an
    // observer may not withdraw France's suggestion; nothing changes.
    for (const actor of [world.actors.penholder, world.actors.chair, world.actors.observer]) {
      await expect(withdrawSuggestion(harness.db(), actor, { paperId: paper.id, id: mine })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(listSuggestions(live(paper.id)).map((x) => x.id)).toEqual([mine, colleagues]);
    expect((await harness.storedUpdates(paper.id)).length).toBe(pending);

    // The author withdraws one; a second delegate of France withdraws the other.
    await withdrawSuggestion(harness.db(), world.actors.delegate, { paperId: paper.id, id: mine });
    const colleague = await makeMember(harness.db(), world.actors.chair, {
      dialogueId: world.dialogue.id,
      partnerId: world.partners.france,
      role: "delegate",
      label: "second-french-delegate",
    });
    const colleagueActor = await loadActor(harness.db(), colleague.userId);
    await withdrawSuggestion(harness.db(), colleagueActor, { paperId: paper.id, id: colleagues });
    await waitFor(() => !delegate.text().includes("Withdrawn by"), 5_000, "the withdrawals to reach the editor");
    expect(listSuggestions(live(paper.id))).toEqual([]);
    // Gone: a second withdrawal has nothing to take back.
    await expect(
      withdrawSuggestion(harness.db(), world.actors.delegate, { paperId: paper.id, id: mine }),
    ).rejects.toBeInstanceOf(AppError);

    const audit = await harness
      .db()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, targetId: auditEvents.targetId })
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.targetType, "suggestion")));
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "suggestion.withdrawn", actorId: world.actors.delegate.id, targetId: mine },
        { action: "suggestion.withdrawn", actorId: colleague.userId, targetId: colleagues },
      ]),
    );
    expect(audit).toHaveLength(2);
    await compactPaper(harness.db(), paper.id);
    expect((await reloadPaper(harness.db(), paper.id)).contentText).not.toContain("Withdrawn by");
  });

  it("is closed once the text is frozen: a suggestion carried into a round stays as it was", async () => {
    const { paper } = await harness.paper("consultation");
    const delegate = await harness.syncedClient("delegate", paper.id);
    const id = suggestionId("delegate");
    textOf(delegate.doc, 1).insert(0, "Frozen with the text. ", { suggestionInsert: { id } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    await freezeAndOpenRound(harness.db(), harness.world.actors.chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline: new Date(Date.now() + 86_400_000),
      carryOverSuggestions: true,
    });
    await expect(
      withdrawSuggestion(harness.db(), harness.world.actors.delegate, { paperId: paper.id, id }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const stored = paperDoc(await loadPaperState(harness.db(), paper.id));
    expect(listSuggestions(stored).map((x) => x.id)).toEqual([id]);
  });
});

describe("freezing a text with suggestions still pending", () => {
  it("stops until the chair carries them over; then they stay out of the revision and pending in the live text", async () => {
    const { paper } = await harness.paper("consultation");
    const delegate = await harness.syncedClient("delegate", paper.id);
    const id = suggestionId("delegate");
    textOf(delegate.doc, 1).insert(0, "Carried over. ", { suggestionInsert: { id } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    const chair = harness.world.actors.chair;
    const deadline = new Date(Date.now() + 86_400_000);

    await expect(
      freezeAndOpenRound(harness.db(), chair, { paperId: paper.id, procedure: "consensus", deadline }),
    ).rejects.toMatchObject({ messageKey: "errors.pendingSuggestions" });
    expect((await reloadPaper(harness.db(), paper.id)).status).toBe("consultation");

    const { revision } = await freezeAndOpenRound(harness.db(), chair, {
      paperId: paper.id,
      procedure: "consensus",
      deadline,
      carryOverSuggestions: true,
    });
    expect(JSON.stringify(revision.contentJson)).not.toContain("Carried over.");
    const stored = paperDoc(await loadPaperState(harness.db(), paper.id));
    expect(listSuggestions(stored).map((x) => x.id)).toEqual([id]);
    const [frozen] = await harness
      .db()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.action, "revision.frozen")));
    expect(frozen?.details).toMatchObject({ suggestionsCarriedOver: 1 });
  });
});

describe("suggestions carried over into a text that is then agreed", () => {
  it("lapse when the round agrees the text: gone from the live text, audited, listed as lapsed", async () => {
    const { paper } = await harness.paper("consultation");
    const { world } = harness;
    const delegate = await harness.syncedClient("delegate", paper.id);
    const id = suggestionId("delegate");
    textOf(delegate.doc, 1).insert(0, "Never agreed. ", { suggestionInsert: { id } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    // Under silence procedure, agreed at the deadline by the sweeper (no actor), nobody objecting.
    await freezeAndOpenRound(harness.db(), world.actors.chair, {
      paperId: paper.id,
      procedure: "silence",
      deadline: new Date(Date.now() + 86_400_000),
      carryOverSuggestions: true,
    });
    await recordPosition(harness.db(), world.actors.penholder, {
      paperId: paper.id,
      partnerId: world.partnerOf.penholder as string,
      value: "approve",
    });
    await settleDueRounds(harness.db(), new Date(Date.now() + 2 * 86_400_000));
    expect((await reloadPaper(harness.db(), paper.id)).status).toBe("agreed");
    // Nothing is left that nobody could decide: stored and live texts are the agreed one.
    expect(listSuggestions(paperDoc(await loadPaperState(harness.db(), paper.id)))).toEqual([]);
    await waitFor(
      () => !delegate.text().includes("Never agreed."),
      5_000,
      "the live text to lose the lapsed suggestion",
    );
    const audit = await harness
      .db()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.paperId, paper.id), eq(auditEvents.targetId, id)));
    expect(audit).toEqual([{ action: "suggestion.lapsed", actorId: null }]);
    const compilation = await compilationOfPaper(
      harness.db(),
      world.actors.chair,
      await reloadPaper(harness.db(), paper.id),
      "en",
    );
    expect(compilation?.rows.find((row) => row.id === id)).toMatchObject({ status: "lapsed" });
  });
});

describe("deciding the suggestions in a selection", () => {
  it("accepts exactly the suggestions named, and leaves the others pending", async () => {
    const { paper } = await harness.paper("consultation");
    const delegate = await harness.syncedClient("delegate", paper.id);
    const [first, second, third] = [suggestionId("delegate"), suggestionId("delegate"), suggestionId("delegate")];
    textOf(delegate.doc, 1).insert(0, "One. ", { suggestionInsert: { id: first } });
    textOf(delegate.doc, 1).insert(textOf(delegate.doc, 1).length, " Two.", { suggestionInsert: { id: second } });
    textOf(delegate.doc, 2).insert(0, "Three. ", { suggestionInsert: { id: third } });
    await delegate.settled();
    expect(delegate.refused()).toBe(false);
    const decided = await decideSuggestions(harness.db(), harness.world.actors.penholder, {
      paperId: paper.id,
      decision: "accept",
      scope: { kind: "selection", ids: [first, second, "no-such-id"] },
    });
    expect(decided.sort()).toEqual([first, second].sort());
    await waitFor(() => listSuggestions(live(paper.id)).length === 1, 5_000, "the decision to reach the live text");
    expect(listSuggestions(live(paper.id)).map((x) => x.id)).toEqual([third]);
    await compactPaper(harness.db(), paper.id);
    expect((await reloadPaper(harness.db(), paper.id)).contentText).toMatch(/One\. .* Two\./);
  });
});
