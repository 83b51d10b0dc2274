import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { daysFromCivil } from "./time.js";
import { isValidTimeZone, Zone } from "./zone.js";

const ZONES = ["Europe/Madrid", "America/New_York", "Pacific/Auckland", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "Africa/Casablanca", "UTC", "Etc/GMT-14"];

describe("Zone", () => {
  it("resolves local wall times like Temporal's compatible disambiguation", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: daysFromCivil(2020, 1, 1), max: daysFromCivil(2030, 12, 31) }), fc.integer({ min: 0, max: 1439 }), (id, day, minutes) => {
        const zone = new Zone(id, day * 86_400_000, day * 86_400_000);
        const date = Temporal.PlainDate.from("1970-01-01").add({ days: day });
        const expected = date.toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toZonedDateTime(id, { disambiguation: "compatible" });
        expect(zone.toInstant(day, minutes)).toBe(expected.epochMilliseconds);
        expect(zone.offsetAt(expected.epochMilliseconds)).toBe(expected.offsetNanoseconds / 1e6);
      }),
      { numRuns: 500 },
    );
  });

  it("handles the exact minutes around changes", () => {
    const madrid = new Zone("Europe/Madrid", 0, 0);
    const spring = daysFromCivil(2025, 3, 30);
    expect(new Date(madrid.toInstant(spring, 120)).toISOString()).toBe("2025-03-30T01:00:00.000Z"); // 02:00 does not exist: 03:00 CEST
    expect(new Date(madrid.toInstant(spring, 179)).toISOString()).toBe("2025-03-30T01:59:00.000Z");
    expect(new Date(madrid.toInstant(spring, 180)).toISOString()).toBe("2025-03-30T01:00:00.000Z");
    const autumn = daysFromCivil(2025, 10, 26);
    expect(new Date(madrid.toInstant(autumn, 150)).toISOString()).toBe("2025-10-26T00:30:00.000Z"); // the earlier 02:30
    expect(madrid.transitionsBetween(Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)).map((at) => new Date(at).toISOString())).toEqual(["2025-03-30T01:00:00.000Z", "2025-10-26T01:00:00.000Z"]);
    expect(madrid.localDay(Date.UTC(2025, 5, 1, 22, 30))).toBe(daysFromCivil(2025, 6, 2));
  });

  it("grows its range on demand, backwards and forwards", () => {
    const zone = new Zone("America/New_York", Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 2));
    expect(zone.offsetAt(Date.UTC(2025, 6, 1))).toBe(-4 * 3_600_000);
    expect(zone.offsetAt(Date.UTC(2010, 0, 1))).toBe(-5 * 3_600_000);
  });

  it("knows IANA names and refuses others", () => {
    expect(isValidTimeZone("Europe/Madrid")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    for (const bad of ["Europe/Atlantis", "+01:00", "", null, 3]) expect(isValidTimeZone(bad)).toBe(false);
    expect(() => new Zone("Nowhere/Land", 0, 0)).toThrow(expect.objectContaining({ code: "UNKNOWN_TIME_ZONE" }));
  });
});
