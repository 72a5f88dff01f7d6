// The annotations of a live draft, for the "include suggestions and comments" export (the live
// document with its suggestion and comment-anchor marks comes from server/export/source.ts):
// the people behind the suggestion ids, and the open comment threads (through the scoped
// `threadsForPaper`). Read-only: nothing here writes, and nothing here is used by submitted
// texts, the ZIP or verification.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, partners, users } from "@/db/schema";
import { partnerLabel } from "@/lib/countries";
import type { DocNode } from "@/lib/document";
import { parseSuggestionId, SUGGESTION_DELETE, SUGGESTION_INSERT } from "@/lib/editor/annotations";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import type { Actor } from "../policy";
import { threadsForPaper } from "../queries/comments";
import type { CommentEntry, ExportAnnotations } from "./types";

/** Every suggestion id carried by a mark of the document. */
function suggestionIds(node: DocNode, into = new Set<string>()): Set<string> {
  for (const mark of node.marks ?? []) {
    if ((mark.type === SUGGESTION_INSERT || mark.type === SUGGESTION_DELETE) && typeof mark.attrs?.id === "string") {
      into.add(mark.attrs.id);
    }
  }
  for (const child of node.content ?? []) suggestionIds(child, into);
  return into;
}

const withPartner = (name: string, partner: string | null | undefined) => (partner ? `${name} (${partner})` : name);

/**
 * Names the authors of the suggestions in `doc` and reads the open threads of the paper, for an
 * actor the caller has checked with `paper.exportAnnotations`. Null when the threads are not visible.
 */
export async function exportAnnotations(
  db: Db,
  actor: Actor,
  paper: { id: string; dialogueId: string },
  doc: DocNode,
  lang: Locale,
): Promise<ExportAnnotations | null> {
  const threads = await threadsForPaper(db, actor, paper.id, lang);
  if (threads === null) return null;
  const unknown = translator(lang)("exports.annotations.unknownAuthor");

  const ids = [...suggestionIds(doc)];
  const parsed = ids.map((id) => [id, parseSuggestionId(id)] as const);
  const open = threads.filter((t) => t.resolvedAt === null);
  const userIds = new Set<string>();
  const partnerIds = new Set<string>();
  for (const [, p] of parsed) {
    if (!p) continue;
    userIds.add(p.userId);
    if (p.partnerId) partnerIds.add(p.partnerId);
  }
  for (const thread of open) for (const c of thread.comments) userIds.add(c.authorId);

  const people = userIds.size
    ? await db
        .select({ id: users.id, name: users.name, partnerId: users.partnerId })
        .from(users)
        .where(inArray(users.id, [...userIds]))
    : [];
  // The partner a person speaks for in this dialogue (replies name theirs, as the thread names its opener's).
  const members = userIds.size
    ? await db
        .select({ userId: memberships.userId, partnerId: memberships.partnerId })
        .from(memberships)
        .where(and(eq(memberships.dialogueId, paper.dialogueId), inArray(memberships.userId, [...userIds])))
    : [];
  const memberPartner = new Map(members.map((m) => [m.userId, m.partnerId]));
  for (const person of people) {
    const partnerId = memberPartner.get(person.id) ?? person.partnerId;
    if (partnerId) partnerIds.add(partnerId);
  }
  const partnerRows = partnerIds.size
    ? await db
        .select({ id: partners.id, name: partners.name, iso3: partners.iso3 })
        .from(partners)
        .where(inArray(partners.id, [...partnerIds]))
    : [];
  const partnerName = new Map(partnerRows.map((p) => [p.id, partnerLabel(p, lang)]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const personPartner = (userId: string) => {
    const partnerId = memberPartner.get(userId) ?? people.find((p) => p.id === userId)?.partnerId ?? null;
    return partnerId ? (partnerName.get(partnerId) ?? null) : null;
  };

  const suggestionAuthors = new Map<string, string>();
  for (const [id, p] of parsed) {
    suggestionAuthors.set(
      id,
      p ? withPartner(personName.get(p.userId) ?? unknown, p.partnerId ? partnerName.get(p.partnerId) : null) : unknown,
    );
  }

  return {
    suggestionAuthors,
    threads: open.map((thread) => ({
      anchorId: thread.anchorId,
      quote: thread.quote,
      entries: thread.comments.map(
        (c): CommentEntry => ({
          // The thread names the partner its opener spoke for when opening it.
          author: withPartner(
            c.authorName,
            c.authorId === thread.createdBy && thread.partner ? thread.partner : personPartner(c.authorId),
          ),
          date: new Date(c.createdAt),
          body: c.deleted ? "" : c.body,
          withdrawn: c.deleted,
        }),
      ),
    })),
    resolvedLeftOut: threads.length - open.length,
  };
}
