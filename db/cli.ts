// Operator commands: `npm run db:migrate`, `npm run db:seed [-- --force]`,
// `npm run db:admin -- <email> <name…>` (the first administrator's invitation link, printed here).
import { z } from "zod";
import { bootstrapAdministrator } from "@/server/domain/users";
import { AppError } from "@/server/errors";
import { databaseHandle } from "./client";
import { assertSeedingAllowed, prepareDatabase, SeedRefusedError } from "./prepare";

const firstAdministratorSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
});

async function main(command: string | undefined, flags: string[]) {
  const handle = await databaseHandle();
  try {
    if (command === "migrate") {
      await prepareDatabase(handle, { seed: "never", log: console.log });
    } else if (command === "seed") {
      assertSeedingAllowed(process.env, flags.includes("--force"));
      const { seeded } = await prepareDatabase(handle, { seed: "if-empty", log: console.log });
      if (!seeded) console.log("database: not empty, demo data left as it is");
    } else if (command === "admin") {
      const [email, ...name] = flags;
      const input = firstAdministratorSchema.parse({ email, name: name.join(" ") });
      await prepareDatabase(handle, { seed: "never", log: console.log });
      const admin = await bootstrapAdministrator(handle.db, input);
      // Printed, not mailed: the operator hands it to the administrator, who chooses a password.
      console.log(`Invitation for ${admin.email}, usable once until ${admin.invitation.expiresAt.toISOString()}:`);
      console.log(admin.invitation.url);
    } else {
      console.error("usage: tsx db/cli.ts migrate | seed [--force] | admin <email> <name…>");
      process.exitCode = 2;
    }
  } finally {
    await handle.close();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  // Refusals the operator can act on are said in a line; anything else in full.
  console.error(error instanceof SeedRefusedError || error instanceof AppError ? error.message : error);
  process.exitCode = 1;
});
