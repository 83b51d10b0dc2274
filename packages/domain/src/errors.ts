/**
 * Stable error codes. The server puts them in tRPC's `error.data.code`; the client translates
 * them (`errors.<CODE>`); tests assert on them. Never rename one: add a new one.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  SESSION_EXPIRED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  VALIDATION_FAILED: "BAD_REQUEST",
  SETUP_ALREADY_DONE: "CONFLICT",
  EMAIL_TAKEN: "CONFLICT",
  CLIENT_VERSION_CONFLICT: "CONFLICT",
  CLIENT_ARCHIVED: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
/** The tRPC error code each domain error travels as. */
export type TransportCode = (typeof ERROR_CODES)[ErrorCode];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

/** A failure the user can understand and act on; `code` is stable, `message` is for logs. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}
