// The vocabulary PaperEditor, its session hook and EditorSurface share: one live connection to a
// paper and what it reports. Types only, so the components that use it import no component.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import type { CommentLabels } from "@/components/comments/types";
import type { RightsMessage } from "@/lib/collab/wire";
import type { SuggestionVoice } from "@/lib/editor/annotations";
import type { PresenceUser } from "@/lib/editor/presence";
import type { MemberView, ThreadView } from "@/server/queries/comments";

/** A paper's Y.Doc bound to its collaboration connection. */
export type Session = { doc: Y.Doc; provider: HocuspocusProvider };

/** The provider's socket status. */
export type Connection = "connecting" | "connected" | "disconnected";

/** Someone present in the paper; `self` is this page's user. */
export type Peer = PresenceUser & { self: boolean };

/** What the server lets this connection write (the `rights` stateless message). */
export type Rights = Omit<RightsMessage, "type">;

/** Comment threads and suggestions beside the text, as the page provides them. */
export type CommentsSetup = {
  threads: ThreadView[];
  members: MemberView[];
  canComment: boolean;
  canDecide: boolean;
  /** Whose suggestions this user may withdraw (their own, their partner's); null: none. */
  withdrawAs: SuggestionVoice | null;
  labels: CommentLabels;
  locale: string;
};
