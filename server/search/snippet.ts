// The snippet of a search result, cut from the original text (accents and case as written) around
// the words PostgreSQL's ts_headline marked in the folded text. Returned as parts for React to
// render (the marked ones in <mark>): user text is never handled as HTML.
import { foldWithOffsets, HIGHLIGHT_END, HIGHLIGHT_START } from "./fold";

export type SnippetPart = { text: string; marked: boolean };

/** Characters shown when the headline cannot be placed in the text. */
const FALLBACK_LENGTH = 200;

/**
 * `headline`: ts_headline's excerpt of `foldText(body)`, marks as HIGHLIGHT_START/END. The
 * excerpt is a subsequence of the folded text (the parser may leave out tags): each of its
 * characters is found in order, then mapped back to the original through the fold's offsets.
 */
export function snippetFromHeadline(body: string, headline: string): SnippetPart[] {
  const { folded, offsets } = foldWithOffsets(body);
  const plain = headline.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_END, "");
  const firstWord = plain.trim().split(/\s+/)[0] ?? "";
  let start = folded.indexOf(plain);
  if (start < 0) start = firstWord ? folded.indexOf(firstWord) : -1;
  if (start < 0 || plain.trim().length === 0) return fallback(body);
  // Original offsets of [from, to) in the folded text.
  const original = (index: number) => (index < offsets.length ? (offsets[index] as number) : body.length);
  const marks: [number, number][] = [];
  let at = start;
  let inMark = false;
  let markFrom = -1;
  let first = -1;
  let last = start;
  for (const char of headline) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) {
      if (char === HIGHLIGHT_END && inMark && markFrom >= 0) marks.push([markFrom, last]);
      inMark = char === HIGHLIGHT_START;
      markFrom = -1;
      continue;
    }
    while (at < folded.length && !folded.startsWith(char, at)) at++;
    if (at >= folded.length) return fallback(body);
    if (first < 0) first = at;
    if (inMark && markFrom < 0) markFrom = at;
    at += char.length;
    last = at;
  }
  const from = original(first < 0 ? start : first);
  const to = original(last);
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: "… ", marked: false });
  let cursor = from;
  for (const [markStart, markEnd] of marks) {
    const a = original(markStart);
    const b = original(markEnd);
    if (a > cursor) parts.push({ text: body.slice(cursor, a), marked: false });
    if (b > a) parts.push({ text: body.slice(a, b), marked: true });
    cursor = Math.max(cursor, b);
  }
  if (to > cursor) parts.push({ text: body.slice(cursor, to), marked: false });
  if (to < body.length) parts.push({ text: " …", marked: false });
  return parts;
}

function fallback(body: string): SnippetPart[] {
  return body.length <= FALLBACK_LENGTH
    ? [{ text: body, marked: false }]
    : [{ text: `${body.slice(0, FALLBACK_LENGTH)} …`, marked: false }];
}
