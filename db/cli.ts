// Operator commands: `npm run db:migrate`, `npm run db:seed [-- --force]`.
import { databaseHandle } from "./client";
import { assertSeedingAllowed, prepareDatabase, SeedRefusedError } from "./prepare";

async function main(command: string | undefined, flags: string[]) {
  const handle = await databaseHandle();
  try {
    if (command === "migrate") {
      await prepareDatabase(handle, { seed: "never", log: console.log });
    } else if (command === "seed") {
      assertSeedingAllowed(process.env, flags.includes("--force"));
      const { seeded } = await prepareDatabase(handle, { seed: "if-empty", log: console.log });
      if (!seeded) console.log("database: not empty, demo data left as it is");
    } else {
      console.error("usage: tsx db/cli.ts migrate | seed [--force]");
      process.exitCode = 2;
    }
  } finally {
    await handle.close();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof SeedRefusedError ? error.message : error);
  process.exitCode = 1;
});
