// Comment anchors and suggestions as they live in the shared document: three inline marks whose
// ids name their owner, so that the collaboration server can tell, from the update alone, whose
// anchor or suggestion a change touches (server/collab/guard.ts). Shared by the browser, the
// server schema and the server-side accept/reject. Nothing here may need a DOM.
import { Extension, Mark, mergeAttributes } from "@tiptap/core";

export const COMMENT_ANCHOR = "commentAnchor";
export const SUGGESTION_INSERT = "suggestionInsert";
export const SUGGESTION_DELETE = "suggestionDelete";
/** Formatting proposed for agreed text: the text keeps its formatting until the proposal is accepted. */
export const SUGGESTION_FORMAT = "suggestionFormat";
export type SuggestionKind = "insert" | "delete" | "format";

/** The formatting a suggestion may propose, as mark names of the schema. */
export const SUGGESTABLE_FORMATS = ["bold", "italic", "underline", "strike"] as const;
export type SuggestableFormat = (typeof SUGGESTABLE_FORMATS)[number];

/** The proposed formatting of a format suggestion ("bold italic"; "" for plain), or null if invalid. */
export function parseFormats(value: unknown): SuggestableFormat[] | null {
  if (typeof value !== "string" || value.length > 64) return null;
  const names = value.split(" ").filter(Boolean);
  if (!names.every((name) => (SUGGESTABLE_FORMATS as readonly string[]).includes(name))) return null;
  return SUGGESTABLE_FORMATS.filter((name) => names.includes(name));
}

/**
 * Block-level suggestions: a block attribute holding a suggestion id. A proposed new block
 * (paragraph, heading, list item, table row or cell…) carries `suggestedInsertion` on itself and
 * on every block inside it, and its text the insertion mark of the same id; a block proposed for
 * deletion carries `suggestedDeletion`, and its text the deletion mark of the same id. A split,
 * a merge, a move or a change of block type is a deletion and an insertion under one id, so it
 * is accepted or rejected as a whole.
 */
export const BLOCK_INSERT = "suggestedInsertion";
export const BLOCK_DELETE = "suggestedDeletion";

/** Every block type of the schema that can be proposed or proposed for deletion. */
export const suggestableBlockTypes = [
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "codeBlock",
  "horizontalRule",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
] as const;

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

function blockSuggestionAttribute(kind: "insert" | "delete") {
  const dataName = kind === "insert" ? "data-suggested-insertion" : "data-suggested-deletion";
  return {
    default: null,
    parseHTML: (element: HTMLElement) => {
      const id = element.getAttribute(dataName);
      return parseSuggestionId(id) ? id : null;
    },
    renderHTML: (attributes: Record<string, unknown>) => {
      const id = attributes[kind === "insert" ? BLOCK_INSERT : BLOCK_DELETE];
      const parsed = parseSuggestionId(id);
      if (!parsed) return {};
      return {
        [dataName]: String(id),
        class: kind === "insert" ? "suggested-block-insert" : "suggested-block-delete",
        style: `--suggestion-color: ${partnerColor(parsed.partnerId)}`,
      };
    },
  };
}

/** The two block attributes of block-level suggestions, on every suggestable block type. */
export const BlockSuggestions = Extension.create({
  name: "blockSuggestions",
  addGlobalAttributes() {
    return [
      {
        types: [...suggestableBlockTypes],
        attributes: {
          [BLOCK_INSERT]: blockSuggestionAttribute("insert"),
          [BLOCK_DELETE]: blockSuggestionAttribute("delete"),
        },
      },
    ];
  },
});

/**
 * Formatting proposed for agreed text (`formats`: the whole formatting proposed, e.g. "bold").
 * Shown as it would look, under a dotted line; the agreed text keeps its own until accepted.
 */
export const SuggestionFormat = Mark.create({
  name: SUGGESTION_FORMAT,
  inclusive: false,
  addAttributes: () => ({
    ...idAttribute("data-format-suggestion-id"),
    formats: {
      default: "",
      parseHTML: (element: HTMLElement) => (parseFormats(element.getAttribute("data-formats")) ?? []).join(" "),
      renderHTML: (attributes: Record<string, unknown>) => ({
        "data-formats": (parseFormats(attributes.formats) ?? []).join(" "),
      }),
    },
  }),
  parseHTML: () => [{ tag: "span[data-format-suggestion-id]" }],
  renderHTML: ({ mark, HTMLAttributes }) => [
    "span",
    mergeAttributes(
      {
        class: "suggestion-format",
        style: `--suggestion-color: ${partnerColor(parseSuggestionId(mark.attrs.id)?.partnerId ?? null)}`,
      },
      HTMLAttributes,
    ),
    0,
  ],
});

export const annotationMarks = [CommentAnchor, SuggestionInsert, SuggestionDelete, SuggestionFormat];
export const annotationExtensions = [...annotationMarks, BlockSuggestions];

// ── The same marks in stored JSON (snapshots, exports): the agreed text has no suggestions ──

type JsonNode = {
  type: string;
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: JsonNode[];
  attrs?: Record<string, unknown>;
};

/** The node without its block suggestion attributes (they are not part of the agreed text). */
function withoutBlockSuggestion<T extends JsonNode>(node: T): T {
  if (!node.attrs || !(BLOCK_INSERT in node.attrs || BLOCK_DELETE in node.attrs)) return node;
  const { [BLOCK_INSERT]: _inserted, [BLOCK_DELETE]: _deleted, ...attrs } = node.attrs;
  return { ...node, attrs };
}

/** Whether a stored block is a pending proposal (not yet part of the agreed text). */
export function isProposedBlock(node: JsonNode): boolean {
  return parseSuggestionId(node.attrs?.[BLOCK_INSERT]) !== null;
}

/**
 * The agreed text: pending insertions (text and blocks) left out, text and blocks proposed for
 * deletion kept, comment anchors dropped (they are not text). Used for the readable snapshot, so
 * revisions, hashes and exports never contain pending suggestions or comment marks.
 */
export function agreedContent<T extends JsonNode>(node: T): T {
  if (node.type === "text") {
    const marks = (node.marks ?? []).filter(
      (m) => m.type !== COMMENT_ANCHOR && m.type !== SUGGESTION_DELETE && m.type !== SUGGESTION_FORMAT,
    );
    const { marks: _dropped, ...rest } = node;
    return (marks.length > 0 ? { ...rest, marks } : rest) as T;
  }
  node = withoutBlockSuggestion(node);
  if (!node.content) return node;
  const content: JsonNode[] = [];
  for (const child of node.content) {
    if (child.type === "text" && child.marks?.some((m) => m.type === SUGGESTION_INSERT)) continue;
    if (isProposedBlock(child)) continue;
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
