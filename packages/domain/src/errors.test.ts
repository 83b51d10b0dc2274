import { describe, expect, it } from "vitest";
import { DomainError, ERROR_CODES, isErrorCode } from "./errors.js";

describe("error codes", () => {
  it("recognizes its own codes only", () => {
    expect(isErrorCode("CLIENT_VERSION_CONFLICT")).toBe(true);
    expect(isErrorCode("BAD_REQUEST")).toBe(false);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  it("maps every code to a tRPC code", () => {
    const transport = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "CONFLICT", "TOO_MANY_REQUESTS", "INTERNAL_SERVER_ERROR"];
    for (const code of Object.values(ERROR_CODES)) expect(transport).toContain(code);
  });

  it("carries a stable code and details on a DomainError", () => {
    const error = new DomainError("CLIENT_VERSION_CONFLICT", undefined, { current: 3 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("CLIENT_VERSION_CONFLICT");
    expect(error.message).toBe("CLIENT_VERSION_CONFLICT");
    expect(error.details).toEqual({ current: 3 });
  });
});
