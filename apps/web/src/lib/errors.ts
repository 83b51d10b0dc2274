import { isErrorCode, type ErrorCode, type FieldIssue } from "@frontoffice/domain";
import type { MessageKey, Translator } from "../i18n";

/** A domain error code, or NETWORK when the server could not be reached at all. */
export type AppErrorCode = ErrorCode | "NETWORK";

/** tRPC's own codes, for errors that did not come from our domain (e.g. a proxy or the router). */
const TRANSPORT_FALLBACK: Readonly<Record<string, ErrorCode>> = {
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_REQUEST: "VALIDATION_FAILED",
  PARSE_ERROR: "VALIDATION_FAILED",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
};

function dataOf(error: unknown): Record<string, unknown> | null {
  if (!error || typeof error !== "object") return null;
  const data = (error as { data?: unknown }).data;
  return data && typeof data === "object" ? (data as Record<string, unknown>) : null;
}

/** The stable code of a failed tRPC call (`TRPCClientError.data.code`). */
export function errorCodeOf(error: unknown): AppErrorCode {
  const data = dataOf(error);
  if (data) {
    if (isErrorCode(data.code)) return data.code;
    if (typeof data.code === "string" && TRANSPORT_FALLBACK[data.code]) return TRANSPORT_FALLBACK[data.code] as ErrorCode;
    if (data.httpStatus === 429) return "RATE_LIMITED";
    return "INTERNAL";
  }
  // A TRPCClientError without data: the request never got an answer we could read.
  if (error instanceof Error && (error.name === "TRPCClientError" || error.name === "TypeError")) return "NETWORK";
  return "INTERNAL";
}

export function isAuthError(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code === "UNAUTHENTICATED" || code === "SESSION_EXPIRED";
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (!value || typeof value !== "object") return false;
  const issue = value as Partial<FieldIssue>;
  return Array.isArray(issue.path) && typeof issue.key === "string";
}

/** Field issues sent with VALIDATION_FAILED (`data.issues`), ignoring anything malformed. */
export function fieldIssuesOf(error: unknown): FieldIssue[] {
  const issues = dataOf(error)?.issues;
  return Array.isArray(issues) ? issues.filter(isFieldIssue) : [];
}

export function errorMessageKey(code: AppErrorCode): MessageKey {
  return code === "NETWORK" ? "errors.network" : `errors.${code}`;
}

/** A sentence staff can read, in their language, for any failed call. */
export function errorMessage(t: Translator, error: unknown): string {
  return t(errorMessageKey(errorCodeOf(error)));
}

/** Whether retrying could help (network and server trouble), as opposed to a clear refusal. */
export function isRetryable(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code === "NETWORK" || code === "INTERNAL";
}
