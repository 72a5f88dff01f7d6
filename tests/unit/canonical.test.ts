// The canonical content and SHA-256 that identify a revision: stable across key order, Unicode
// normalization form and absent-vs-empty values, and fixed forever (a golden value).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DocNode } from "@/lib/document";
import { canonicalContent, contentHash, sha256Hex } from "@/server/canonical";

const doc: DocNode = {
  type: "doc",
  content: [
    {
      type: "heading",
      attrs: { level: 1 },
      content: [{ type: "text", text: "Déclaration de Rabat", marks: [{ type: "bold" }] }],
    },
    { type: "paragraph", content: [{ type: "text", text: "Migration et développement" }] },
  ],
};

// The same document as jsonb or another driver might hand it back: every key order reversed.
const reordered = {
  content: [
    {
      content: [{ marks: [{ type: "bold" }], text: "Déclaration de Rabat", type: "text" }],
      attrs: { level: 1 },
      type: "heading",
    },
    { content: [{ text: "Migration et développement", type: "text" }], type: "paragraph" },
  ],
  type: "doc",
} as DocNode;

const GOLDEN_CANONICAL =
  '{"content":[{"attrs":{"level":1},"content":[{"marks":[{"type":"bold"}],"text":"Déclaration de Rabat","type":"text"}],"type":"heading"},{"content":[{"text":"Migration et développement","type":"text"}],"type":"paragraph"}],"type":"doc"}';
const GOLDEN_HASH = "9f3ead8d460dbbba33feb0824c12759b7af5d2d44e4aaf7ff6c9f142719ab971";

describe("canonicalContent / contentHash", () => {
  it("is independent of key order", () => {
    expect(canonicalContent(reordered)).toBe(canonicalContent(doc));
    expect(contentHash(reordered).hash).toBe(contentHash(doc).hash);
  });

  it("normalizes strings to NFC: composed and decomposed accents hash the same", () => {
    const decomposed = JSON.parse(JSON.stringify(doc).normalize("NFD")) as DocNode;
    expect(JSON.stringify(decomposed)).not.toBe(JSON.stringify(doc));
    expect(contentHash(decomposed).hash).toBe(contentHash(doc).hash);
    expect(canonicalContent(decomposed)).toBe(canonicalContent(doc).normalize("NFC"));
  });

  it("drops undefined and null attributes, empty arrays and empty objects", () => {
    const bare: DocNode = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] };
    const noisy = {
      type: "doc",
      attrs: {},
      content: [
        {
          type: "paragraph",
          marks: [],
          attrs: undefined,
          content: [{ type: "text", text: "x", marks: [], attrs: null }],
        },
      ],
    } as unknown as DocNode;
    expect(canonicalContent(noisy)).toBe(canonicalContent(bare));
    const withNullAttr = { type: "heading", attrs: { level: 2, id: null } } as unknown as DocNode;
    expect(canonicalContent(withNullAttr)).toBe(canonicalContent({ type: "heading", attrs: { level: 2 } }));
  });

  // Regression: an attrs object of only nulls must vanish like an empty one.
  it("attrs holding only nulls are dropped like empty attrs", () => {
    const withNullOnly = { type: "paragraph", attrs: { textAlign: null } } as unknown as DocNode;
    expect(canonicalContent(withNullOnly)).toBe(canonicalContent({ type: "paragraph" }));
  });

  it("changes with the text, the marks and their order", () => {
    const base = contentHash(doc).hash;
    const edited = JSON.parse(JSON.stringify(doc)) as DocNode;
    const text = edited.content?.[1]?.content?.[0];
    if (!text) throw new Error("fixture");
    text.text = "Migration et développement durable";
    expect(contentHash(edited).hash).not.toBe(base);
    const italic = JSON.parse(JSON.stringify(doc)) as DocNode;
    italic.content?.[0]?.content?.[0]?.marks?.push({ type: "italic" });
    expect(contentHash(italic).hash).not.toBe(base);
    // Paragraph order is meaning: swapping paragraphs changes the hash.
    const swapped = { ...doc, content: [...(doc.content ?? [])].reverse() };
    expect(contentHash(swapped).hash).not.toBe(base);
  });

  it("keeps numbers, booleans and zero as they are", () => {
    expect(canonicalContent({ type: "cell", attrs: { colspan: 0, header: false } })).toBe(
      '{"attrs":{"colspan":0,"header":false},"type":"cell"}',
    );
  });

  it("is fixed: a known document has a known canonical form and SHA-256", () => {
    const { canonical, hash } = contentHash(doc);
    expect(canonical).toBe(GOLDEN_CANONICAL);
    expect(hash).toBe(GOLDEN_HASH);
    expect(createHash("sha256").update(GOLDEN_CANONICAL, "utf8").digest("hex")).toBe(GOLDEN_HASH);
  });
});

describe("sha256Hex", () => {
  it("matches the standard test vectors", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(sha256Hex("abc"));
  });
});
