// The runs of the DOCX export's inline content: text split by script (right-to-left runs for
// Arabic and Hebrew), marks, links, footnote references and, with annotations, tracked changes
// and comment ranges.
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InsertedTextRun,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { Inline, TextInline } from "./model";

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
// A right-to-left run: RTL letters, with the spaces and neutral marks between them.
const RTL_RUN =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF](?:[\s\u060C\u061B\u061F.,:;!?\-–]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])*/g;

type RunStyle = { bold?: boolean; italics?: boolean; underline?: object; strike?: boolean; font?: string };
type RunOptions = RunStyle & { text: string; style?: string; rightToLeft?: boolean };
type RunMaker = (options: RunOptions) => ParagraphChild;

const plainRun: RunMaker = (options) => new TextRun(options);

/** Splits text by script: Arabic/Hebrew segments become right-to-left runs, the rest stays LTR. */
export function textRuns(text: string, style: RunStyle, styleId?: string, make: RunMaker = plainRun): ParagraphChild[] {
  if (!RTL.test(text)) return [make({ text, ...style, style: styleId })];
  const runs: ParagraphChild[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    const index = match.index ?? 0;
    if (index > last) runs.push(make({ text: text.slice(last, index), ...style, style: styleId }));
    runs.push(make({ text: match[0], ...style, style: styleId, rightToLeft: true }));
    last = index + match[0].length;
  }
  if (last < text.length) runs.push(make({ text: text.slice(last), ...style, style: styleId }));
  return runs;
}

/**
 * Tracked changes and comments while walking the body. Comment ids are the comments' indexes
 * (0…n-1, threads in marker order, replies after their thread); revision ids follow them, so no
 * two annotations share an id.
 */
export type Annotating = { date: string; nextRevision: number; commentIds: Map<number, number[]> };

/** A tracked change per run (one suggestion may span runs, each needs its own id). */
function runMaker(inline: TextInline, annotating: Annotating | null): RunMaker {
  const s = inline.suggestion;
  if (!s || !annotating) return plainRun;
  return (options) => {
    const change = { id: annotating.nextRevision++, author: s.author, date: annotating.date };
    return s.kind === "insert"
      ? new InsertedTextRun({ ...options, ...change })
      : new DeletedTextRun({ ...options, ...change });
  };
}

/** The runs of a block's inline content, with its tracked changes and comment ranges when annotating. */
export function inlineRuns(inlines: Inline[], annotating: Annotating | null): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const inline of inlines) {
    if (inline.kind === "break") {
      out.push(new TextRun({ text: "", break: 1 }));
    } else if (inline.kind === "note") {
      out.push(new FootnoteReferenceRun(inline.number));
    } else {
      const style: RunStyle = {
        bold: inline.marks.includes("bold") || undefined,
        italics: inline.marks.includes("italic") || undefined,
        underline: inline.marks.includes("underline") ? {} : undefined,
        strike: inline.marks.includes("strike") || undefined,
        font: inline.marks.includes("code") ? "Noto Sans Mono" : undefined,
      };
      const ids = (numbers: number[] | undefined) =>
        annotating ? (numbers ?? []).flatMap((n) => annotating.commentIds.get(n) ?? []) : [];
      for (const id of ids(inline.commentStarts)) out.push(new CommentRangeStart(id));
      const make = runMaker(inline, annotating);
      if (inline.href) {
        out.push(
          new ExternalHyperlink({ link: inline.href, children: textRuns(inline.text, style, "Hyperlink", make) }),
        );
      } else {
        out.push(...textRuns(inline.text, style, undefined, make));
      }
      for (const id of ids(inline.commentEnds)) {
        out.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
      }
    }
  }
  return out;
}
