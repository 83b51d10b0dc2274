import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertCorrection, assertSeriesCodes, checkReceiptSequence, formatReceiptNumber, isReceiptNumber, nextReceiptNumber, parseReceiptNumber, type ReceiptCounter } from "./index.js";

describe("receipt numbers", () => {
  it("reads and writes 2026-F-000123", () => {
    expect(formatReceiptNumber({ year: 2026, series: "F", sequence: 123 })).toBe("2026-F-000123");
    expect(parseReceiptNumber("2026-R-000001")).toEqual({ year: 2026, series: "R", sequence: 1 });
    expect(isReceiptNumber("2026-FS-999999")).toBe(true);
    for (const value of ["2026-F-123", "26-F-000123", "2026-f-000123", "2026-F-000000", "2026-FOUR-000001", " 2026-F-000001"]) {
      expect(isReceiptNumber(value)).toBe(false);
      expect(() => parseReceiptNumber(value)).toThrow(expect.objectContaining({ code: "RECEIPT_NUMBER_INVALID" }));
    }
    expect(() => formatReceiptNumber({ year: 2026, series: "F", sequence: 1_000_000 })).toThrow(expect.objectContaining({ code: "RECEIPT_NUMBER_INVALID" }));
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9999 }), fc.stringMatching(/^[A-Z]{1,3}$/), fc.integer({ min: 1, max: 999_999 }), (year, series, sequence) => {
      expect(parseReceiptNumber(formatReceiptNumber({ year, series, sequence }))).toEqual({ year, series, sequence });
    }));
  });

  it("takes the next number from the counter until the series is used up", () => {
    let counter: ReceiptCounter = { year: 2026, series: "F", last: 0 };
    const numbers: string[] = [];
    for (let index = 0; index < 3; index++) {
      const next = nextReceiptNumber(counter);
      numbers.push(next.number);
      counter = next.counter;
    }
    expect(numbers).toEqual(["2026-F-000001", "2026-F-000002", "2026-F-000003"]);
    expect(counter).toEqual({ year: 2026, series: "F", last: 3 });
    expect(() => nextReceiptNumber({ year: 2026, series: "F", last: 999_999 })).toThrow(expect.objectContaining({ code: "RECEIPT_SEQUENCE_EXHAUSTED" }));
  });

  it("finds gaps, repeats and strangers in a list of numbers, per series and year", () => {
    expect(checkReceiptSequence(["2026-F-000002", "2026-F-000001", "2026-R-000001", "2027-F-000001"])).toEqual({ ok: true, missing: [], duplicates: [], invalid: [] });
    expect(checkReceiptSequence([])).toMatchObject({ ok: true });
    expect(checkReceiptSequence(["2026-F-000001", "2026-F-000004", "2026-F-000004", "2026-R-000002", "F-1"])).toEqual({
      ok: false,
      missing: ["2026-F-000002", "2026-F-000003", "2026-R-000001"],
      duplicates: ["2026-F-000004"],
      invalid: ["F-1"],
    });
  });

  it("sees a gap wherever one number is taken out of a consecutive run", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), (count, seed) => {
        let counter: ReceiptCounter = { year: 2026, series: "S", last: 0 };
        const numbers = Array.from({ length: count }, () => {
          const next = nextReceiptNumber(counter);
          counter = next.counter;
          return next.number;
        });
        expect(checkReceiptSequence(numbers).ok).toBe(true);
        const removed = seed % (count - 1);
        expect(checkReceiptSequence(numbers.filter((_, index) => index !== removed)).missing).toEqual([numbers[removed]]);
      }),
    );
  });

  it("wants a correction in the correction series, of a sale, for no more than is left", () => {
    const sale = { number: "2026-F-000010", kind: "sale" as const, total: 5000, corrected: 2000 };
    expect(() => assertCorrection({ number: "2026-R-000001", total: 3000 }, sale)).not.toThrow();
    expect(() => assertCorrection({ number: "2026-F-000011", total: 1000 }, sale)).toThrow(expect.objectContaining({ code: "RECEIPT_CORRECTION_INVALID" }));
    expect(() => assertCorrection({ number: "2026-R-000001", total: 3001 }, sale)).toThrow(expect.objectContaining({ code: "RECEIPT_CORRECTION_INVALID", details: { number: "2026-R-000001", original: "2026-F-000010" } }));
    expect(() => assertCorrection({ number: "2026-R-000002", total: 100 }, { ...sale, kind: "correction" })).toThrow(expect.objectContaining({ code: "RECEIPT_CORRECTION_INVALID" }));
    expect(() => assertCorrection({ number: "2026-RS-000001", total: 100 }, sale, { sale: "S", correction: "RS" })).not.toThrow();
  });

  it("checks an office's series codes", () => {
    expect(assertSeriesCodes({ sale: "S", correction: "R" })).toEqual({ sale: "S", correction: "R" });
    for (const series of [{ sale: "F", correction: "F" }, { sale: "f", correction: "R" }, { sale: "FACT", correction: "R" }]) {
      expect(() => assertSeriesCodes(series)).toThrow(expect.objectContaining({ code: "RECEIPT_NUMBER_INVALID" }));
    }
  });
});
