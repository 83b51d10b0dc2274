import { describe, expect, it } from "vitest";
import { isSchedulingError, isSchedulingErrorCode, SCHEDULING_ERROR_CODES, SchedulingError } from "./index.js";

describe("SchedulingError", () => {
  it("carries a stable code and details", () => {
    const error = new SchedulingError("SLOT_TAKEN", "taken", { calendarId: "ana" });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "SchedulingError", code: "SLOT_TAKEN", message: "taken", details: { calendarId: "ana" } });
    expect(new SchedulingError("IN_THE_PAST").message).toBe("IN_THE_PAST");
    expect(isSchedulingError(error)).toBe(true);
    expect(isSchedulingError(new Error("x"))).toBe(false);
  });

  it("has the codes a server maps to translated messages", () => {
    for (const code of ["UNKNOWN_TIME_ZONE", "DURATION_NOT_MULTIPLE_OF_STEP", "OUTSIDE_WORKING_HOURS", "IN_THE_PAST", "BEYOND_BOOKING_WINDOW", "RECURRENCE_UNBOUNDED", "RECURRENCE_TOO_LONG", "ICS_TOO_LARGE", "ICS_MALFORMED", "SLOT_TAKEN"]) {
      expect(isSchedulingErrorCode(code)).toBe(true);
    }
    expect(isSchedulingErrorCode("toString")).toBe(false);
    expect(SCHEDULING_ERROR_CODES.SLOT_TAKEN).toBe("CONFLICT");
    expect(SCHEDULING_ERROR_CODES.ICS_TOO_LARGE).toBe("PAYLOAD_TOO_LARGE");
  });
});
