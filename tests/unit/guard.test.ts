// The write guard judges typing by a fast path (only the characters an update added or removed)
// and everything else by listing every character before and after. The fast path must reach
// the same verdict as the full judgement: random edits by users with every kind of right,
// judged both ways on identical documents.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { newAnchorId, newSuggestionId } from "@/lib/editor/annotations";
import { judgeUpdate } from "@/server/collab/guard/judge-update";
import { documentSchema } from "@/server/collab/paper-state";
import type { WriteRights } from "@/server/policy";

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

/** One random edit, as an editor would send it: typing, deleting, or formatting a range. */
function randomEdit(doc: Y.Doc, rng: ReturnType<typeof random>) {
  const text = rng.pick(textsOf(doc));
  const length = text.length;
  const at = rng.int(length + 1);
  const kind = rng.next();
  doc.transact(() => {
    if (kind < 0.55) {
      text.insert(at, rng.pick(["a", "word ", "x", "Typed. "]), rng.pick(ATTRIBUTES));
    } else if (kind < 0.8 && length > 0) {
      const from = Math.min(at, length - 1);
      text.delete(from, 1 + rng.int(Math.min(6, length - from)));
    } else if (length > 0) {
      const from = Math.min(at, length - 1);
      const attrs = rng.pick(ATTRIBUTES.filter((a) => a !== undefined)) as Record<string, unknown>;
      const clear = rng.next() < 0.3;
      text.format(
        from,
        1 + rng.int(Math.min(6, length - from)),
        clear ? Object.fromEntries(Object.keys(attrs).map((k) => [k, null])) : attrs,
      );
    }
  });
}

describe("the write guard's typing fast path", () => {
  it("reaches the full judgement's verdict on random edits, for every kind of right", () => {
    const schema = documentSchema();
    let quick = 0;
    let refused = 0;
    let judged = 0;
    for (const [role, rights] of Object.entries(RIGHTS)) {
      for (let seed = 1; seed <= 40; seed++) {
        const rng = random(seed * 7919 + role.length);
        const base = Y.encodeStateAsUpdate(baseDocument());
        const fast = new Y.Doc();
        const full = new Y.Doc();
        Y.applyUpdate(fast, base);
        Y.applyUpdate(full, base);
        for (let step = 0; step < 25; step++) {
          const client = new Y.Doc();
          Y.applyUpdate(client, Y.encodeStateAsUpdate(fast));
          randomEdit(client, rng);
          const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(fast));
          const a = judgeUpdate(fast, update, rights, schema);
          const b = judgeUpdate(full, update, rights, schema, { thorough: true });
          judged++;
          expect(a.ok, `${role}, seed ${seed}, step ${step}: ${JSON.stringify([a, b])}`).toBe(b.ok);
          if (a.ok && a.quick) quick++;
          if (!a.ok) {
            refused++;
            continue;
          }
          Y.applyUpdate(fast, update);
          Y.applyUpdate(full, update);
        }
      }
    }
    // The comparison means something only if both paths and both outcomes were exercised.
    expect(quick).toBeGreaterThan(judged / 5);
    expect(refused).toBeGreaterThan(judged / 10);
    expect(judged - refused - quick).toBeGreaterThan(judged / 10);
  });

  it("takes the fast path for plain typing and deleting, and not for new formatting", () => {
    const schema = documentSchema();
    const live = baseDocument();
    const edit = (change: (text: Y.XmlText) => void, paragraph = 0) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
      change(textsOf(client)[paragraph] as Y.XmlText);
      const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(live));
      const verdict = judgeUpdate(live, update, RIGHTS.editor as WriteRights, schema);
      if (verdict.ok) Y.applyUpdate(live, update);
      return verdict;
    };
    expect(edit((text) => text.insert(5, "typed "))).toEqual({ ok: true, quick: true });
    expect(edit((text) => text.delete(0, 3))).toEqual({ ok: true, quick: true });
    expect(edit((text) => text.format(0, 4, { bold: {} }))).toEqual({ ok: true });
    // Typing inside text another user anchored carries the anchor: judged in full, allowed.
    expect(edit((text) => text.insert(15, "x"), 3)).toEqual({ ok: true });
    // Carrying it to text it never covered is refused.
    expect(edit((text) => text.insert(2, "x", { "commentAnchor--otherxyz": { id: otherAnchor } }))).toMatchObject({
      ok: false,
    });
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
