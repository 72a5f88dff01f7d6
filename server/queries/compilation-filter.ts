// The compilation's filters as query parameters (the page's GET form and the download links): a
// delegation (partner id), a paragraph number and a status; anything else is ignored (no filter).
import { z } from "zod";
import { type CompilationFilter, compilationStatuses } from "./compilation";

const delegation = z.uuid();
const paragraph = z.coerce.number().int().positive().max(1_000_000);
const status = z.enum(compilationStatuses);

export function compilationQuery(params: Record<string, string | string[] | undefined>): CompilationFilter {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const d = delegation.safeParse(one(params.delegation));
  const p = paragraph.safeParse(one(params.paragraph));
  const s = status.safeParse(one(params.status));
  return {
    ...(d.success ? { delegation: d.data } : {}),
    ...(p.success ? { paragraph: p.data } : {}),
    ...(s.success ? { status: s.data } : {}),
  };
}

/** The query string for these filters ("" when none). */
export function compilationSearch(filter: CompilationFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (filter.delegation) params.set("delegation", filter.delegation);
  if (filter.paragraph !== undefined) params.set("paragraph", String(filter.paragraph));
  if (filter.status) params.set("status", filter.status);
  const search = params.toString();
  return search ? `?${search}` : "";
}
