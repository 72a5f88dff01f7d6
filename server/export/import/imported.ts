// What the DOCX import reads from a Word file (docx.ts, on the export thread) and hands to the
// domain (server/domain/import-docx.ts), which writes the paper and its threads. Types only, so
// that server/export/types.ts loads nothing heavy.
import type { DocNode } from "@/lib/document";

/** Whose name the imported suggestions and threads carry: the importer, for the partner they speak for. */
export type ImportVoice = { userId: string; partnerId: string | null };

export type ImportedComment = {
  /** The Word author (w:author), kept visible in the comment's body. */
  author: string;
  /** As Word wrote it (w:date), if at all. */
  date: string | null;
  /** At most IMPORT_MAX_COMMENT_CHARS + 1 characters: one more says it was cut. */
  text: string;
};

export type ImportedThread = {
  /** The comment-anchor mark's id in the document (in the importer's name). */
  anchorId: string;
  /** Whether the document holds the anchor (a comment on text the import left out has none). */
  anchored: boolean;
  /** The commented text, as far as the anchor reaches. */
  quote: string;
  /** Marked done in Word (commentsExtended.xml). */
  resolved: boolean;
  /** The opening comment, then the replies. */
  comments: ImportedComment[];
};

export type ImportedDocx = {
  doc: DocNode;
  /** Suggestions in the document (each a w:ins / w:del, or a run of them by one Word author). */
  suggestions: number;
  threads: ImportedThread[];
  /** The Word authors of the changes and comments imported, for the audit log. */
  wordAuthors: string[];
};
