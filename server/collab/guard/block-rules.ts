// The rules for blocks and formatting, as character-rules.ts holds those for characters: which
// nodes, attributes and marks exist (the document schema's own names only, never inherited ones
// such as `constructor`), who may change a block's attributes, and when a new block may carry an
// `agreement` value over from the block it replaces.
import type { Schema } from "@tiptap/pm/model";
import type * as Y from "yjs";
import {
  anchorOwner,
  COMMENT_ANCHOR,
  parseSuggestionId,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
} from "@/lib/editor/annotations";
import type { WriteRights } from "../../policy";
import { type Attrs, attributesOf, markNameOf, refuse } from "./yjs-reading";

export class BlockRules {
  /** Agreement values of blocks this update removed (a rewritten block may carry its value over). */
  private readonly removedAgreements = new Set<unknown>();

  constructor(
    private readonly schema: Schema,
    private readonly rights: WriteRights,
  ) {}

  /** Blocks, attributes and existing text are fixed for suggest-only and comment-only connections. */
  get locked(): boolean {
    return this.rights.suggestOnly || this.rights.commentOnly;
  }

  /** Throws Refused unless the block is a node of the schema with only its attributes. */
  checkAttributes(element: Y.XmlElement): void {
    const spec = Object.hasOwn(this.schema.nodes, element.nodeName) ? this.schema.nodes[element.nodeName] : undefined;
    if (!spec || spec.isText || element.nodeName === this.schema.topNodeType.name)
      refuse(`unknown node ${element.nodeName}`);
    const allowed = spec?.spec.attrs ?? {};
    for (const [key, value] of attributesOf(element)) {
      if (!Object.hasOwn(allowed, key)) refuse(`unknown attribute ${key} on ${element.nodeName}`);
      if (key === "agreement" && value !== null && value !== "bracketed" && value !== "adRef") {
        refuse("invalid agreement value");
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
    if ((name === SUGGESTION_INSERT || name === SUGGESTION_DELETE) && parseSuggestionId(id) === null) {
      refuse("invalid suggestion id");
    }
  }

  /** A block that existed before the update, with its attributes before and after. Throws Refused. */
  attributesChanged(before: Y.XmlElement, after: Y.XmlElement): void {
    this.checkAttributes(after);
    const was = attributesOf(before);
    const now = attributesOf(after);
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      if (JSON.stringify(was.get(key) ?? null) === JSON.stringify(now.get(key) ?? null)) continue;
      if (this.locked) refuse("connection may not change attributes");
      if (key === "agreement" && !this.rights.markAgreement) refuse("agreement mark changed without the right");
    }
  }

  /** A block the update removed: a new block may carry its agreement value over. */
  removedBlock(element: Y.XmlElement): void {
    const agreement = element.getAttribute("agreement");
    if (agreement) this.removedAgreements.add(agreement);
  }

  /** A node the update created (its children are judged one by one after it). Throws Refused. */
  newBlock(element: Y.XmlElement, previousSibling: Y.XmlElement | null): void {
    if (this.locked) refuse("connection may not change the structure");
    this.checkAttributes(element);
    const agreement = element.getAttribute("agreement") ?? null;
    if (agreement === null || this.rights.markAgreement) return;
    const carried =
      this.removedAgreements.has(agreement) ||
      (previousSibling !== null && (previousSibling.getAttribute("agreement") ?? null) === agreement);
    if (!carried) refuse("new block with an agreement mark");
  }
}
