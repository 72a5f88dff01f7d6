// The write guard judges an update by what it changed (runs of characters, added and removed
// blocks), in proportion to the change. It must reach the verdict of the reference, which applies
// the same rules to every character and every child of what the update touched
// (./guard-reference.ts): random edits by users with every kind of right, judged both ways.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
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
  });
  return doc;
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
    } else if (kind < 0.91 && fragment.length > 1) {
      fragment.delete(block, 1);
    } else if (kind < 0.96) {
      const old = fragment.get(block) as Y.XmlElement;
      const oldText = old.get(0) as Y.XmlText;
      const delta = oldText.toDelta() as { insert: string; attributes?: Record<string, unknown> }[];
      const first = delta[0];
      const agreement = old.getAttribute("agreement") ?? undefined;
      fragment.delete(block, 1);
      fragment.insert(block, [paragraphOf(first?.insert ?? "Rewritten.", first?.attributes, agreement)]);
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
