import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translate";
import { en } from "../i18n/en";
import { errorCodeOf, errorMessage, fieldIssuesOf, isAuthError, isRetryable } from "./errors";

/** The shape TRPCClientError has on the client: `name`, `message` and the server's `data`. */
function trpcError(data: unknown): Error {
  return Object.assign(new Error("failed"), { name: "TRPCClientError", data });
}

describe("errorCodeOf", () => {
  it("reads the domain code the server puts in data.code", () => {
    expect(errorCodeOf(trpcError({ code: "CLIENT_VERSION_CONFLICT", httpStatus: 409 }))).toBe("CLIENT_VERSION_CONFLICT");
    expect(errorCodeOf(trpcError({ code: "SESSION_EXPIRED", httpStatus: 401 }))).toBe("SESSION_EXPIRED");
  });

  it("falls back to tRPC's transport codes and the HTTP status", () => {
    expect(errorCodeOf(trpcError({ code: "UNAUTHORIZED", httpStatus: 401 }))).toBe("UNAUTHENTICATED");
    expect(errorCodeOf(trpcError({ code: "SOMETHING_NEW", httpStatus: 429 }))).toBe("RATE_LIMITED");
    expect(errorCodeOf(trpcError({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500 }))).toBe("INTERNAL");
  });

  it("tells a failed connection from a server error", () => {
    expect(errorCodeOf(Object.assign(new Error("Failed to fetch"), { name: "TRPCClientError" }))).toBe("NETWORK");
    expect(errorCodeOf(new TypeError("Failed to fetch"))).toBe("NETWORK");
    expect(errorCodeOf("weird")).toBe("INTERNAL");
  });
});

describe("helpers", () => {
  it("knows which errors end the session and which are worth retrying", () => {
    expect(isAuthError(trpcError({ code: "UNAUTHENTICATED" }))).toBe(true);
    expect(isAuthError(trpcError({ code: "FORBIDDEN" }))).toBe(false);
    expect(isRetryable(trpcError({ code: "INTERNAL" }))).toBe(true);
    expect(isRetryable(trpcError({ code: "VALIDATION_FAILED" }))).toBe(false);
  });

  it("extracts well-formed field issues only", () => {
    const error = trpcError({ code: "VALIDATION_FAILED", issues: [{ path: ["notes"], key: "validation.too_long", params: { max: 5000 } }, { nope: true }, null] });
    expect(fieldIssuesOf(error)).toEqual([{ path: ["notes"], key: "validation.too_long", params: { max: 5000 } }]);
    expect(fieldIssuesOf(new Error("x"))).toEqual([]);
  });

  it("translates any error into a sentence", () => {
    const t = createTranslator("en", en);
    expect(errorMessage(t, trpcError({ code: "FORBIDDEN" }))).toBe("You don't have permission to do that.");
    expect(errorMessage(t, new TypeError("Failed to fetch"))).toMatch(/server can't be reached/);
  });
});
