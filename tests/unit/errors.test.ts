// Domain errors keep their kind across module copies: the app's bundles, the custom server and
// the export thread's revived errors each have their own AppError class.
import { describe, expect, it } from "vitest";
import { AppError, invalidInput } from "@/server/errors";

describe("AppError", () => {
  it("is recognised whichever copy of the module made it", async () => {
    // A second, separately evaluated copy of server/errors.ts, as another bundle would hold.
    const copy = (await import(`@/server/errors?copy=${Date.now()}`)) as typeof import("@/server/errors");
    expect(copy.AppError).not.toBe(AppError);
    const foreign = copy.invalidInput("docx too large", "exports.import.tooLarge");
    expect(foreign).toBeInstanceOf(AppError);
    expect(invalidInput("x")).toBeInstanceOf(copy.AppError);
    expect(foreign).toMatchObject({ code: "invalid_input", messageKey: "exports.import.tooLarge" });
  });

  it("is not claimed by other errors", () => {
    expect(new Error("boom")).not.toBeInstanceOf(AppError);
    expect(Object.assign(new Error("boom"), { code: "invalid_input" })).not.toBeInstanceOf(AppError);
    expect(null).not.toBeInstanceOf(AppError);
    expect("invalid_input").not.toBeInstanceOf(AppError);
  });
});
