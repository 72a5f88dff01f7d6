// Client components receive their strings already translated, with `{name}` placeholders left in.

/** Fills `{name}` placeholders, as the server-side translator does. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(vars[name] ?? match));
}
