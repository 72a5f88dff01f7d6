// The comparison of two texts as chanceries read it: a Word document whose differences are real
// tracked changes (w:ins / w:del with an author and a date), which Word lists in its Review pane
// and can accept or reject one by one. Built from the compare rows the compare page shows
// (lib/compare.ts), so the download and the page never disagree.
import { AlignmentType, DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun } from "docx";
import type { CompareRow, WordChange } from "@/lib/compare";
import type { RedlineInput } from "../types";
import { stabilize } from "./docx-package";

type Run = TextRun | InsertedTextRun | DeletedTextRun;

export async function renderRedlineDocx(input: RedlineInput): Promise<Uint8Array> {
  let nextRevision = 1;
  const change = () => ({ id: nextRevision++, author: input.author, date: input.date });
  const inserted = (text: string) => new InsertedTextRun({ text, ...change() });
  const deleted = (text: string) => new DeletedTextRun({ text, ...change() });
  const words = (changes: WordChange[]): Run[] =>
    changes.map((w) => (w.added ? inserted(w.value) : w.removed ? deleted(w.value) : new TextRun(w.value)));
  const numbered = (number: number | undefined, runs: Run[]) =>
    new Paragraph({ children: number ? [new TextRun(`${number}. `), ...runs] : runs });

  const paragraphOf = (row: CompareRow): Paragraph => {
    if (row.kind === "same") return numbered(row.right.number, [new TextRun(row.right.text)]);
    if (row.kind === "changed") return numbered(row.right.number ?? row.left.number, words(row.words));
    if (row.kind === "added") return numbered(row.right.number, [inserted(row.right.text)]);
    return numbered(row.left.number, [deleted(row.left.text)]);
  };
  const body = input.rows.map(paragraphOf);
  const document = new Document({
    creator: input.author,
    title: input.title,
    // Opened in Word, further edits are tracked too, as in a negotiated text.
    features: { trackRevisions: true },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: input.title, bold: true })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: input.subtitle })] }),
          ...body,
        ],
      },
    ],
  });
  return stabilize(new Uint8Array(await Packer.toBuffer(document)), new Date(input.date));
}
