// What the comments panel and its parts share: their strings, the panel's props, and the answer
// of a server action as they show it.
import type { Editor } from "@tiptap/core";
import type { SuggestionVoice } from "@/lib/editor/annotations";
import type { Messages } from "@/lib/i18n/messages/en";
import type { MemberView, ThreadView } from "@/server/queries/comments";

export type CommentLabels = Messages["comments"];

export type CommentsPanelProps = {
  editor: Editor;
  paperId: string;
  userId: string;
  threads: ThreadView[];
  members: MemberView[];
  labels: CommentLabels;
  locale: string;
  canComment: boolean;
  canDecide: boolean;
  /** Whose suggestions this user may withdraw (their own, their partner's); null: none. */
  withdrawAs: SuggestionVoice | null;
  /** Whether this page can write its own anchors into the shared text now. */
  canAnchor: boolean;
  active: string | null;
  onActivate: (threadId: string | null) => void;
  /** Reload the threads (after one of this user's own changes). */
  onChanged: () => void;
};

/** A server action's answer, shown beside the control that asked. */
export type Feedback = { ok: boolean; message: string } | null;
