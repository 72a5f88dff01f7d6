// The editor's strings arrive from the server already in the user's language.
import type { Messages } from "@/lib/i18n/messages/en";

export type EditorLabels = Messages["editor"];
