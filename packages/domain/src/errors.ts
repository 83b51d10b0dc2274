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
  /** The change would leave the organization without an active owner. */
  LAST_OWNER: "CONFLICT",
  /** Only an owner may grant or remove the owner role, or change an owner. */
  OWNER_ROLE_RESERVED: "FORBIDDEN",
  CLIENT_VERSION_CONFLICT: "CONFLICT",
  CLIENT_ARCHIVED: "CONFLICT",
  /** Another department of the same office already has this name. */
  DEPARTMENT_NAME_TAKEN: "CONFLICT",
  /** Another department of the same office already answers on this extension. */
  EXTENSION_TAKEN: "CONFLICT",
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
