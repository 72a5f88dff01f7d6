// `{name}` placeholders filled in: by the translator on the server, and by client components,
// which receive their strings already translated with the placeholders left in. Kept apart from
// the catalogs so a client bundle that only fills strings does not carry them.

/** Fills `{name}` placeholders; an unknown name is left as written. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(vars[name] ?? match));
}
