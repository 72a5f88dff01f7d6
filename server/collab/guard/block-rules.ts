// The rules for blocks and formatting, as character-rules.ts holds those for characters: which
// nodes, attributes and marks exist (the document schema's own names only, never inherited ones
// such as `constructor`), who may add, remove or change a block, and when a new block may carry
// its ledger values (`agreement`, `agreementPartners`, `agreementUntil`) over from the block it
// replaces, and the shape of a paragraph's id (`pid`). A suggest-only connection changes blocks only as block suggestions in its own name
// (lib/editor/annotations.ts): it adds blocks that carry its own insertion, removes only those,
// and marks existing blocks for deletion (or unmarks them) under its own ids.
import type { Schema } from "@tiptap/pm/model";
import * as Y from "yjs";
import { isAgreementPartners, isAgreementStatus, isAgreementUntil } from "@/lib/document";
import {
  anchorOwner,
  BLOCK_DELETE,
  BLOCK_INSERT,
  COMMENT_ANCHOR,
  parseFormats,
  parseSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_FORMAT,
  SUGGESTION_INSERT,
} from "@/lib/editor/annotations";
import { isParagraphId, PARAGRAPH_ID } from "@/lib/paragraph-ids";
import type { WriteRights } from "../../policy";
import { isOwnSuggestion, type MovedMarks } from "./character-rules";
import { type Attrs, attributesOf, markNameOf, refuse } from "./yjs-reading";

const isBlockSuggestionKey = (key: string) => key === BLOCK_INSERT || key === BLOCK_DELETE;

/** The block attributes of the ledger of agreement: only `paper.markAgreement` changes them. */
const agreementKeys = ["agreement", "agreementPartners", "agreementUntil"] as const;
const isAgreementKey = (key: string) => (agreementKeys as readonly string[]).includes(key);

/** A block's ledger attributes as one comparable value; null when it carries none. */
function agreementOfElement(element: Y.XmlElement): string | null {
  const values = agreementKeys.map((key) => element.getAttribute(key) ?? null);
  return values.every((value) => value === null) ? null : JSON.stringify(values);
}

/** Whether a ledger attribute holds a value the schema allows (null clears it). */
function validAgreementValue(key: string, value: unknown): boolean {
  if (value === null) return true;
  if (key === "agreement") return isAgreementStatus(value);
  if (key === "agreementPartners") return isAgreementPartners(value);
  return isAgreementUntil(value);
}

/** The suggestion ids a block carries as block attributes (see lib/editor/annotations.ts). */
export function blockSuggestionIds(element: Y.XmlElement): string[] {
  const ids: string[] = [];
  for (const key of [BLOCK_INSERT, BLOCK_DELETE]) {
    const id = element.getAttribute(key);
    if (typeof id === "string") ids.push(id);
  }
  return ids;
}

export class BlockRules {
  /** Ledger values of blocks this update removed (a rewritten block may carry its values over). */
  private readonly removedAgreements = new Set<string>();

  constructor(
    private readonly schema: Schema,
    private readonly rights: WriteRights,
  ) {}

  /** Attributes other than block suggestions are fixed for suggest-only and comment-only connections. */
  get locked(): boolean {
    return this.rights.suggestOnly || this.rights.commentOnly;
  }

  /** No block or text may be added or removed (comment-only connections). */
  get structureFixed(): boolean {
    return this.rights.commentOnly;
  }

  private ownOrNull(id: unknown): boolean {
    return id === null || id === undefined || isOwnSuggestion(this.rights, id);
  }

  /** Throws Refused unless the block is a node of the schema with only its attributes. */
  checkAttributes(element: Y.XmlElement): void {
    const spec = Object.hasOwn(this.schema.nodes, element.nodeName) ? this.schema.nodes[element.nodeName] : undefined;
    if (!spec || spec.isText || element.nodeName === this.schema.topNodeType.name)
      refuse(`unknown node ${element.nodeName}`);
    const allowed = spec?.spec.attrs ?? {};
    for (const [key, value] of attributesOf(element)) {
      if (!Object.hasOwn(allowed, key)) refuse(`unknown attribute ${key} on ${element.nodeName}`);
      if (isAgreementKey(key) && !validAgreementValue(key, value)) refuse(`invalid ${key} value`);
      // A paragraph id has one strict shape (lib/paragraph-ids.ts); who may change one is the
      // rule for any attribute (attributesChanged): whoever may edit, never a suggest-only or
      // comment-only connection.
      if (key === PARAGRAPH_ID && value !== null && !isParagraphId(value)) refuse("invalid paragraph id");
      if (isBlockSuggestionKey(key) && value !== null && parseSuggestionId(value) === null) {
        refuse("invalid suggestion id");
      }
    }
  }

  /** A formatting item of a text (a mark set or cleared). Throws Refused. */
  checkFormat(item: Y.Item): void {
    const { key, value } = item.content as Y.ContentFormat;
    const name = markNameOf(key);
    const mark = Object.hasOwn(this.schema.marks, name) ? this.schema.marks[name] : undefined;
    if (!mark) refuse(`unknown mark ${key}`);
    if (value === null) return;
    if (typeof value !== "object" || Array.isArray(value)) refuse(`invalid attributes of ${key}`);
    const allowed = mark?.spec.attrs ?? {};
    for (const attr of Object.keys(value as Attrs)) {
      if (!Object.hasOwn(allowed, attr)) refuse(`unknown attribute ${attr} of ${key}`);
    }
    const id = (value as Attrs).id;
    if (name === COMMENT_ANCHOR && anchorOwner(id) === null) refuse("invalid anchor id");
    if (
      (name === SUGGESTION_INSERT || name === SUGGESTION_DELETE || name === SUGGESTION_FORMAT) &&
      parseSuggestionId(id) === null
    ) {
      refuse("invalid suggestion id");
    }
    if (name === SUGGESTION_FORMAT && parseFormats((value as Attrs).formats ?? "") === null) {
      refuse("invalid proposed formatting");
    }
  }

  /** A block that existed before the update, with its attributes before and after. Throws Refused. */
  attributesChanged(before: Y.XmlElement, after: Y.XmlElement): void {
    this.checkAttributes(after);
    const was = attributesOf(before);
    const now = attributesOf(after);
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      if (JSON.stringify(was.get(key) ?? null) === JSON.stringify(now.get(key) ?? null)) continue;
      if (isBlockSuggestionKey(key)) this.blockSuggestionChanged(key, was, now);
      else if (this.locked) refuse("connection may not change attributes");
      else if (isAgreementKey(key) && !this.rights.markAgreement) refuse(`${key} changed without the right`);
    }
  }

  /** A block suggestion attribute set, changed or cleared on a block that existed before. */
  private blockSuggestionChanged(key: string, was: Map<string, unknown>, now: Map<string, unknown>): void {
    const { commentOnly, suggestOnly, decideSuggestions } = this.rights;
    if (commentOnly) refuse("comment-only connection changed the text");
    const own = this.ownOrNull(was.get(key)) && this.ownOrNull(now.get(key));
    if (suggestOnly) {
      if (key === BLOCK_INSERT) refuse("suggest-only connection changed a block's insertion");
      if (!own) refuse("another user's suggestion changed");
      if ((was.get(BLOCK_INSERT) ?? null) !== null)
        refuse("suggest-only connection marked a proposed block for deletion");
    } else if (!own && !decideSuggestions) {
      refuse("another user's suggestion changed");
    }
  }

  /** A block the update removed: a new block may carry its ledger values over. */
  removedBlock(element: Y.XmlElement): void {
    const agreement = agreementOfElement(element);
    if (agreement !== null) this.removedAgreements.add(agreement);
  }

  /**
   * A child the update removed from a block that is still there (as it was before). Suggest-only
   * connections remove only blocks they proposed (a text's characters are judged by the caller).
   */
  removedChild(child: Y.AbstractType<unknown>): void {
    if (this.structureFixed) refuse("connection may not change the structure");
    if (!this.rights.suggestOnly || !(child instanceof Y.XmlElement)) return;
    if (!isOwnSuggestion(this.rights, child.getAttribute(BLOCK_INSERT))) {
      refuse("suggest-only connection removed a block instead of suggesting its deletion");
    }
  }

  /** A node the update created (its children are judged one by one after it). Throws Refused. */
  newBlock(element: Y.XmlElement, previousSibling: Y.XmlElement | null, moved: MovedMarks): void {
    this.checkAttributes(element);
    const inserted = element.getAttribute(BLOCK_INSERT) ?? null;
    const deleted = element.getAttribute(BLOCK_DELETE) ?? null;
    if (this.rights.suggestOnly) {
      if (!isOwnSuggestion(this.rights, inserted) || deleted !== null) {
        refuse("suggest-only connection added a block that is not its own suggestion");
      }
    } else if (!this.rights.decideSuggestions) {
      for (const id of [inserted, deleted]) {
        if (id !== null && !isOwnSuggestion(this.rights, id) && !moved.suggestions.has(id)) {
          refuse("another user's suggestion created");
        }
      }
    }
    const agreement = agreementOfElement(element);
    if (agreement === null || this.rights.markAgreement) return;
    // Splitting a paragraph copies its ledger values to the new half; rewriting one carries them.
    const carried =
      this.removedAgreements.has(agreement) ||
      (previousSibling !== null && agreementOfElement(previousSibling) === agreement);
    if (!carried) refuse("new block with an agreement mark");
  }
}
