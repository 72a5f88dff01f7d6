// Document symbols of official texts, UN style: each dialogue may set a pattern such as
// `RABAT/{year}/WG.1/L.{number}`; freezing a revision issues its symbol from it
// (server/domain/workflow.ts) and stores it on the revision row, so the symbol never changes
// after issue, whatever later happens to the pattern.
//
// The language: literal characters (letters, digits and `. / - _` and spaces) and two
// placeholders, `{number}` (the paper's serial number in its dialogue: required, once, so two
// papers never share a symbol) and `{year}` (the UTC year the revision was frozen, optional).
// Revisions follow UN practice: the first issue carries the base symbol (`…/L.3`), the n-th
// re-issue appends `/Rev.n` (revision 2 → `…/L.3/Rev.1`, revision 3 → `…/L.3/Rev.2`).
// Nothing here touches the database or a renderer: pages, domain functions and exports share it.
import { z } from "zod";

export const DOCUMENT_SYMBOL_PATTERN_MAX = 60;
export const documentSymbolPlaceholders = ["number", "year"] as const;

/** Why a pattern is refused: each reason is a message key under `exports.symbol.errors`. */
export type SymbolPatternProblem = "empty" | "tooLong" | "characters" | "placeholder" | "number";

/** The first problem of a pattern, or null when it can be used. */
export function symbolPatternProblem(pattern: string): SymbolPatternProblem | null {
  if (!pattern) return "empty";
  if (pattern.length > DOCUMENT_SYMBOL_PATTERN_MAX) return "tooLong";
  const literal = pattern.replace(/\{[^{}]*\}/g, "");
  if (!/^[A-Za-z0-9./_ -]*$/.test(literal)) return "characters";
  const placeholders = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  if (placeholders.some((name) => !(documentSymbolPlaceholders as readonly string[]).includes(name ?? ""))) {
    return "placeholder";
  }
  if (placeholders.filter((name) => name === "number").length !== 1) return "number";
  return null;
}

/**
 * A pattern as the administrator sends it: trimmed; blank means "no symbols" (null). The
 * refusal's message is the key of the reason, which the domain function turns into a translated error.
 */
export const documentSymbolPatternSchema = z
  .string()
  .max(200)
  .transform((value) => value.trim())
  .superRefine((value, ctx) => {
    if (!value) return;
    const problem = symbolPatternProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `exports.symbol.errors.${problem}` });
  })
  .transform((value) => value || null);

/** The symbol of revision `revision` of paper `serialNumber`, frozen at `frozenAt`. */
export function documentSymbolFor(
  pattern: string,
  facts: { serialNumber: number; revision: number; frozenAt: Date },
): string {
  const base = pattern
    .replaceAll("{number}", String(facts.serialNumber))
    .replaceAll("{year}", String(facts.frozenAt.getUTCFullYear()));
  return facts.revision > 1 ? `${base}/Rev.${facts.revision - 1}` : base;
}

/** A revision's symbol (null when its dialogue issued none), for pages that show it. */
export function documentSymbolOf(revision: { documentSymbol: string | null } | null | undefined): string | null {
  return revision?.documentSymbol ?? null;
}

/** The symbol as a file-name part: `RABAT/2026/WG.1/L.3/Rev.1` → `RABAT-2026-WG.1-L.3-Rev.1`. */
export function symbolFilePart(symbol: string): string {
  return symbol
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80);
}
