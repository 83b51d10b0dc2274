/// <reference types="node" />
/**
 * `pnpm --filter @frontoffice/scheduling bench`: free slots for 50 staff over 30 days with
 * realistic hours (Spanish split shifts, Madrid holidays, time off, a daylight-saving change)
 * and 10,000 existing bookings, timed in-process for `findSlots` and for the naive baseline
 * (every slot of the grid tested against every booking), side by side. Both must agree.
 */
import { isDeepStrictEqual } from "node:util";
import { naiveSlots } from "./naive.js";
import { type Booking, type Calendar, findSlots, fixedClock, publicHolidays, type Service, type Slot, type WeeklyHours } from "../src/index.js";

const STAFF = 50;
const DAYS = 30;
const BOOKINGS = 10_000;
const NOW = "2025-10-01T06:00:00Z";
const TIME_ZONE = "Europe/Madrid";

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function scenario() {
  const next = random(20_251_001);
  const morning = { start: "09:00", end: "14:00" };
  const afternoon = { start: "15:00", end: "19:00" };
  const week: WeeklyHours = { monday: [morning, afternoon], tuesday: [morning, afternoon], wednesday: [morning, afternoon], thursday: [morning, afternoon], friday: [{ start: "08:00", end: "15:00" }] };
  const withSaturday: WeeklyHours = { ...week, saturday: [{ start: "10:00", end: "14:00" }] };
  const holidays = publicHolidays("ES-MD", 2025).map((holiday) => holiday.date);
  const now = Date.parse(NOW);

  const calendars = Array.from({ length: STAFF }, (_, index) => {
    const offDay = Math.floor(next() * DAYS);
    const offStart = now + offDay * 86_400_000 + 6 * 3_600_000;
    return {
      id: `staff-${String(index).padStart(2, "0")}`,
      timeZone: TIME_ZONE,
      weeklyHours: index % 5 === 0 ? withSaturday : week,
      holidays,
      overrides: index % 7 === 0 ? [{ date: "2025-10-10", hours: [{ start: "09:00", end: "12:00" }] }] : [],
      timeOff: [{ start: new Date(offStart).toISOString(), end: new Date(offStart + 6 * 3_600_000).toISOString() }],
      lastBookedAt: new Date(now - Math.floor(next() * 72) * 3_600_000).toISOString(),
      weight: 1 + (index % 3),
      bookings: [] as Booking[],
    };
  });

  // 10,000 bookings of 15 to 60 minutes on the quarter hour, in working hours, never overlapping per person.
  const taken = calendars.map(() => new Set<number>());
  let placed = 0;
  while (placed < BOOKINGS) {
    const staff = Math.floor(next() * STAFF);
    const day = Math.floor(next() * DAYS);
    const quarter = 8 * 4 + Math.floor(next() * 11 * 4); // 08:00–19:00 local, roughly
    const length = 1 + Math.floor(next() * 4);
    const start = now - 6 * 3_600_000 + day * 86_400_000 + quarter * 900_000 - 2 * 3_600_000;
    const quarters = Array.from({ length }, (_, offset) => start / 900_000 + offset);
    if (quarters.some((slot) => (taken[staff] as Set<number>).has(slot))) continue;
    for (const slot of quarters) (taken[staff] as Set<number>).add(slot);
    (calendars[staff] as { bookings: Booking[] }).bookings.push({ id: `b${placed}`, start: new Date(start).toISOString(), end: new Date(start + length * 900_000).toISOString(), bufferAfterMinutes: next() < 0.3 ? 5 : 0 });
    placed++;
  }
  return calendars as Calendar[];
}

/** The median of `runs` timed runs after a warm-up whose result is returned; timed results are dropped at once. */
function time<T extends unknown[]>(runs: number, work: () => T): { ms: number; result: T } {
  const result = work();
  const times: number[] = [];
  let sink = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    sink += work().length;
    times.push(performance.now() - started);
  }
  if (sink !== result.length * runs) throw new Error("runs disagree");
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, result };
}

const calendars = scenario();
const window = { start: NOW, end: new Date(Date.parse(NOW) + DAYS * 86_400_000).toISOString() };
const policy = { stepMinutes: 15, minimumNoticeMinutes: 60, maxDaysAhead: DAYS };
const clock = fixedClock(NOW);
const service: Service = { durationMinutes: 30, bufferAfterMinutes: 5 };

const cases: { name: string; fast: () => Slot[]; naive: () => Slot[]; naiveRuns: number }[] = [
  {
    name: "one of 50 staff (round-robin)",
    fast: () => findSlots({ service, candidates: calendars, window, clock, policy }),
    naive: () => naiveSlots({ service, candidates: calendars, window, now: NOW, policy }),
    naiveRuns: 3,
  },
  {
    name: "each of 50 staff (50 calls)",
    fast: () => calendars.flatMap((calendar) => findSlots({ service: { ...service, needs: { kind: "one-of", ids: [calendar.id] } }, candidates: calendars, window, clock, policy })),
    naive: () => calendars.flatMap((calendar) => naiveSlots({ service: { ...service, needs: { kind: "one-of", ids: [calendar.id] } }, candidates: [calendar], window, now: NOW, policy })),
    naiveRuns: 1,
  },
];

const out = (line: string) => process.stdout.write(`${line}\n`);
const bookings = calendars.reduce((sum, calendar) => sum + (calendar.bookings?.length ?? 0), 0);
out(`@frontoffice/scheduling: ${STAFF} staff × ${DAYS} days (${TIME_ZONE}, split shifts, Madrid holidays, a DST change), ${bookings} bookings, 30-min service, 15-min step`);
out("");
out(`${"case".padEnd(32)}${"findSlots".padStart(12)}${"naive".padStart(12)}${"ratio".padStart(9)}${"slots".padStart(9)}`);
// Every fast case first, then the naive ones, so the baseline's garbage does not land in the fast timings.
const fast = cases.map((entry) => time(20, entry.fast));
const naive = cases.map((entry) => time(entry.naiveRuns, entry.naive));
let failed = false;
cases.forEach((entry, index) => {
  const quick = fast[index] as { ms: number; result: Slot[] };
  const slow = naive[index] as { ms: number; result: Slot[] };
  const same = isDeepStrictEqual(quick.result, slow.result);
  if (!same) failed = true;
  out(`${entry.name.padEnd(32)}${`${quick.ms.toFixed(2)} ms`.padStart(12)}${`${slow.ms.toFixed(0)} ms`.padStart(12)}${`${(slow.ms / quick.ms).toFixed(0)}×`.padStart(9)}${String(quick.result.length).padStart(9)}${same ? "" : "  ✗ results differ"}`);
});
out("");
out("findSlots: median of 20 runs after a warm-up; naive: median of its runs. Target: < 50 ms.");
if (failed) {
  process.stderr.write("findSlots and the naive baseline disagree\n");
  process.exitCode = 1;
}
