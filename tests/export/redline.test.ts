// The redline download (server/export/render/redline-docx.ts): two texts compared as a Word
// document with real tracked changes. Read back by pandoc, an independent reader: accepting every
// change gives the later text, rejecting every change the earlier one, and each change names the
// secretariat as its author.
import { describe, expect, it } from "vitest";
import { compareDocuments } from "@/lib/compare";
import type { DocNode } from "@/lib/document";
import { renderRedlineDocx } from "@/server/export/render/redline-docx";
import { pandoc, toFile } from "./tools";

const paragraph = (text: string): DocNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...paragraphs: string[]): DocNode => ({ type: "doc", content: paragraphs.map(paragraph) });

const rev1 = doc(
  "Partners commit to mobility partnerships.",
  "Return shall be voluntary.",
  "States will share data on remittances.",
);
const rev2 = doc(
  "Partners commit to mobility partnerships and circular migration.",
  "States will share anonymised data on remittances.",
  "Diaspora bonds will be explored.",
);

async function redline() {
  const bytes = await renderRedlineDocx({
    rows: compareDocuments(rev1, rev2),
    title: "Recommendations on mobility",
    subtitle: "Rev.1 compared with Rev.2",
    author: "Rabat Process secretariat",
    date: "2013-10-03T10:00:00.000Z",
  });
  return toFile(bytes, "docx");
}

const plain = (file: string, mode: "accept" | "reject") =>
  pandoc(["-f", "docx", `--track-changes=${mode}`, "-t", "plain", "--wrap=none", file]);

describe("the redline of two revisions, as a Word document with tracked changes", () => {
  it("gives the later text when every change is accepted and the earlier one when every change is rejected", async () => {
    const file = await redline();
    const accepted = plain(file, "accept");
    const rejected = plain(file, "reject");
    for (const text of [
      "Partners commit to mobility partnerships and circular migration.",
      "States will share anonymised data on remittances.",
      "Diaspora bonds will be explored.",
    ]) {
      expect(accepted).toContain(text);
    }
    expect(accepted).not.toContain("Return shall be voluntary.");
    for (const text of [
      "Partners commit to mobility partnerships.",
      "Return shall be voluntary.",
      "States will share data on remittances.",
    ]) {
      expect(rejected).toContain(text);
    }
    expect(rejected).not.toContain("Diaspora bonds");
    expect(rejected).not.toContain("anonymised");
  });

  it("marks each change as an insertion or a deletion by the secretariat", async () => {
    const file = await redline();
    const all = pandoc(["-f", "docx", "--track-changes=all", "-t", "markdown", "--wrap=none", file]);
    expect(all).toMatch(/\[[^\]]*circular migration\]\{\.insertion[^}]*author="Rabat Process secretariat"/);
    expect(all).toMatch(/\[Return shall be voluntary\.\]\{\.deletion[^}]*author="Rabat Process secretariat"/);
    expect(all).toMatch(/\[anonymised ?\]\{\.insertion/);
    // Same revisions, same file: the date is the later revision's.
    const again = await redline();
    expect(pandoc(["-f", "docx", "--track-changes=all", "-t", "markdown", "--wrap=none", again])).toBe(all);
  });
});
