// Comment anchors and suggestions as they live in the shared document: three inline marks whose
// ids name their owner, so that the collaboration server can tell, from the update alone, whose
// anchor or suggestion a change touches (server/collab/guard.ts). Shared by the browser, the
// server schema and the server-side accept/reject. Nothing here may need a DOM.
import { Mark, mergeAttributes } from "@tiptap/core";

export const COMMENT_ANCHOR = "commentAnchor";
export const SUGGESTION_INSERT = "suggestionInsert";
export const SUGGESTION_DELETE = "suggestionDelete";
export type SuggestionKind = "insert" | "delete";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const TOKEN = "[0-9a-z]{8,32}";
const ANCHOR_ID = new RegExp(`^(${UUID})\\.(${TOKEN})$`);
const SUGGESTION_ID = new RegExp(`^(${UUID})\\.(${UUID}|-)\\.(${TOKEN})$`);

function token(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => (b % 36).toString(36)).join("");
}

/** `<userId>.<random>`: the author is part of the id. */
export function newAnchorId(userId: string): string {
  return `${userId}.${token()}`;
}

export function anchorOwner(id: unknown): string | null {
  return typeof id === "string" ? (ANCHOR_ID.exec(id)?.[1] ?? null) : null;
}

/** `<userId>.<partnerId or ->.<random>`: author and the partner they spoke for. */
export function newSuggestionId(userId: string, partnerId: string | null): string {
  return `${userId}.${partnerId ?? "-"}.${token()}`;
}

export function parseSuggestionId(id: unknown): { userId: string; partnerId: string | null } | null {
  if (typeof id !== "string") return null;
  const match = SUGGESTION_ID.exec(id);
  if (!match?.[1] || !match[2]) return null;
  return { userId: match[1], partnerId: match[2] === "-" ? null : match[2] };
}

/** Whose suggestions someone may take back: their own, and those of the partner they speak for. */
export type SuggestionVoice = { userId: string; partnerId: string | null };

export function speaksForSuggestion(
  voice: SuggestionVoice,
  suggestion: { userId: string; partnerId: string | null },
): boolean {
  return suggestion.userId === voice.userId || (voice.partnerId !== null && suggestion.partnerId === voice.partnerId);
}

/** Dark enough on a light background (WCAG AA for text), one per partner, the same everywhere. */
const PARTNER_PALETTE = ["#1d4ed8", "#b91c1c", "#047857", "#7e22ce", "#a16207", "#be185d", "#0f766e", "#c2410c"];
export function partnerColor(partnerId: string | null): string {
  if (!partnerId) return "#334155";
  let hash = 0;
  for (const char of partnerId) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return PARTNER_PALETTE[Math.abs(hash) % PARTNER_PALETTE.length] ?? "#1d4ed8";
}

const idAttribute = (dataName: string) => ({
  id: {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(dataName),
    renderHTML: (attributes: Record<string, unknown>) => (attributes.id ? { [dataName]: String(attributes.id) } : {}),
  },
});

/**
 * Where a comment thread is anchored. Several threads may cover the same text (`excludes: ""`,
 * stored by Yjs under a hashed key per thread); typing at its edges does not extend it.
 */
export const CommentAnchor = Mark.create({
  name: COMMENT_ANCHOR,
  inclusive: false,
  excludes: "",
  addAttributes: () => idAttribute("data-anchor-id"),
  parseHTML: () => [{ tag: "span[data-anchor-id]" }],
  renderHTML: ({ HTMLAttributes }) => ["span", mergeAttributes({ class: "comment-anchor" }, HTMLAttributes), 0],
});

function suggestionAttributes(element: "ins" | "del", attributes: Record<string, unknown>) {
  const parsed = parseSuggestionId(attributes.id);
  return {
    class: element === "ins" ? "suggestion-insert" : "suggestion-delete",
    style: `--suggestion-color: ${partnerColor(parsed?.partnerId ?? null)}`,
  };
}

/** Text proposed for insertion, not yet part of the agreed text. */
export const SuggestionInsert = Mark.create({
  name: SUGGESTION_INSERT,
  inclusive: false,
  excludes: `${SUGGESTION_DELETE} ${SUGGESTION_INSERT}`,
  addAttributes: () => idAttribute("data-suggestion-id"),
  parseHTML: () => [{ tag: "ins[data-suggestion-id]" }],
  renderHTML: ({ mark, HTMLAttributes }) => [
    "ins",
    mergeAttributes(suggestionAttributes("ins", mark.attrs), HTMLAttributes),
    0,
  ],
});

/** Text proposed for deletion, still part of the agreed text. */
export const SuggestionDelete = Mark.create({
  name: SUGGESTION_DELETE,
  inclusive: false,
  excludes: `${SUGGESTION_DELETE} ${SUGGESTION_INSERT}`,
  addAttributes: () => idAttribute("data-suggestion-id"),
  parseHTML: () => [{ tag: "del[data-suggestion-id]" }],
  renderHTML: ({ mark, HTMLAttributes }) => [
    "del",
    mergeAttributes(suggestionAttributes("del", mark.attrs), HTMLAttributes),
    0,
  ],
});

export const annotationMarks = [CommentAnchor, SuggestionInsert, SuggestionDelete];

// ── The same marks in stored JSON (snapshots, exports): the agreed text has no suggestions ──

type JsonNode = {
  type: string;
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: JsonNode[];
  attrs?: Record<string, unknown>;
};

/**
 * The agreed text: pending insertions left out, text proposed for deletion kept, comment
 * anchors dropped (they are not text). Used for the readable snapshot, so revisions, hashes
 * and exports never contain pending suggestions or comment marks.
 */
export function agreedContent<T extends JsonNode>(node: T): T {
  if (node.type === "text") {
    const marks = (node.marks ?? []).filter((m) => m.type !== COMMENT_ANCHOR && m.type !== SUGGESTION_DELETE);
    const { marks: _dropped, ...rest } = node;
    return (marks.length > 0 ? { ...rest, marks } : rest) as T;
  }
  if (!node.content) return node;
  const content: JsonNode[] = [];
  for (const child of node.content) {
    if (child.type === "text" && child.marks?.some((m) => m.type === SUGGESTION_INSERT)) continue;
    const cleaned = agreedContent(child);
    // Adjacent text nodes with the same marks (split only by a suggestion) become one.
    const last = content[content.length - 1];
    if (
      last?.type === "text" &&
      cleaned.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(cleaned.marks ?? [])
    ) {
      content[content.length - 1] = { ...last, text: `${last.text ?? ""}${cleaned.text ?? ""}` };
    } else {
      content.push(cleaned);
    }
  }
  return { ...node, content } as T;
}
