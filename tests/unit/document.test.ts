// Plain text of a paper (listings, search, previews).
import { describe, expect, it } from "vitest";
import { type DocNode, docToPlainText, emptyDoc, isDocNode } from "@/lib/document";

const text = (value: string, marks?: DocNode["marks"]): DocNode => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });

describe("docToPlainText", () => {
  it("writes one line per block", () => {
    const doc: DocNode = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [text("Rabat Declaration")] },
        paragraph(text("Partners "), text("recognise", [{ type: "bold" }]), text(" the link.")),
        paragraph(text("Second paragraph.")),
      ],
    };
    expect(docToPlainText(doc)).toBe("Rabat Declaration\nPartners recognise the link.\nSecond paragraph.");
  });

  it("an empty document is empty text; empty paragraphs leave no blank lines", () => {
    expect(docToPlainText(emptyDoc())).toBe("");
    expect(
      docToPlainText({ type: "doc", content: [paragraph(text("a")), { type: "paragraph" }, paragraph(text("b"))] }),
    ).toBe("a\nb");
  });

  it("turns hard breaks into line breaks", () => {
    expect(
      docToPlainText({ type: "doc", content: [paragraph(text("line one"), { type: "hardBreak" }, text("line two"))] }),
    ).toBe("line one\nline two");
  });

  it("gives list items, quotes and table cells a line each", () => {
    const doc: DocNode = {
      type: "doc",
      content: [
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [paragraph(text("first"))] },
            { type: "listItem", content: [paragraph(text("second"))] },
          ],
        },
        { type: "blockquote", content: [paragraph(text("quoted"))] },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableHeader", content: [paragraph(text("State"))] },
                { type: "tableCell", content: [paragraph(text("Senegal"))] },
              ],
            },
          ],
        },
      ],
    };
    expect(docToPlainText(doc)).toBe("first\nsecond\nquoted\nState\nSenegal");
  });

  it("keeps non-Latin text intact", () => {
    const doc: DocNode = { type: "doc", content: [paragraph(text("Türkiye")), paragraph(text("الهجرة والتنمية"))] };
    expect(docToPlainText(doc)).toBe("Türkiye\nالهجرة والتنمية");
  });
});

describe("isDocNode", () => {
  it("accepts nodes and refuses anything else", () => {
    expect(isDocNode(emptyDoc())).toBe(true);
    expect(isDocNode({ type: "paragraph" })).toBe(true);
    for (const value of [null, undefined, "doc", 42, [], {}, { type: 3 }]) expect(isDocNode(value)).toBe(false);
  });
});
