// The rules for the characters of a text, one per kind of change: inserted, deleted, or
// reformatted. Each is asked once per run of characters that share their formatting (judge.ts);
// tests/unit/guard.test.ts asks them once per character, on whole documents, and must agree.
import { anchorOwner, parseSuggestionId } from "@/lib/editor/annotations";
import type { WriteRights } from "../../policy";
import { type CharInfo, refuse } from "./yjs-reading";

/** Anchors and suggestion ids on text the update touched or removed: another user's may move with that text. */
export type MovedMarks = { anchors: Set<string>; suggestions: Set<string> };

/** A suggestion id of this connection's user, speaking for their partner. */
export function isOwnSuggestion(rights: WriteRights, id: unknown): boolean {
  const parsed = parseSuggestionId(id);
  return parsed !== null && parsed.userId === rights.userId && parsed.partnerId === rights.partnerId;
}

export class CharacterRules {
  constructor(private readonly rights: WriteRights) {}

  ownSuggestion(id: string | null): boolean {
    return isOwnSuggestion(this.rights, id);
  }

  private ownOrNull(id: string | null) {
    return id === null || this.ownSuggestion(id);
  }

  /**
   * A character this update inserted, with the formatting it carries. Another user's anchor or
   * suggestion may only move with text that held it (`moved`). Throws Refused.
   */
  inserted(a: CharInfo, moved: MovedMarks): void {
    const { suggestOnly, commentOnly, decideSuggestions, userId } = this.rights;
    if (commentOnly) refuse("comment-only connection inserted text");
    if (suggestOnly && (!this.ownSuggestion(a.insertId) || a.deleteId !== null || a.formatId !== null)) {
      refuse("suggest-only connection inserted text that is not its own suggestion");
    }
    for (const anchor of a.anchors) {
      if (anchorOwner(anchor) !== userId && !moved.anchors.has(anchor)) refuse("another user's comment anchor created");
    }
    if (!decideSuggestions) {
      for (const id of [a.insertId, a.deleteId, a.formatId]) {
        if (id === null || this.ownSuggestion(id)) continue;
        if (!moved.suggestions.has(id)) refuse("another user's suggestion created");
      }
    }
  }

  /** A character this update deleted (`b`: its formatting before). Throws Refused. */
  deleted(b: CharInfo): void {
    if (this.rights.commentOnly) refuse("comment-only connection deleted text");
    if (this.rights.suggestOnly && !this.ownSuggestion(b.insertId)) {
      refuse("suggest-only connection deleted text instead of suggesting its deletion");
    }
  }

  /** A character that was there before, with its formatting before (`b`) and after (`a`). Throws Refused. */
  reformatted(a: CharInfo, b: CharInfo): void {
    const { suggestOnly, commentOnly, decideSuggestions, userId } = this.rights;
    for (const anchor of new Set([...a.anchors, ...b.anchors])) {
      if (anchorOwner(anchor) !== userId && a.anchors.has(anchor) !== b.anchors.has(anchor)) {
        refuse("another user's comment anchor changed");
      }
    }
    if (
      commentOnly &&
      (a.insertId !== b.insertId || a.deleteId !== b.deleteId || a.format !== b.format || a.other !== b.other)
    ) {
      refuse("comment-only connection changed the text");
    }
    if (a.insertId !== b.insertId) {
      if (suggestOnly) refuse("suggest-only connection changed an insertion mark");
      if (!decideSuggestions && !(this.ownOrNull(a.insertId) && this.ownOrNull(b.insertId))) {
        refuse("another user's suggestion changed");
      }
    }
    if (a.deleteId !== b.deleteId) {
      const own = this.ownOrNull(a.deleteId) && this.ownOrNull(b.deleteId);
      if (!own && !decideSuggestions) refuse("another user's suggestion changed");
      if (suggestOnly && b.insertId !== null) refuse("suggest-only connection marked an insertion for deletion");
    }
    if (a.format !== b.format) {
      const own = this.ownOrNull(a.formatId) && this.ownOrNull(b.formatId);
      if (!own && !decideSuggestions) refuse("another user's suggestion changed");
      if (suggestOnly && (b.insertId !== null || b.deleteId !== null)) {
        refuse("suggest-only connection proposed formatting for a suggestion");
      }
    }
    // Formatting of the author's own pending insertion is theirs to change (autolinks, …).
    if (suggestOnly && a.other !== b.other && !(this.ownSuggestion(b.insertId) && a.insertId === b.insertId)) {
      refuse("suggest-only connection changed formatting");
    }
  }
}
