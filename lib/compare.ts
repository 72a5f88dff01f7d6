// Word-level comparison of two revisions, block by block, as Word's "compare": blocks are
// aligned first (so a moved or inserted paragraph does not turn the rest into changes), then
// changed blocks are diffed word by word. Paragraph numbers are each side's own.
import { type ChangeObject, diffArrays, diffWordsWithSpace } from "diff";
import { agreementOf, type DocNode, docToPlainText } from "./document";
import { paragraphNumbers } from "./numbering";

export type Block = { type: string; number?: number; text: string };
export type WordChange = { value: string; added: boolean; removed: boolean };
export type CompareRow =
  | { kind: "same"; left: Block; right: Block }
  | { kind: "changed"; left: Block; right: Block; words: WordChange[] }
  | { kind: "added"; right: Block }
  | { kind: "removed"; left: Block };

/** A change of mark ([bracketed], ad ref) is a change of the text as negotiators read it. */
function withAgreementText(node: DocNode, text: string, adRefMarker: string): string {
  const mark = agreementOf(node);
  return mark === "bracketed" ? `[${text}]` : mark === "adRef" ? `${text} ${adRefMarker}` : text;
}

/** The marker shown after text agreed ad referendum, in the reader's language. */
const DEFAULT_AD_REF_MARKER = "(ad ref.)";

export function documentBlocks(doc: DocNode, adRefMarker = DEFAULT_AD_REF_MARKER): Block[] {
  const numbers = paragraphNumbers(doc);
  return (doc.content ?? []).map((node, i) => ({
    type: node.type,
    number: numbers[i],
    text: withAgreementText(node, docToPlainText({ type: "doc", content: [node] }), adRefMarker),
  }));
}

const toWords = (changes: ChangeObject<string>[]): WordChange[] =>
  changes.map((c) => ({ value: c.value, added: Boolean(c.added), removed: Boolean(c.removed) }));

/** Share of characters the two texts have in common, word-aligned (0 to 1). */
function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  const common = diffWordsWithSpace(a, b)
    .filter((c) => !c.added && !c.removed)
    .reduce((n, c) => n + c.value.length, 0);
  return common / Math.max(a.length, b.length);
}

export function compareDocuments(before: DocNode, after: DocNode, adRefMarker = DEFAULT_AD_REF_MARKER): CompareRow[] {
  const left = documentBlocks(before, adRefMarker);
  const right = documentBlocks(after, adRefMarker);
  const parts = diffArrays(left, right, { comparator: (a, b) => a.type === b.type && a.text === b.text });
  const rows: CompareRow[] = [];
  // Indexes into each side, so that every row carries that side's own block (and number).
  let li = 0;
  let ri = 0;
  let pendingRemoved: Block[] = [];
  const flushRemoved = () => {
    for (const block of pendingRemoved) rows.push({ kind: "removed", left: block });
    pendingRemoved = [];
  };
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      pendingRemoved.push(...left.slice(li, li + count));
      li += count;
    } else if (part.added) {
      // A removal followed by an addition is an edit of those blocks, compared word by word.
      // Each added block is paired with the first removed one it resembles enough; removed
      // blocks skipped over are reported as removals, in order.
      for (const block of right.slice(ri, ri + count)) {
        const match = pendingRemoved.findIndex(
          (old) => old.type === block.type && similarity(old.text, block.text) >= 0.4,
        );
        if (match === -1) {
          rows.push({ kind: "added", right: block });
          continue;
        }
        for (const skipped of pendingRemoved.splice(0, match)) rows.push({ kind: "removed", left: skipped });
        const previous = pendingRemoved.shift() as Block;
        rows.push({
          kind: "changed",
          left: previous,
          right: block,
          words: toWords(diffWordsWithSpace(previous.text, block.text)),
        });
      }
      ri += count;
      flushRemoved();
    } else {
      flushRemoved();
      for (let k = 0; k < count; k++) {
        const l = left[li + k];
        const r = right[ri + k];
        if (l && r) rows.push({ kind: "same", left: l, right: r });
      }
      li += count;
      ri += count;
    }
  }
  flushRemoved();
  return rows;
}
