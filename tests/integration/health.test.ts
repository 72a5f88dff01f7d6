// GET /api/health: 200 while the database answers, 503 once it does not.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { installDatabase, openDatabase } from "@/db/client";

describe("health check", () => {
  it("answers 200 with a working database and 503 without one", async () => {
    const handle = await openDatabase({ memory: true });
    installDatabase(handle);
    const up = await GET();
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ok", database: "up" });

    await handle.close();
    const down = await GET();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", database: "down" });
  });
});
