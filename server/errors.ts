// Typed domain errors. Every entry point maps them to a status and a message in one place.
export type ErrorCode =
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "conflict"
  | "invalid_transition"
  | "unauthenticated"
  | "rate_limited";

// The app's bundles and the custom server each load their own copy of this module (and the
// export thread's errors are revived by the server's copy): `instanceof` goes by this brand, not
// by the class object, so every copy recognises every other's errors.
const appErrorBrand = Symbol.for("accord.AppError");

export class AppError extends Error {
  readonly [appErrorBrand] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === "object" && value !== null && (value as { [appErrorBrand]?: unknown })[appErrorBrand] === true
    );
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Message-catalog key for what the user is told. */
    readonly messageKey: string = `errors.${code}`,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const conflict = (message: string, messageKey?: string) => new AppError("conflict", message, messageKey);
export const invalidInput = (message: string, messageKey?: string) =>
  new AppError("invalid_input", message, messageKey);
/** An allowance spent (server/rate-limit.ts, server/shared-limiter.ts); nothing was changed. */
export const rateLimited = (message: string, messageKey?: string) => new AppError("rate_limited", message, messageKey);

export const httpStatusOf: Record<ErrorCode, number> = {
  not_found: 404,
  // Denials answer 404 wherever existence must not leak; the caller decides.
  forbidden: 403,
  invalid_input: 400,
  conflict: 409,
  invalid_transition: 409,
  unauthenticated: 401,
  rate_limited: 429,
};

/** Postgres unique violation, from either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };
  if (e?.code === "23505") {
    return !constraint || e.constraint_name === constraint || e.constraint === constraint;
  }
  return e?.cause ? isUniqueViolation(e.cause, constraint) : false;
}
