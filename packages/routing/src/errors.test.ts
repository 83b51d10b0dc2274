import { CALL_QUEUE_STRATEGIES, ERROR_CODES, PRESENCE_STATUSES } from "@frontoffice/domain";
import { describe, expect, it } from "vitest";
import { isRoutingError, isRoutingErrorCode, QUEUE_STRATEGIES, ROUTING_ERROR_CODES, RoutingError, STAFF_STATUSES } from "./index.js";

describe("RoutingError", () => {
  it("carries a stable code and details", () => {
    const error = new RoutingError("ROUTING_UNKNOWN_EXTENSION", "none", { extension: "999" });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "RoutingError", code: "ROUTING_UNKNOWN_EXTENSION", message: "none", details: { extension: "999" } });
    expect(new RoutingError("ROUTING_OVERFLOW_CYCLE").message).toBe("ROUTING_OVERFLOW_CYCLE");
    expect(isRoutingError(error)).toBe(true);
    expect(isRoutingError(new Error("x"))).toBe(false);
  });

  it("has codes a server maps to translated messages", () => {
    expect(isRoutingErrorCode("ROUTING_UNKNOWN_EXTENSION")).toBe(true);
    expect(isRoutingErrorCode("toString")).toBe(false);
    expect(ROUTING_ERROR_CODES.ROUTING_UNKNOWN_EXTENSION).toBe("NOT_FOUND");
    for (const code of Object.keys(ROUTING_ERROR_CODES)) expect(code).toMatch(/^ROUTING_[A-Z_]+$/);
  });

  it("has every code in @frontoffice/domain with the same transport, so servers pass it on and clients translate it", () => {
    for (const [code, transport] of Object.entries(ROUTING_ERROR_CODES)) {
      expect(ERROR_CODES[code as keyof typeof ERROR_CODES], code).toBe(transport);
    }
  });

  it("uses the same staff statuses and queue strategies as the domain's schemas", () => {
    expect(STAFF_STATUSES).toEqual(PRESENCE_STATUSES);
    expect(QUEUE_STRATEGIES).toEqual(CALL_QUEUE_STRATEGIES);
  });
});
