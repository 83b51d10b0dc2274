import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { covers, fromPairs, intersect, type IntervalSet, loadAbove, overlaps, subtract, union, unionAll } from "./intervals.js";

/** Sets as bitmaps over 0..99: the obvious model. */
const SIZE = 100;
const bits = (set: IntervalSet) => {
  const result = new Array<boolean>(SIZE).fill(false);
  for (let index = 0; index < set.length; index += 2) for (let at = set[index] as number; at < (set[index + 1] as number); at++) result[at] = true;
  return result;
};
const fromBits = (values: boolean[]) => {
  const pairs: number[] = [];
  values.forEach((value, at) => {
    if (value) pairs.push(at, at + 1);
  });
  return fromPairs(pairs);
};
const rawPairs = fc.array(fc.tuple(fc.integer({ min: 0, max: SIZE - 1 }), fc.integer({ min: 0, max: 30 })), { maxLength: 8 }).map((list) => list.flatMap(([start, length]) => [start, Math.min(SIZE, start + length)]));
const set = rawPairs.map(fromPairs);

const isNormal = (value: IntervalSet) => {
  for (let index = 0; index < value.length; index += 2) {
    if ((value[index] as number) >= (value[index + 1] as number)) return false;
    if (index > 0 && (value[index] as number) <= (value[index - 1] as number)) return false;
  }
  return true;
};

describe("interval sets", () => {
  it("fromPairs normalizes", () => {
    expect(fromPairs([5, 10, 0, 3, 3, 4, 9, 12, 20, 20])).toEqual([0, 4, 5, 12]);
    fc.assert(
      fc.property(rawPairs, (pairs) => {
        expect(isNormal(fromPairs(pairs))).toBe(true);
      }),
    );
  });

  it("union, intersection and difference match the bitmap model", () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const [x, y] = [bits(a), bits(b)];
        expect(union(a, b)).toEqual(fromBits(x.map((value, at) => value || (y[at] as boolean))));
        expect(intersect(a, b)).toEqual(fromBits(x.map((value, at) => value && (y[at] as boolean))));
        expect(subtract(a, b)).toEqual(fromBits(x.map((value, at) => value && !(y[at] as boolean))));
        expect(unionAll([a, b, a])).toEqual(union(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it("covers and overlaps", () => {
    fc.assert(
      fc.property(set, fc.integer({ min: 0, max: SIZE - 1 }), fc.integer({ min: 1, max: 20 }), (a, start, length) => {
        const end = Math.min(SIZE, start + length);
        const model = bits(a).slice(start, end);
        expect(covers(a, start, end)).toBe(model.every(Boolean));
        expect(overlaps(a, start, end)).toBe(model.some(Boolean));
      }),
      { numRuns: 500 },
    );
  });

  it("loadAbove finds where weighted intervals exceed a threshold", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: SIZE - 2 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 3 })), { maxLength: 10 }), fc.integer({ min: 0, max: 4 }), (events, threshold) => {
        const load = new Array<number>(SIZE).fill(0);
        const flat: number[] = [];
        for (const [start, length, weight] of events) {
          const end = Math.min(SIZE, start + length);
          flat.push(start, end, weight);
          for (let at = start; at < end; at++) load[at] = (load[at] as number) + weight;
        }
        expect(loadAbove(flat, threshold)).toEqual(fromBits(load.map((value) => value > threshold)));
      }),
      { numRuns: 500 },
    );
  });
});
