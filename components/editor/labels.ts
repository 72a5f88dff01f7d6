// The editor's strings arrive from the server already in the user's language.
import type { Messages } from "@/lib/i18n/messages/en";

export type EditorLabels = Messages["editor"];

/** Fills `{name}` placeholders, as the server-side translator does. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(vars[name] ?? match));
}
