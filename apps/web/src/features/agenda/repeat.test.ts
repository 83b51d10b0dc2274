import { describe, expect, it } from "vitest";
import { minutesOf, repeatRule } from "./repeat";

describe("repeat choices", () => {
  it("always gives an end (COUNT), which the server requires", () => {
    expect(repeatRule("none", 5)).toBeUndefined();
    expect(repeatRule("daily", 5)).toBe("FREQ=DAILY;COUNT=5");
    expect(repeatRule("weekdays", 10)).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10");
    expect(repeatRule("weekly", 0)).toBe("FREQ=WEEKLY;COUNT=1");
    expect(repeatRule("monthly", 2.7)).toBe("FREQ=MONTHLY;COUNT=2");
  });

  it("reads wall-clock times from a time input", () => {
    expect(minutesOf("09:30")).toBe(570);
    expect(minutesOf("00:00")).toBe(0);
    expect(minutesOf("24:00")).toBeUndefined();
    expect(minutesOf("9:30")).toBeUndefined();
    expect(minutesOf("")).toBeUndefined();
  });
});
