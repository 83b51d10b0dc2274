import { describe, expect, it } from "vitest";
import { dayAxis, instantAtY, nowY, placeItems, placeRanges } from "./layout";

const at = (iso: string) => Date.parse(iso);
const item = (id: string, start: string, end: string) => ({ id, start: at(start), end: at(end) });

describe("dayAxis", () => {
  it("is 24 hours on an ordinary Madrid day, starting at local midnight", () => {
    const axis = dayAxis("2025-06-10", "Europe/Madrid", "elapsed");
    expect(axis.start).toBe(at("2025-06-09T22:00:00Z"));
    expect(axis.length).toBe(1440);
    expect(axis.hours.map((mark) => mark.minutes / 60)).toEqual(Array.from({ length: 24 }, (_, hour) => hour));
  });

  it("is 23 hours on the spring-forward day, without 02:00", () => {
    const axis = dayAxis("2025-03-30", "Europe/Madrid", "elapsed");
    expect(axis.length).toBe(23 * 60);
    expect(axis.hours.map((mark) => mark.minutes / 60)).toEqual([0, 1, ...Array.from({ length: 21 }, (_, hour) => hour + 3)]);
    // 09:00 local (07:00Z) is eight hours after midnight.
    expect(axis.toY(at("2025-03-30T07:00:00Z"))).toBe(8 * 60);
  });

  it("is 25 hours on the fall-back day, with 02:00 twice", () => {
    const axis = dayAxis("2025-10-26", "Europe/Madrid", "elapsed");
    expect(axis.length).toBe(25 * 60);
    expect(axis.hours.map((mark) => mark.minutes / 60).slice(0, 5)).toEqual([0, 1, 2, 2, 3]);
    expect(axis.toY(at("2025-10-26T08:00:00Z"))).toBe(10 * 60);
  });

  it("keeps wall-clock rows in the week view on DST days", () => {
    const spring = dayAxis("2025-03-30", "Europe/Madrid", "wall");
    expect(spring.length).toBe(1440);
    expect(spring.toY(at("2025-03-30T07:00:00Z"))).toBe(9 * 60);
    const autumn = dayAxis("2025-10-26", "Europe/Madrid", "wall");
    expect(autumn.toY(at("2025-10-26T08:00:00Z"))).toBe(9 * 60);
    // Both 02:30s land on the same row.
    expect(autumn.toY(at("2025-10-26T00:30:00Z"))).toBe(150);
    expect(autumn.toY(at("2025-10-26T01:30:00Z"))).toBe(150);
  });

  it("does not depend on the browser's zone: New York's day in New York's hours", () => {
    const axis = dayAxis("2025-03-09", "America/New_York", "elapsed");
    expect(axis.start).toBe(at("2025-03-09T05:00:00Z"));
    expect(axis.length).toBe(23 * 60);
  });
});

describe("placeItems", () => {
  const axis = dayAxis("2025-06-10", "Europe/Madrid", "elapsed");

  it("puts an appointment at its local time with its length", () => {
    const [placed] = placeItems([item("a", "2025-06-10T07:00:00Z", "2025-06-10T07:30:00Z")], axis);
    expect(placed).toMatchObject({ top: 9 * 60, height: 30, lane: 0, lanes: 1 });
  });

  it("sets overlapping appointments side by side and leaves others full width", () => {
    const placed = placeItems(
      [
        item("a", "2025-06-10T07:00:00Z", "2025-06-10T08:00:00Z"),
        item("b", "2025-06-10T07:30:00Z", "2025-06-10T08:30:00Z"),
        item("c", "2025-06-10T08:00:00Z", "2025-06-10T08:15:00Z"),
        item("d", "2025-06-10T10:00:00Z", "2025-06-10T10:30:00Z"),
      ],
      axis,
    );
    const byId = Object.fromEntries(placed.map((entry) => [entry.item.id, entry]));
    expect(byId.a).toMatchObject({ lane: 0, lanes: 2 });
    expect(byId.b).toMatchObject({ lane: 1, lanes: 2 });
    // c starts when a ends, so it reuses a's lane.
    expect(byId.c).toMatchObject({ lane: 0, lanes: 2 });
    expect(byId.d).toMatchObject({ lane: 0, lanes: 1 });
  });

  it("never gives two overlapping items the same lane", () => {
    const items = Array.from({ length: 40 }, (_, index) => {
      const start = at("2025-06-10T06:00:00Z") + ((index * 37) % 300) * 60_000;
      return { id: String(index), start, end: start + (15 + ((index * 13) % 90)) * 60_000 };
    });
    const placed = placeItems(items, axis);
    for (const a of placed) {
      expect(a.lane).toBeLessThan(a.lanes);
      for (const b of placed) {
        if (a === b) continue;
        const overlap = a.top < b.top + b.height && b.top < a.top + a.height;
        if (overlap) expect(a.lane === b.lane).toBe(false);
      }
    }
  });

  it("cuts an appointment crossing midnight and says so", () => {
    const [placed] = placeItems([item("late", "2025-06-10T21:30:00Z", "2025-06-10T23:00:00Z")], axis);
    expect(placed).toMatchObject({ top: 23 * 60 + 30, height: 30, continuesAfter: true, continuesBefore: false });
  });

  it("gives a very short appointment a clickable height", () => {
    const [placed] = placeItems([item("a", "2025-06-10T07:00:00Z", "2025-06-10T07:05:00Z")], axis);
    expect(placed?.height).toBe(15);
  });

  it("places two appointments of the repeated hour side by side in the week view", () => {
    const autumn = dayAxis("2025-10-26", "Europe/Madrid", "wall");
    const placed = placeItems([item("first", "2025-10-26T00:30:00Z", "2025-10-26T01:00:00Z"), item("second", "2025-10-26T01:30:00Z", "2025-10-26T02:00:00Z")], autumn);
    expect(placed.map((entry) => [entry.top, entry.lanes])).toEqual([
      [150, 2],
      [150, 2],
    ]);
  });
});

describe("ranges, now and clicks", () => {
  const axis = dayAxis("2025-06-10", "Europe/Madrid", "elapsed");

  it("shades office hours, cut to the day", () => {
    expect(placeRanges([{ start: at("2025-06-10T07:00:00Z"), end: at("2025-06-10T15:00:00Z") }], axis)).toEqual([{ top: 540, height: 480 }]);
    expect(placeRanges([{ start: at("2025-06-10T20:00:00Z"), end: at("2025-06-11T06:00:00Z") }], axis)).toEqual([{ top: 1320, height: 120 }]);
  });

  it("draws the current-time line only on today", () => {
    expect(nowY(at("2025-06-10T10:15:00Z"), axis)).toBe(12 * 60 + 15);
    expect(nowY(at("2025-06-11T10:15:00Z"), axis)).toBeNull();
  });

  it("turns a click into a start time snapped to the step", () => {
    expect(new Date(instantAtY(9 * 60 + 20, axis)).toISOString()).toBe("2025-06-10T07:15:00.000Z");
    const wall = dayAxis("2025-03-30", "Europe/Madrid", "wall");
    expect(new Date(instantAtY(9 * 60 + 5, wall)).toISOString()).toBe("2025-03-30T07:00:00.000Z");
  });
});
