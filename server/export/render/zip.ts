// ZIP archives whose bytes depend only on their entries and one time: the dialogue's ZIP of
// submitted papers, and the DOCX package (docx-package.ts).
import { type Zippable, zipSync } from "fflate";
import type { ZipEntry } from "../types";

/**
 * Zip times are local-time fields: built from the UTC fields so every server writes the same.
 * To the minute, or (`seconds`) to the even second, the finest a zip time holds.
 */
export function zipTime(date: Date, { seconds = false }: { seconds?: boolean } = {}): Date {
  return new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    seconds ? date.getUTCSeconds() - (date.getUTCSeconds() % 2) : 0,
  );
}

/** A ZIP whose bytes depend only on its entries and `mtime`: entries in name order, one time for all. */
export function zipFiles(entries: ZipEntry[], mtime: Date): Uint8Array {
  const local = zipTime(mtime);
  const ordered: Zippable = {};
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
    ordered[entry.path] = [entry.bytes, { mtime: local, level: 6 }];
  return zipSync(ordered);
}
