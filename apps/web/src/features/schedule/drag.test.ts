import { describe, expect, it } from "vitest";
import { columnAt, dragStep, dropTarget, droppedStart, isDrag } from "./drag";
import { dayAxis } from "./layout";

const MADRID = "Europe/Madrid";
const SCALE = 0.8;
const june = dayAxis("2026-06-10", MADRID, "elapsed");
const at = (iso: string) => Date.parse(iso);

describe("drag arithmetic", () => {
  it("a press becomes a drag after a few pixels", () => {
    expect(isDrag(2, 3)).toBe(false);
    expect(isDrag(3, 4)).toBe(true);
    expect(isDrag(0, -6)).toBe(true);
  });

  it("snaps to the office's step, or 15 minutes", () => {
    expect(dragStep(null)).toBe(15);
    expect(dragStep(30)).toBe(30);
  });

  it("finds the column under the pointer", () => {
    const columns = [{ left: 56, right: 200 }, { left: 200, right: 344 }];
    expect(columnAt(60, columns)).toBe(0);
    expect(columnAt(200, columns)).toBe(1);
    expect(columnAt(10, columns)).toBeNull();
    expect(columnAt(400, columns)).toBeNull();
  });

  it("moves a block one hour down: 48 pixels at 0.8 px a minute", () => {
    const top = june.toY(at("2026-06-10T08:00:00Z")); // 10:00 in Madrid
    expect(new Date(droppedStart(top, 48, SCALE, june, 15, 30)).toISOString()).toBe("2026-06-10T09:00:00.000Z");
  });

  it("rounds to the nearest step, not down", () => {
    const top = june.toY(at("2026-06-10T08:00:00Z"));
    // 10 minutes down (8 px) rounds to 10:15 on a 15-minute grid, 6 minutes to 10:00.
    expect(new Date(droppedStart(top, 8, SCALE, june, 15, 30)).toISOString()).toBe("2026-06-10T08:15:00.000Z");
    expect(new Date(droppedStart(top, 4.8, SCALE, june, 15, 30)).toISOString()).toBe("2026-06-10T08:00:00.000Z");
    // On a 30-minute grid 20 minutes down is 10:30.
    expect(new Date(droppedStart(top, 16, SCALE, june, 30, 30)).toISOString()).toBe("2026-06-10T08:30:00.000Z");
  });

  it("stays inside the day, with room for the appointment", () => {
    const top = june.toY(at("2026-06-10T08:00:00Z"));
    expect(new Date(droppedStart(top, -5000, SCALE, june, 15, 30)).toISOString()).toBe("2026-06-09T22:00:00.000Z");
    expect(new Date(droppedStart(top, 5000, SCALE, june, 15, 60)).toISOString()).toBe("2026-06-10T21:00:00.000Z");
  });

  it("counts elapsed time on the autumn clock change: an hour down from 01:30 is the second 01:30", () => {
    const autumn = dayAxis("2026-10-25", MADRID, "elapsed");
    const first = at("2026-10-24T23:30:00Z"); // 01:30 CEST
    expect(new Date(droppedStart(autumn.toY(first), 48, SCALE, autumn, 15, 30)).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("drops on another staff member's column, or back on its own where it may not go", () => {
    const from = { column: 0, topMinutes: june.toY(at("2026-06-10T08:00:00Z")), start: at("2026-06-10T08:00:00Z"), durationMinutes: 30 };
    const columns = [
      { left: 56, right: 200, axis: june, allowed: true },
      { left: 200, right: 344, axis: june, allowed: true },
      { left: 344, right: 488, axis: june, allowed: false },
    ];
    expect(dropTarget({ from, pointerX: 250, deltaY: 0, scale: SCALE, step: 15, columns })).toEqual({ column: 1, start: from.start });
    expect(dropTarget({ from, pointerX: 400, deltaY: 48, scale: SCALE, step: 15, columns })).toEqual({ column: 0, start: at("2026-06-10T09:00:00Z") });
    expect(dropTarget({ from, pointerX: 100, deltaY: 3, scale: SCALE, step: 15, columns })).toBeNull();
  });

  it("keeps the wall time when dropped on another day of the week view", () => {
    const monday = dayAxis("2026-10-23", MADRID, "wall");
    const sunday = dayAxis("2026-10-25", MADRID, "wall");
    const start = at("2026-10-23T08:00:00Z"); // 10:00 CEST
    const from = { column: 0, topMinutes: monday.toY(start), start, durationMinutes: 30 };
    const columns = [
      { left: 0, right: 100, axis: monday, allowed: true },
      { left: 100, right: 200, axis: sunday, allowed: true },
    ];
    // 10:00 on the Sunday the clocks went back is 09:00 UTC.
    expect(dropTarget({ from, pointerX: 150, deltaY: 0, scale: SCALE, step: 15, columns })).toEqual({ column: 1, start: at("2026-10-25T09:00:00Z") });
  });
});
