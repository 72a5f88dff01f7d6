// What this page typed that the server has not confirmed yet, as plain text. When the server
// refuses a change, or the text is frozen before the change arrives, the editor starts again from
// the server's copy; what the person typed is then shown for copying instead of vanishing.
// Follows this page's own transactions only (not updates from the server), at the cost of the
// change, never of the document.
import * as Y from "yjs";

type Piece = { block: Y.AbstractType<unknown> | null; text: string };

/** The plain text of a node inserted whole (a new paragraph, a pasted list…). */
function plainText(node: unknown): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .map((op) => (typeof op.insert === "string" ? op.insert : ""))
      .join("");
  }
  if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
    const parts = node.toArray().map(plainText);
    // A block of blocks (list, table) puts each on its own line; a paragraph's texts run on.
    return parts.join(node.toArray().some((child) => child instanceof Y.XmlElement) ? "\n" : "");
  }
  return "";
}

/** The block a change belongs to: the nearest element above a text, for line breaks between blocks. */
function blockOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> | null {
  return type instanceof Y.XmlText ? (type.parent as Y.AbstractType<unknown> | null) : type;
}

export class UnsavedTyping {
  private pieces: Piece[] = [];
  private readonly observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    // Updates from the server are applied as remote transactions; only this page's typing counts.
    if (!transaction.local) return;
    for (const event of events) {
      const block = blockOf(event.target);
      for (const op of event.delta) {
        if (typeof op.insert === "string") this.add(block, op.insert);
        else if (Array.isArray(op.insert)) for (const node of op.insert) this.add(null, plainText(node));
      }
    }
  };

  constructor(private readonly fragment: Y.XmlFragment) {
    fragment.observeDeep(this.observer);
  }

  private add(block: Y.AbstractType<unknown> | null, text: string) {
    if (!text) return;
    const last = this.pieces.at(-1);
    if (last && block !== null && last.block === block) last.text += text;
    else this.pieces.push({ block, text });
  }

  /** Everything the server has confirmed: nothing is at risk any more. */
  confirmed(): void {
    this.pieces = [];
  }

  /** What was typed since the server last confirmed everything, one line per block. */
  text(): string {
    return this.pieces
      .map((piece) => piece.text)
      .join("\n")
      .trim();
  }

  destroy(): void {
    this.fragment.unobserveDeep(this.observer);
  }
}
