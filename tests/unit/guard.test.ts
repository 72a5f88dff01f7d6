// The write guard judges an update by what it changed (runs of characters, added and removed
// blocks), in proportion to the change. It must reach the verdict of the reference, which applies
// the same rules to every character and every child of what the update touched
// (./guard-reference.ts): random edits by users with every kind of right, judged both ways.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BLOCK_DELETE, BLOCK_INSERT, newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
import { judgeUpdate } from "@/server/collab/guard/judge-update";
import { documentSchema } from "@/server/collab/paper-state";
import type { WriteRights } from "@/server/policy";
import { referenceVerdict } from "./guard-reference";

const ME = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const MY_PARTNER = "33333333-3333-4333-8333-333333333333";
const OTHER_PARTNER = "44444444-4444-4444-8444-444444444444";

const RIGHTS: Record<string, WriteRights> = {
  chair: {
    userId: ME,
    partnerId: MY_PARTNER,
    suggestOnly: false,
    commentOnly: false,
    markAgreement: true,
    decideSuggestions: true,
  },
  editor: {
    userId: ME,
    partnerId: MY_PARTNER,
    suggestOnly: false,
    commentOnly: false,
    markAgreement: false,
    decideSuggestions: false,
  },
  suggester: {
    userId: ME,
    partnerId: MY_PARTNER,
    suggestOnly: true,
    commentOnly: false,
    markAgreement: false,
    decideSuggestions: false,
  },
  commenter: {
    userId: ME,
    partnerId: MY_PARTNER,
    suggestOnly: false,
    commentOnly: true,
    markAgreement: false,
    decideSuggestions: false,
  },
};

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: T[]) => items[Math.floor(next() * items.length)] as T,
  };
}

const myAnchor = newAnchorId(ME);
const otherAnchor = newAnchorId(OTHER);
const mySuggestion = newSuggestionId(ME, MY_PARTNER);
const otherSuggestion = newSuggestionId(OTHER, OTHER_PARTNER);

/** Formatting an edit may carry: none, plain marks, anchors and suggestions of either user. */
const ATTRIBUTES: (Record<string, unknown> | undefined)[] = [
  undefined,
  undefined,
  undefined,
  { bold: {} },
  { suggestionInsert: { id: mySuggestion } },
  { suggestionInsert: { id: mySuggestion } },
  { suggestionInsert: { id: otherSuggestion } },
  { suggestionDelete: { id: mySuggestion } },
  { suggestionFormat: { id: mySuggestion, formats: "bold" } },
  { suggestionFormat: { id: otherSuggestion, formats: "italic" } },
  { "commentAnchor--mineabcd": { id: myAnchor } },
  { "commentAnchor--otherxyz": { id: otherAnchor } },
];

function baseDocument(): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("default");
  const texts = [
    ["Member States recognise the contribution of migrants. ", undefined],
    ["Pending addition by another state. ", { suggestionInsert: { id: otherSuggestion } }],
    ["My own pending words. ", { suggestionInsert: { id: mySuggestion } }],
    ["Commented by someone else. ", { "commentAnchor--otherxyz": { id: otherAnchor } }],
    ["Commented by me. ", { "commentAnchor--mineabcd": { id: myAnchor } }],
  ] as const;
  const proposed = [
    ["A paragraph I proposed. ", mySuggestion],
    ["A paragraph another state proposed. ", otherSuggestion],
  ] as const;
  doc.transact(() => {
    for (const [words, attrs] of texts) {
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.insert(fragment.length, [paragraph]);
      text.insert(0, "Plain start. ");
      text.insert(text.length, words, attrs ? { ...attrs } : undefined);
      text.insert(text.length, "Plain end.");
    }
    for (const [words, id] of proposed) fragment.insert(fragment.length, [proposedParagraph(words, id)]);
  });
  return doc;
}

/** A paragraph proposed as a block suggestion: the block and its words under one id. */
function proposedParagraph(words: string, id: string): Y.XmlElement {
  const paragraph = paragraphOf(words, { suggestionInsert: { id } });
  paragraph.setAttribute(BLOCK_INSERT, id);
  return paragraph;
}

function textsOf(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment("default")
    .toArray()
    .map((paragraph) => (paragraph as Y.XmlElement).get(0) as Y.XmlText);
}

/** A new paragraph holding `words`, with `attrs` on them, and an agreement value if given. */
function paragraphOf(words: string, attrs?: Record<string, unknown>, agreement?: string): Y.XmlElement {
  const paragraph = new Y.XmlElement("paragraph");
  if (agreement) paragraph.setAttribute("agreement", agreement);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, words, attrs ? { ...attrs } : undefined);
  return paragraph;
}

/**
 * One random edit, as an editor would send it: typing, deleting or formatting a range, and less
 * often adding, removing, rewriting (a split or pasted-over paragraph: the old one removed, a new
 * one with its words, marks and agreement value) or marking a paragraph.
 */
function randomEdit(doc: Y.Doc, rng: ReturnType<typeof random>) {
  const fragment = doc.getXmlFragment("default");
  const text = rng.pick(textsOf(doc));
  const length = text.length;
  const at = rng.int(length + 1);
  const kind = rng.next();
  const block = rng.int(fragment.length);
  doc.transact(() => {
    if (kind < 0.45) {
      text.insert(at, rng.pick(["a", "word ", "x", "Typed. "]), rng.pick(ATTRIBUTES));
    } else if (kind < 0.65 && length > 0) {
      const from = Math.min(at, length - 1);
      text.delete(from, 1 + rng.int(Math.min(6, length - from)));
    } else if (kind < 0.82 && length > 0) {
      const from = Math.min(at, length - 1);
      const attrs = rng.pick(ATTRIBUTES.filter((a) => a !== undefined)) as Record<string, unknown>;
      const clear = rng.next() < 0.3;
      text.format(
        from,
        1 + rng.int(Math.min(6, length - from)),
        clear ? Object.fromEntries(Object.keys(attrs).map((k) => [k, null])) : attrs,
      );
    } else if (kind < 0.87) {
      const count = 1 + rng.int(3);
      const added = Array.from({ length: count }, () =>
        paragraphOf(rng.pick(["New words. ", "Pasted."]), rng.pick(ATTRIBUTES), rng.pick([undefined, "bracketed"])),
      );
      fragment.insert(rng.int(fragment.length + 1), added);
    } else if (kind < 0.89) {
      const id = rng.pick([mySuggestion, mySuggestion, otherSuggestion]);
      fragment.insert(rng.int(fragment.length + 1), [proposedParagraph(rng.pick(["Proposed. ", "New text. "]), id)]);
    } else if (kind < 0.91) {
      const paragraph = fragment.get(block) as Y.XmlElement;
      const value = rng.pick([mySuggestion, mySuggestion, otherSuggestion, null]);
      if (value === null) paragraph.removeAttribute(BLOCK_DELETE);
      else paragraph.setAttribute(BLOCK_DELETE, value);
    } else if (kind < 0.93 && fragment.length > 1) {
      fragment.delete(block, 1);
    } else if (kind < 0.96) {
      const old = fragment.get(block) as Y.XmlElement;
      const oldText = old.get(0) as Y.XmlText;
      const delta = oldText.toDelta() as { insert: string; attributes?: Record<string, unknown> }[];
      const first = delta[0];
      const agreement = old.getAttribute("agreement") ?? undefined;
      const proposedBy = old.getAttribute(BLOCK_INSERT);
      fragment.delete(block, 1);
      const rewritten = paragraphOf(first?.insert ?? "Rewritten.", first?.attributes, agreement);
      if (proposedBy) rewritten.setAttribute(BLOCK_INSERT, proposedBy);
      fragment.insert(block, [rewritten]);
    } else {
      (fragment.get(block) as Y.XmlElement).setAttribute("agreement", rng.pick(["bracketed", "adRef"]));
    }
  });
}

describe("the write guard", () => {
  it("reaches the reference's verdict on random edits, for every kind of right", () => {
    const schema = documentSchema();
    let refused = 0;
    let judged = 0;
    let structural = 0;
    for (const [role, rights] of Object.entries(RIGHTS)) {
      for (let seed = 1; seed <= 30; seed++) {
        const rng = random(seed * 7919 + role.length);
        const live = new Y.Doc();
        Y.applyUpdate(live, Y.encodeStateAsUpdate(baseDocument()));
        for (let step = 0; step < 25; step++) {
          const client = new Y.Doc();
          Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
          const blocksBefore = client.getXmlFragment("default").length;
          randomEdit(client, rng);
          const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
          const expected = referenceVerdict(live, update, rights, schema);
          const verdict = judgeUpdate(live, update, rights, schema);
          judged++;
          expect(verdict.ok, `${role}, seed ${seed}, step ${step}: ${JSON.stringify(verdict)}`).toBe(expected);
          if (client.getXmlFragment("default").length !== blocksBefore) structural++;
          if (!verdict.ok) {
            refused++;
            continue;
          }
          Y.applyUpdate(live, update);
        }
      }
    }
    // The comparison means something only if both outcomes and block edits were exercised.
    expect(refused).toBeGreaterThan(judged / 10);
    expect(judged - refused).toBeGreaterThan(judged / 3);
    expect(structural).toBeGreaterThan(judged / 20);
  });

  it("lets anchors and suggestions move with the text that held them, and nowhere else", () => {
    const schema = documentSchema();
    const live = baseDocument();
    const edit = (change: (doc: Y.Doc) => void) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
      client.transact(() => change(client));
      const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
      const verdict = judgeUpdate(live, update, RIGHTS.editor as WriteRights, schema);
      if (verdict.ok) Y.applyUpdate(live, update);
      return verdict;
    };
    const text = (doc: Y.Doc, paragraph: number) => textsOf(doc)[paragraph] as Y.XmlText;
    expect(edit((doc) => text(doc, 0).insert(5, "typed "))).toEqual({ ok: true });
    expect(edit((doc) => text(doc, 0).delete(0, 3))).toEqual({ ok: true });
    expect(edit((doc) => text(doc, 0).format(0, 4, { bold: {} }))).toEqual({ ok: true });
    // Typing inside text another user anchored carries the anchor.
    expect(edit((doc) => text(doc, 3).insert(15, "x"))).toEqual({ ok: true });
    // Carrying it to text it never covered is refused.
    expect(
      edit((doc) => text(doc, 0).insert(2, "x", { "commentAnchor--otherxyz": { id: otherAnchor } })),
    ).toMatchObject({ ok: false });
    // A paragraph rewritten (removed, and written again with its words) keeps another user's anchor.
    expect(
      edit((doc) => {
        const fragment = doc.getXmlFragment("default");
        fragment.delete(3, 1);
        fragment.insert(3, [paragraphOf("Commented again.", { "commentAnchor--otherxyz": { id: otherAnchor } })]);
      }),
    ).toEqual({ ok: true });
  });
});

describe("the write guard on block suggestions", () => {
  const judgeAs = (rights: WriteRights, change: (doc: Y.Doc) => void, live = baseDocument()) => {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
    client.transact(() => change(client));
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
    return judgeUpdate(live, update, rights, documentSchema());
  };
  const suggester = RIGHTS.suggester as WriteRights;
  const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment("default");
  const block = (doc: Y.Doc, index: number) => fragmentOf(doc).get(index) as Y.XmlElement;
  // Indexes in baseDocument(): 0–4 agreed paragraphs, 5 mine proposed, 6 another state's proposed.

  it("lets a delegate in suggest mode propose a paragraph in their own name only", () => {
    const add = (paragraph: Y.XmlElement) => judgeAs(suggester, (doc) => fragmentOf(doc).insert(1, [paragraph]));
    expect(add(proposedParagraph("A new paragraph. ", mySuggestion))).toEqual({ ok: true });
    const empty = new Y.XmlElement("paragraph");
    empty.setAttribute(BLOCK_INSERT, mySuggestion);
    expect(add(empty)).toEqual({ ok: true });
    expect(add(paragraphOf("Not proposed. ", { suggestionInsert: { id: mySuggestion } }))).toMatchObject({ ok: false });
    expect(add(proposedParagraph("In another's name. ", otherSuggestion))).toMatchObject({ ok: false });
    // The block in my name, its words agreed text: refused.
    const unmarked = paragraphOf("Agreed words. ");
    unmarked.setAttribute(BLOCK_INSERT, mySuggestion);
    expect(add(unmarked)).toMatchObject({ ok: false });
    // A proposed list: every block inside carries the proposal.
    const list = (innerId: string | null) => {
      const bulletList = new Y.XmlElement("bulletList");
      const item = new Y.XmlElement("listItem");
      bulletList.setAttribute(BLOCK_INSERT, mySuggestion);
      if (innerId) item.setAttribute(BLOCK_INSERT, innerId);
      item.insert(0, [proposedParagraph("Item. ", mySuggestion)]);
      bulletList.insert(0, [item]);
      return bulletList;
    };
    expect(add(list(mySuggestion))).toEqual({ ok: true });
    expect(add(list(null))).toMatchObject({ ok: false });
  });

  it("lets a delegate in suggest mode propose deleting a block, and take back only their own proposals", () => {
    expect(judgeAs(suggester, (doc) => block(doc, 0).setAttribute(BLOCK_DELETE, mySuggestion))).toEqual({ ok: true });
    expect(judgeAs(suggester, (doc) => block(doc, 0).setAttribute(BLOCK_DELETE, otherSuggestion))).toMatchObject({
      ok: false,
    });
    expect(judgeAs(suggester, (doc) => block(doc, 0).setAttribute(BLOCK_INSERT, mySuggestion))).toMatchObject({
      ok: false,
    });
    // Deleting a proposed block is taking it back: only one's own.
    expect(judgeAs(suggester, (doc) => fragmentOf(doc).delete(5, 1))).toEqual({ ok: true });
    expect(judgeAs(suggester, (doc) => fragmentOf(doc).delete(6, 1))).toMatchObject({ ok: false });
    expect(judgeAs(suggester, (doc) => fragmentOf(doc).delete(0, 1))).toMatchObject({ ok: false });
    expect(judgeAs(suggester, (doc) => block(doc, 6).setAttribute(BLOCK_DELETE, mySuggestion))).toMatchObject({
      ok: false,
    });
    // Unmarking: one's own mark only.
    // A fresh document per judgement: an accepted update stays in the document's shadow.
    const marked = () => {
      const doc = baseDocument();
      block(doc, 1).setAttribute(BLOCK_DELETE, otherSuggestion);
      block(doc, 2).setAttribute(BLOCK_DELETE, mySuggestion);
      return doc;
    };
    expect(judgeAs(suggester, (doc) => block(doc, 2).removeAttribute(BLOCK_DELETE), marked())).toEqual({ ok: true });
    expect(judgeAs(suggester, (doc) => block(doc, 1).removeAttribute(BLOCK_DELETE), marked())).toMatchObject({
      ok: false,
    });
    // The chair decides anyone's; an editor without that right only their own.
    const chair = RIGHTS.chair as WriteRights;
    const editor = RIGHTS.editor as WriteRights;
    expect(judgeAs(chair, (doc) => block(doc, 1).removeAttribute(BLOCK_DELETE), marked())).toEqual({ ok: true });
    expect(judgeAs(editor, (doc) => block(doc, 1).removeAttribute(BLOCK_DELETE), marked())).toMatchObject({
      ok: false,
    });
    expect(judgeAs(editor, (doc) => block(doc, 6).removeAttribute(BLOCK_INSERT))).toMatchObject({ ok: false });
    expect(judgeAs(chair, (doc) => block(doc, 6).removeAttribute(BLOCK_INSERT))).toEqual({ ok: true });
  });

  it("lets a delegate in suggest mode propose formatting for agreed text, in their own name only", () => {
    const textOf = (doc: Y.Doc, index: number) => block(doc, index).get(0) as Y.XmlText;
    const propose =
      (formats: string, id = mySuggestion) =>
      (doc: Y.Doc) =>
        textOf(doc, 0).format(0, 6, { suggestionFormat: { id, formats } });
    expect(judgeAs(suggester, propose("bold"))).toEqual({ ok: true });
    expect(judgeAs(suggester, propose("bold italic"))).toEqual({ ok: true });
    expect(judgeAs(suggester, propose("bold", otherSuggestion))).toMatchObject({ ok: false });
    expect(judgeAs(suggester, propose("bold script"))).toMatchObject({ ok: false });
    // Formatting itself stays the chair's and editors' to change.
    expect(judgeAs(suggester, (doc) => textOf(doc, 0).format(0, 6, { bold: {} }))).toMatchObject({ ok: false });
    // Not on another state's pending insertion (paragraph 1 holds one after "Plain start. ").
    expect(
      judgeAs(suggester, (doc) =>
        textOf(doc, 1).format(13, 5, { suggestionFormat: { id: mySuggestion, formats: "bold" } }),
      ),
    ).toMatchObject({ ok: false });
    // Taking a proposal back: one's own only; the chair decides anyone's.
    const proposed = (id: string) => {
      const doc = baseDocument();
      textOf(doc, 0).format(0, 6, { suggestionFormat: { id, formats: "bold" } });
      return doc;
    };
    const clear = (doc: Y.Doc) => textOf(doc, 0).format(0, 6, { suggestionFormat: null });
    expect(judgeAs(suggester, clear, proposed(mySuggestion))).toEqual({ ok: true });
    expect(judgeAs(suggester, clear, proposed(otherSuggestion))).toMatchObject({ ok: false });
    expect(judgeAs(RIGHTS.chair as WriteRights, clear, proposed(otherSuggestion))).toEqual({ ok: true });
    expect(judgeAs(RIGHTS.commenter as WriteRights, propose("bold"))).toMatchObject({ ok: false });
  });

  it("lets a delegate in suggest mode type into an empty paragraph, and a commenter add nothing", () => {
    const live = baseDocument();
    fragmentOf(live).insert(0, [new Y.XmlElement("paragraph")]);
    const typeInto = (rights: WriteRights, id: string | null) =>
      judgeAs(
        rights,
        (doc) => {
          const text = new Y.XmlText();
          block(doc, 0).insert(0, [text]);
          if (id) text.insert(0, "Typed.", { suggestionInsert: { id } });
        },
        live,
      );
    expect(typeInto(suggester, mySuggestion)).toEqual({ ok: true });
    expect(typeInto(suggester, otherSuggestion)).toMatchObject({ ok: false });
    expect(typeInto(RIGHTS.commenter as WriteRights, null)).toMatchObject({ ok: false });
  });
});

describe("the write guard's schema checks", () => {
  // Names every object inherits (`"toString" in {}` is true): only the schema's own count.
  const inherited = ["toString", "constructor", "hasOwnProperty", "__proto__", "valueOf"];
  const judgeEdit = (change: (doc: Y.Doc) => void) => {
    const live = baseDocument();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
    client.transact(() => change(client));
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
    return judgeUpdate(live, update, RIGHTS.chair as WriteRights, documentSchema());
  };
  const firstParagraph = (doc: Y.Doc) => doc.getXmlFragment("default").get(0) as Y.XmlElement;

  it("refuses block attributes the schema does not define, inherited names included", () => {
    expect(judgeEdit((doc) => firstParagraph(doc).setAttribute("agreement", "bracketed"))).toEqual({ ok: true });
    for (const name of inherited) {
      expect(
        judgeEdit((doc) => firstParagraph(doc).setAttribute(name, "x")),
        name,
      ).toMatchObject({ ok: false });
    }
  });

  it("refuses nodes and marks the schema does not define, inherited names included", () => {
    for (const name of inherited.filter((n) => n !== "__proto__")) {
      const node = judgeEdit((doc) => doc.getXmlFragment("default").insert(0, [new Y.XmlElement(name)]));
      expect(node, `node ${name}`).toMatchObject({ ok: false });
      const mark = judgeEdit((doc) => (firstParagraph(doc).get(0) as Y.XmlText).format(0, 3, { [name]: {} }));
      expect(mark, `mark ${name}`).toMatchObject({ ok: false });
    }
    const markAttribute = judgeEdit((doc) =>
      (firstParagraph(doc).get(0) as Y.XmlText).format(0, 3, { link: { href: "https://example.org", toString: 1 } }),
    );
    expect(markAttribute).toMatchObject({ ok: false });
  });
});

describe("the write guard on the ledger of agreement", () => {
  const judgeLedger = (rights: WriteRights, change: (doc: Y.Doc) => void) => {
    const live = baseDocument();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
    client.transact(() => change(client));
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
    return judgeUpdate(live, update, rights, documentSchema());
  };
  const first = (doc: Y.Doc) => doc.getXmlFragment("default").get(0) as Y.XmlElement;
  const chair = RIGHTS.chair as WriteRights;
  const editor = RIGHTS.editor as WriteRights;

  it("lets the chair mark a paragraph agreed, or ad ref. by named delegations until a date", () => {
    expect(judgeLedger(chair, (doc) => first(doc).setAttribute("agreement", "agreed"))).toEqual({ ok: true });
    const adRef = judgeLedger(chair, (doc) => {
      first(doc).setAttribute("agreement", "adRef");
      first(doc).setAttribute("agreementPartners", [MY_PARTNER, OTHER_PARTNER] as unknown as string);
      first(doc).setAttribute("agreementUntil", "2026-12-12");
    });
    expect(adRef).toEqual({ ok: true });
  });

  it("refuses ledger values the schema does not allow, even from the chair", () => {
    const invalid: [string, unknown][] = [
      ["agreement", "settled"],
      ["agreementPartners", "not-a-list"],
      ["agreementPartners", ["not-a-uuid"]],
      ["agreementPartners", [MY_PARTNER, MY_PARTNER]],
      [
        "agreementPartners",
        Array.from({ length: 51 }, (_, i) => `${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`),
      ],
      ["agreementUntil", "12 Dec"],
      ["agreementUntil", "2026-02-30"],
      ["agreementUntil", 20261212],
    ];
    for (const [key, value] of invalid) {
      expect(
        judgeLedger(chair, (doc) => first(doc).setAttribute(key, value as string)),
        `${key}=${JSON.stringify(value)}`,
      ).toMatchObject({ ok: false });
    }
  });

  it("refuses every ledger attribute from a connection without the right to mark agreement", () => {
    for (const [key, value] of [
      ["agreement", "agreed"],
      ["agreementPartners", [OTHER_PARTNER]],
      ["agreementUntil", "2026-12-12"],
    ] as const) {
      expect(
        judgeLedger(editor, (doc) => first(doc).setAttribute(key, value as unknown as string)),
        key,
      ).toMatchObject({ ok: false });
    }
  });

  it("refuses a new block carrying ledger values no removed or preceding block had", () => {
    const forged = judgeLedger(editor, (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.setAttribute("agreementPartners", [OTHER_PARTNER] as unknown as string);
      doc.getXmlFragment("default").insert(1, [paragraph]);
    });
    expect(forged).toMatchObject({ ok: false });
  });
});
