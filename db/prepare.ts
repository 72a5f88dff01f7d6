// Brings a database up to date: migrations always, demo data on an empty database when allowed.

import { indexPapersMissingFromSearch } from "@/server/search/index-entries";
import type { DatabaseHandle } from "./client";
import { giveLegacyPapersTheirState } from "./legacy-papers";
import { isDatabaseEmpty, seedDemoData } from "./seed/demo";

export type SeedPolicy = "if-empty" | "never";

export class SeedRefusedError extends Error {}

/** Seeding writes known passwords: never in production unless the operator forces it. */
export function assertSeedingAllowed(env: NodeJS.ProcessEnv = process.env, force = false): void {
  if (env.NODE_ENV === "production" && !force && env.ACCORD_SEED_FORCE !== "1") {
    throw new SeedRefusedError(
      "Refusing to seed demo accounts in production. Set ACCORD_SEED_FORCE=1 (or pass --force) if you really mean it.",
    );
  }
}

export async function prepareDatabase(
  handle: DatabaseHandle,
  options: { seed: SeedPolicy; log?: (line: string) => void },
): Promise<{ seeded: boolean }> {
  const log = options.log ?? (() => {});
  const converted = await giveLegacyPapersTheirState(handle.db);
  if (converted > 0) log(`database: ${converted} paper(s) given their collaboration state`);
  await handle.migrate();
  log(`database: ${handle.describe}, migrations applied`);
  const indexed = await indexPapersMissingFromSearch(handle.db);
  if (indexed > 0) log(`database: ${indexed} paper(s) added to the search index`);
  if (options.seed === "never") return { seeded: false };
  if (!(await isDatabaseEmpty(handle.db))) return { seeded: false };
  await seedDemoData(handle.db);
  log("database: demo data seeded (password for every demo account: accord-demo-2013)");
  return { seeded: true };
}
