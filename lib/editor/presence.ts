// Who is in a paper, as shared through Yjs awareness. The server checks `id` against the
// signed-in user, so a client cannot present itself as someone else.
/**
 * `partner` is the partner's name as stored; `iso3` its ISO 3166-1 alpha-3 code when it is a
 * state (null for an organisation), so each viewer names the state in their own language.
 */
export type PresenceUser = { id: string; name: string; partner: string; iso3: string | null; color: string };

/** The shape of an ISO 3166-1 alpha-3 code: nothing longer passes through presence. */
export const ISO3 = /^[A-Z]{3}$/;

/** Dark enough for white label text (WCAG AA), distinct enough side by side. */
const PALETTE = ["#1d4ed8", "#b91c1c", "#047857", "#7e22ce", "#a16207", "#be185d", "#0f766e", "#4338ca", "#c2410c"];

/** The same colour for a user in every browser and every session. */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? "#1d4ed8";
}

export function isPresenceUser(value: unknown): value is PresenceUser {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === "string" &&
    typeof v.name === "string" &&
    typeof v.partner === "string" &&
    (v.iso3 === null || (typeof v.iso3 === "string" && ISO3.test(v.iso3)))
  );
}
